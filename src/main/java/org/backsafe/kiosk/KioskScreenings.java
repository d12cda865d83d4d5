package org.backsafe.kiosk;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.backsafe.screening.ScreeningRequest;
import org.backsafe.screening.ScreeningResult;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores kiosk screenings and finds them again for staff. Each screening is written in one
 * transaction, as one row: it is stored whole or not at all. A duplicate reference code (another
 * kiosk drew the same one at the same moment) is caught by the unique constraint and retried with a
 * new code.
 */
@Service
public class KioskScreenings {

	private static final Log logger = LogFactory.getLog(KioskScreenings.class);

	static final int ATTEMPTS = 5;

	private final KioskScreeningRepository repository;

	private final TransactionTemplate transaction;

	private final Supplier<String> codes;

	private final Clock clock;

	@Autowired
	KioskScreenings(KioskScreeningRepository repository, PlatformTransactionManager transactions,
			ReferenceCodes codes) {
		this(repository, transactions, codes::next, Clock.systemUTC());
	}

	KioskScreenings(KioskScreeningRepository repository, PlatformTransactionManager transactions,
			Supplier<String> codes, Clock clock) {
		this.repository = repository;
		this.transaction = new TransactionTemplate(transactions);
		this.codes = codes;
		this.clock = clock;
	}

	/**
	 * Stores one screening under a new reference code.
	 * @throws StorageFailed when it could not be stored; nothing was written
	 */
	public KioskScreening store(ScreeningRequest answers, ScreeningResult result, Locale language) {
		DataAccessException last = null;
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			String code = this.codes.get();
			try {
				return this.transaction.execute((status) -> this.repository
					.saveAndFlush(new KioskScreening(code, this.clock.instant(), language, answers, result)));
			}
			catch (DataIntegrityViolationException ex) {
				last = ex;
				if (!isTaken(code)) {
					// not a duplicate code: trying again would fail the same way
					break;
				}
				logger.info("Reference code drawn twice; drawing another (attempt " + attempt + ")");
			}
			catch (RuntimeException ex) {
				throw failed(ex);
			}
		}
		throw failed(last);
	}

	private boolean isTaken(String code) {
		try {
			return this.repository.existsByReferenceCode(code);
		}
		catch (DataAccessException ex) {
			return false;
		}
	}

	private StorageFailed failed(Exception cause) {
		logger.error("A kiosk screening could not be stored; the patient was sent to reception", cause);
		return new StorageFailed("A kiosk screening could not be stored", cause);
	}

	/** The screening with this code, typed in any form staff might type it. */
	public Optional<KioskScreening> find(String typedCode) {
		return ReferenceCodes.parse(typedCode).flatMap(this.repository::findByReferenceCode);
	}

	/** Screenings taken at or after the given moment, newest first. */
	public List<KioskScreening> since(Instant since) {
		return this.repository.findByScreenedAtGreaterThanEqualOrderByScreenedAtDesc(since);
	}

	/** Marks a screening reviewed by the given staff member; false when there is no such screening. */
	public boolean markReviewed(String typedCode, String by) {
		Boolean done = this.transaction.execute((status) -> ReferenceCodes.parse(typedCode)
			.flatMap(this.repository::findByReferenceCode)
			.map((screening) -> {
				screening.markReviewed(by, this.clock.instant());
				return true;
			})
			.orElse(false));
		return Boolean.TRUE.equals(done);
	}

	/** Deletes every screening taken before the cutoff; returns how many. */
	public int purgeBefore(Instant cutoff) {
		Integer count = this.transaction.execute((status) -> this.repository.deleteScreenedBefore(cutoff));
		return (count != null) ? count : 0;
	}

}
