package org.backsafe.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.backsafe.kiosk.StoredTime;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed logins per user name and client address, kept in the database ({@code staff_login_failure}):
 * a restart forgets nothing, and every copy of the app on the same database counts the same failures.
 * After {@code max} failures in a row the name is locked for {@code lockout} from that address only,
 * whether or not such a user exists, so a lockout tells an attacker nothing about which names are real.
 * <p>
 * Counting by address too is what keeps a shared account usable: someone in the waiting room who
 * types five wrong passwords for "reception" locks out their own address, not the desk's (OWASP:
 * throttle, do not lock a shared account for everyone). The address is the connection's
 * ({@code getRemoteAddr()}). A single instance trusts no forwarded header, so nobody can pick
 * another's; behind the replicas' load balancer, which sets {@code X-Forwarded-For} and is the
 * only way in, Tomcat takes the client's address from it (application-replicas.properties).
 * <p>
 * Each name and address has its own row and no other touches it: there is no cap, so a flood of
 * made-up names cannot push a real user's count out. What bounds the table is time: a count that has not
 * grown for as long as a lockout lasts starts again (so pacing the guesses gains nothing over waiting
 * out a lockout: at most {@code max} guesses per {@code lockout} either way), and
 * {@link #forgetStale()} deletes such rows.
 */
class LoginAttempts {

	private static final Log logger = LogFactory.getLog(LoginAttempts.class);

	/** The longest name kept; the column's size. Longer names (never a real user's) share a row by their start. */
	static final int MAX_NAME = 100;

	/** The longest address kept; the column's size (an IPv6 address with a zone fits). */
	static final int MAX_ADDRESS = 64;

	/** A name's row as it was before this failure. */
	private record Failures(int count, Instant lastFailedAt, Instant lockedUntil) {

		/** A lockout that has ended, or a count left alone for as long as a lockout lasts, starts again. */
		boolean startsAgain(Instant now, Duration lockout) {
			return (this.lockedUntil != null) ? !now.isBefore(this.lockedUntil)
					: !now.isBefore(this.lastFailedAt.plus(lockout));
		}

		boolean lockedAt(Instant now) {
			return this.lockedUntil != null && now.isBefore(this.lockedUntil);
		}

	}

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final int max;

	private final Duration lockout;

	private final Clock clock;

	private final Runnable beforeWrite;

	/**
	 * @param beforeWrite checks that the database can take a write now, and throws if not: on H2 one
	 * failed write closes the whole database, so a write it would fail is not tried
	 */
	LoginAttempts(JdbcTemplate jdbc, PlatformTransactionManager transactions, int max, Duration lockout, Clock clock,
			Runnable beforeWrite) {
		this.beforeWrite = beforeWrite;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.max = max;
		this.lockout = lockout;
		this.clock = clock;
	}

	boolean isLocked(String name, String address) {
		Failures failures = find(key(name), address(address), false);
		return failures != null && failures.lockedAt(this.clock.instant());
	}

	/** How many more failures from this address the name takes before it is locked there. */
	int triesLeft(String name, String address) {
		Instant now = this.clock.instant();
		Failures failures = find(key(name), address(address), false);
		if (failures == null || failures.startsAgain(now, this.lockout)) {
			return this.max;
		}
		return failures.lockedAt(now) ? 0 : Math.max(0, this.max - failures.count());
	}

	/**
	 * Counts one failed login for the name; true when this failure locks it. Two copies of the app
	 * counting the same name at once both count: the row is locked while it is read and written.
	 */
	boolean failed(String name, String address) {
		String key = key(name);
		String from = address(address);
		this.beforeWrite.run();
		for (int tries = 1;; tries++) {
			try {
				return Boolean.TRUE.equals(this.transaction.execute((status) -> count(key, from)));
			}
			catch (DuplicateKeyException ex) {
				// another copy (or thread) wrote this name's first failure at the same moment: count on its row
				if (tries == 3) {
					throw ex;
				}
			}
		}
	}

	/** A good login clears the count of its own address only: a stranger's count elsewhere stands. */
	void succeeded(String name, String address) {
		this.beforeWrite.run();
		this.jdbc.update("DELETE FROM staff_login_failure WHERE user_name = ? AND client_address = ?", key(name),
				address(address));
	}

	/** Deletes the rows that would start again anyway; returns how many. */
	@Scheduled(initialDelayString = "${backsafe.staff.lockout:15m}", fixedDelayString = "${backsafe.staff.lockout:15m}")
	int forgetStale() {
		Instant now = this.clock.instant();
		try {
			int forgotten = this.jdbc.update(
					"DELETE FROM staff_login_failure WHERE (locked_until IS NULL AND last_failed_at <= ?)"
							+ " OR (locked_until IS NOT NULL AND locked_until <= ?)",
					StoredTime.utc(now.minus(this.lockout)), StoredTime.utc(now));
			if (forgotten > 0) {
				logger.info("Forgot " + forgotten + " failed-login count(s) older than " + this.lockout);
			}
			return forgotten;
		}
		catch (RuntimeException ex) {
			logger.error("Old failed-login counts could not be deleted; they still start again when due", ex);
			return 0;
		}
	}

	private boolean count(String key, String address) {
		Instant now = this.clock.instant();
		Failures before = find(key, address, true);
		int count = (before == null || before.startsAgain(now, this.lockout)) ? 1 : before.count() + 1;
		Instant lockedUntil = (count >= this.max) ? now.plus(this.lockout) : null;
		if (before == null) {
			this.jdbc.update(
					"INSERT INTO staff_login_failure (user_name, client_address, failures, last_failed_at, locked_until)"
							+ " VALUES (?, ?, ?, ?, ?)",
					key, address, count, StoredTime.utc(now), StoredTime.utc(lockedUntil));
		}
		else {
			this.jdbc.update(
					"UPDATE staff_login_failure SET failures = ?, last_failed_at = ?, locked_until = ?"
							+ " WHERE user_name = ? AND client_address = ?",
					count, StoredTime.utc(now), StoredTime.utc(lockedUntil), key, address);
		}
		return lockedUntil != null && (before == null || !before.lockedAt(now));
	}

	private Failures find(String key, String address, boolean forUpdate) {
		List<Failures> rows = this.jdbc.query(
				"SELECT failures, last_failed_at, locked_until FROM staff_login_failure"
						+ " WHERE user_name = ? AND client_address = ?" + (forUpdate ? " FOR UPDATE" : ""),
				(rs, n) -> new Failures(rs.getInt(1), StoredTime.instant(rs.getObject(2, OffsetDateTime.class)),
						StoredTime.instant(rs.getObject(3, OffsetDateTime.class))),
				key, address);
		return rows.isEmpty() ? null : rows.get(0);
	}

	/**
	 * The row's key: the name as {@link StaffUsers} matches it (trimmed, lower case), control
	 * characters (which PostgreSQL refuses in text) replaced, at most {@value #MAX_NAME} characters.
	 */
	static String key(String name) {
		String key = (name != null) ? name.strip().toLowerCase(Locale.ROOT) : "";
		StringBuilder kept = new StringBuilder();
		key.codePoints()
			.limit(MAX_NAME)
			.forEach((c) -> kept.appendCodePoint(Character.isISOControl(c) ? '\uFFFD' : c));
		return kept.toString();
	}

	/** The client's address as the connection gives it, cut to the column; empty when unknown. */
	static String address(String address) {
		String kept = (address != null) ? address.strip() : "";
		return (kept.length() > MAX_ADDRESS) ? kept.substring(0, MAX_ADDRESS) : kept;
	}

}
