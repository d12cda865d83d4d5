package org.backsafe.kiosk;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.backsafe.result.WordedResult;
import org.backsafe.result.WordedResults;
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
 * transaction, as one row: it is stored whole or not at all, and {@link #store} returns only once the
 * commit is durable (H2 without a write delay, PostgreSQL's normal commit; {@link KioskStorage} checks
 * both), so a code is shown only for a record that a crash cannot lose. A duplicate reference code
 * (another kiosk drew the same one at the same moment) is caught by the unique constraint and retried
 * with a new code. Any other failure is tried once more on new connections (a connection can be
 * broken by an earlier fault that is gone now), then reported: the patient goes to reception.
 */
@Service
public class KioskScreenings {

	private static final Log logger = LogFactory.getLog(KioskScreenings.class);

	static final int ATTEMPTS = 5;

	private final KioskScreeningRepository repository;

	private final KioskStorage storage;

	private final TransactionTemplate transaction;

	private final Supplier<String> codes;

	private final Clock clock;

	private final WordedResults words;

	@Autowired
	KioskScreenings(KioskScreeningRepository repository, KioskStorage storage, PlatformTransactionManager transactions,
			ReferenceCodes codes, WordedResults words) {
		this(repository, storage, transactions, codes::next, Clock.systemUTC(), words);
	}

	KioskScreenings(KioskScreeningRepository repository, KioskStorage storage, PlatformTransactionManager transactions,
			Supplier<String> codes, Clock clock, WordedResults words) {
		this.words = words;
		this.repository = repository;
		this.storage = storage;
		this.transaction = new TransactionTemplate(transactions);
		this.codes = codes;
		this.clock = clock;
	}

	/**
	 * Stores one screening under a new reference code, durably, with the words the patient is shown
	 * in every language: staff later read what the patient was told, whatever the rules say by then.
	 * @throws StorageFailed when it could not be stored; nothing was written
	 */
	public KioskScreening store(ScreeningRequest answers, ScreeningResult result, Locale language) {
		Map<String, WordedResult> wording = new LinkedHashMap<>();
		for (Locale locale : WordedResults.LANGUAGES) {
			wording.put(locale.getLanguage(), this.words.word(result, locale));
		}
		RuntimeException last = null;
		String code = null;
		int drawn = 0;
		boolean retried = false;
		while (true) {
			if (code == null) {
				if (drawn == ATTEMPTS) {
					break;
				}
				code = this.codes.get();
				drawn++;
			}
			String attempt = code;
			try {
				this.storage.beforeWrite();
				KioskScreening stored = this.transaction.execute((status) -> this.repository
					.insert(new KioskScreening(attempt, this.clock.instant(), language, answers, result, wording)));
				this.storage.wrote();
				return stored;
			}
			catch (DataIntegrityViolationException ex) {
				last = ex;
				if (!isTaken(code)) {
					// not a duplicate code: trying again would fail the same way
					break;
				}
				logger.info("Reference code drawn twice; drawing another (attempt " + drawn + ")");
				code = null;
			}
			catch (RuntimeException ex) {
				last = ex;
				if (retried || !KioskStorage.worthRetrying(ex)) {
					break;
				}
				// once more with the same code, on new connections: the one that failed may have been broken
				// by a fault that is gone now
				logger.warn("A kiosk screening could not be stored (" + KioskStorage.describe(ex)
						+ "); trying once more on new connections");
				this.storage.recover(ex);
				retried = true;
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

	private StorageFailed failed(RuntimeException cause) {
		logger.error("A kiosk screening could not be stored; the patient was sent to reception", cause);
		this.storage.failed("storing a kiosk screening", cause);
		return new StorageFailed("A kiosk screening could not be stored", cause);
	}

	/** The screening with this code, typed in any form staff might type it. */
	public Optional<KioskScreening> find(String typedCode) {
		return ReferenceCodes.parse(typedCode).flatMap(this.repository::findByReferenceCode);
	}

	/** Screenings taken at or after the given moment, newest first. */
	public List<KioskScreening> since(Instant since) {
		return this.repository.screenedSince(since);
	}

	/**
	 * What changes when a screening since the moment is stored, purged or reviewed: how many there
	 * are, the newest id and how many are reviewed. Small and cheap, for a list that refreshes itself.
	 */
	public ChangeMarker changesSince(Instant since) {
		return this.repository.changeMarkerSince(since);
	}

	/** A day's screenings in three numbers: any change to the list changes one of them. */
	public record ChangeMarker(long count, long latestId, long reviewed) {
	}

	/**
	 * Marks a screening reviewed by the given staff member; false when there is no such screening.
	 * Refused before H2 tries it when its file cannot take a write (see {@link KioskStorage}).
	 */
	public boolean markReviewed(String typedCode, String by) {
		this.storage.beforeWrite();
		Boolean done = this.transaction.execute((status) -> ReferenceCodes.parse(typedCode)
			.map((code) -> this.repository.markReviewed(code, by, this.clock.instant()))
			.orElse(false));
		return Boolean.TRUE.equals(done);
	}

	/** Deletes every screening taken before the cutoff, in one transaction; returns how many. */
	public int purgeBefore(Instant cutoff) {
		try {
			this.storage.beforeWrite();
			Integer count = this.transaction.execute((status) -> this.repository.deleteScreenedBefore(cutoff));
			this.storage.wrote();
			return (count != null) ? count : 0;
		}
		catch (RuntimeException ex) {
			this.storage.failed("the retention purge", ex);
			throw ex;
		}
	}

}
