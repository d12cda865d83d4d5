package org.backsafe.kiosk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The kiosk's database as a whole: whether it takes writes, and what to do when it stops, so that it
 * takes them again without a restart once the fault is gone.
 * <ul>
 * <li><b>Ready</b> before a write: a commit is durable when it returns (H2: a file database with no
 * write delay; PostgreSQL: {@code synchronous_commit} and {@code fsync} on), the migrations have
 * run (they run once the app has started, and may fail: a corrupt file, a server not yet there),
 * and the tables have every column the app uses. Checked again after any failure.</li>
 * <li><b>Room to write</b>, for an H2 file: the file is writable and its disk has
 * {@link #MIN_FREE_BYTES} free, checked before every write. A write that H2 itself fails (a full
 * disk, a file made read-only) closes its whole database, and H2 2.4 can then leave a thread
 * spinning for ever in a rollback of that closed database; refused here, H2 never tries it.</li>
 * <li><b>Up or down</b>: the outcome of the last write, a kiosk screening's or the health check's
 * probe, is what health reports. A probe write runs when health is asked and nothing has been
 * written for {@link #PROBE_INTERVAL}, one at a time: however often health is asked, the database
 * sees at most one small write every few seconds.</li>
 * <li><b>Recovery</b> after a failed write: every pooled connection is replaced (H2 closes the
 * database after a failed write, but its old connections still say they are valid), and an H2
 * database that was opened read-only (H2 does that when the file cannot be written) is shut, so that
 * the next connection opens the file again, writable once the fault is gone.</li>
 * </ul>
 */
@Component
public class KioskStorage {

	private static final Log logger = LogFactory.getLog(KioskStorage.class);

	/** Health probes the database when nothing has been written for this long. */
	static final Duration PROBE_INTERVAL = Duration.ofSeconds(5);

	/** A probe write waits at most this long for the database (getting a connection is bounded by the pool). */
	static final int PROBE_TIMEOUT_SECONDS = 5;

	/** An H2 file takes no write with less free space on its disk (Spring Boot's disk space check: 10 MB too). */
	static final long MIN_FREE_BYTES = 10L * 1024 * 1024;

	/** H2's error code for a write to a database it opened read-only. */
	static final int H2_DATABASE_IS_READ_ONLY = 90097;

	enum Status {

		/** Nothing written or probed yet. */
		UNKNOWN,

		/** The last write went through. */
		UP,

		/** The last write failed, or storage is not ready for one. */
		DOWN

	}

	/**
	 * What health reports.
	 *
	 * @param status the outcome of the last write
	 * @param since when the storage entered this status
	 * @param checkedAt when a write was last tried
	 * @param lastWrite when a write last went through
	 * @param lastFailure when a write last failed
	 * @param error what the last failure was: the class of its root cause and its SQL state, never
	 * its message (which may quote stored values; the log has the whole error)
	 */
	record State(Status status, Instant since, Instant checkedAt, Instant lastWrite, Instant lastFailure,
			String error) {

		static final State NEW = new State(Status.UNKNOWN, null, null, null, null, null);

	}

	/**
	 * Storage is not ready for a write, found before anything was tried; the message says why and
	 * what to change, and holds no stored value.
	 */
	static class NotReady extends RuntimeException {

		NotReady(String message) {
			super(message);
		}

	}

	private final DataSource dataSource;

	private final JdbcTemplate probes;

	private final ObjectProvider<Flyway> flyway;

	private final Clock clock;

	/** The tables the app reads and writes, and their columns, checked before the first write. */
	private final Map<String, String> tables = new ConcurrentSkipListMap<>(
			Map.of("kiosk_screening", KioskScreeningRepository.COLUMNS));

	private final ReentrantLock probing = new ReentrantLock();

	private final Object readiness = new Object();

	private volatile boolean ready;

	/** The H2 database file, once known; null for any other database (or an in-memory one). */
	private volatile Path h2File;

	private volatile State state = State.NEW;

	@Autowired
	KioskStorage(DataSource dataSource, ObjectProvider<Flyway> flyway) {
		this(dataSource, flyway, Clock.systemUTC());
	}

	KioskStorage(DataSource dataSource, ObjectProvider<Flyway> flyway, Clock clock) {
		this.dataSource = dataSource;
		this.probes = new JdbcTemplate(dataSource);
		this.probes.setQueryTimeout(PROBE_TIMEOUT_SECONDS);
		this.flyway = flyway;
		this.clock = clock;
	}

	/** At start, once everything else has: say in the log, and in health, whether storage works. */
	@EventListener(ApplicationReadyEvent.class)
	void checkAtStart() {
		probe();
		if (this.state.status() == Status.UP) {
			logger.info("Kiosk storage is ready: migrated, durable commits, a probe write went through");
		}
	}

	/**
	 * Makes sure storage can take a write now: ready (commits durable, migrated, the columns checked),
	 * and for an H2 file, room to write.
	 * The staff pages' writes (failed logins, the audit log) call this too: on H2, one failed write
	 * closes the whole database.
	 * @throws RuntimeException when it cannot; nothing was written
	 */
	public void beforeWrite() {
		ready();
		Path file = this.h2File;
		if (file != null) {
			roomToWrite(file);
		}
	}

	/** Commits durable, migrated, the columns checked: once, and again after any failure. */
	void ready() {
		if (this.ready) {
			return;
		}
		synchronized (this.readiness) {
			if (this.ready) {
				return;
			}
			checkDurable(); // first: nothing, not even a migration, is written to a database that loses commits
			Flyway migrations = this.flyway.getIfAvailable();
			// only reads when up to date: migrate() would take a transaction (a write) even then, and
			// Flyway can leave its connection checked out when that fails (the disk is full)
			if (migrations != null && migrations.info().pending().length > 0) {
				// the tables again, after a corrupt file was moved aside, say
				migrations.migrate();
			}
			this.tables.forEach(this::checkColumns);
			this.ready = true;
		}
	}

	/** Another table the app writes through this storage, checked with the others before the first write. */
	public void expectTable(String table, String columns) {
		this.tables.put(table, columns);
	}

	/** Every column the app reads and writes is there: else nothing is written to a table it would misread. */
	private void checkColumns(String table, String columns) {
		try {
			this.probes.queryForList("SELECT " + columns + " FROM " + table + " WHERE 1 = 0");
		}
		catch (DataAccessException ex) {
			throw new NotReady("The table " + table + " does not have the columns the app uses (" + columns + "): "
					+ describe(ex));
		}
	}

	/** A commit must be on disk when it returns, or a code could be shown for a record a crash loses. */
	private void checkDurable() {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			String product = connection.getMetaData().getDatabaseProductName();
			if ("H2".equals(product)) {
				String path = single(statement, "SELECT DATABASE_PATH()");
				String delay = single(statement,
						"SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'");
				// an in-memory database (the tests') has no file to be durable in
				if (path != null && delay != null && !"0".equals(delay.trim())) {
					throw new NotReady("H2 acknowledges a commit up to " + delay
							+ " ms before it writes it (WRITE_DELAY): add ;WRITE_DELAY=0 to spring.datasource.url");
				}
				this.h2File = (path != null) ? Path.of(path + ".mv.db").toAbsolutePath() : null;
			}
			else if ("PostgreSQL".equals(product)) {
				for (String setting : new String[] { "synchronous_commit", "fsync" }) {
					String value = single(statement, "SHOW " + setting);
					if ("off".equalsIgnoreCase(value)) {
						throw new NotReady("PostgreSQL has " + setting
								+ " off: a commit is acknowledged before it is on disk; turn it on");
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Could not check that commits are durable", ex);
		}
	}

	private static void roomToWrite(Path file) {
		if (Files.exists(file) && !Files.isWritable(file)) {
			throw new NotReady("The database file " + file + " cannot be written (read-only)");
		}
		try {
			long free = Files.getFileStore(file.getParent()).getUsableSpace();
			if (free < MIN_FREE_BYTES) {
				throw new NotReady("The disk of " + file + " is full: " + free + " bytes free, fewer than "
						+ MIN_FREE_BYTES);
			}
		}
		catch (IOException ex) {
			throw new NotReady("The free space next to " + file + " cannot be read: " + ex);
		}
	}

	private static String single(Statement statement, String sql) throws SQLException {
		try (ResultSet rows = statement.executeQuery(sql)) {
			return rows.next() ? rows.getString(1) : null;
		}
	}

	/** A write went through: storage is up. */
	void wrote() {
		Instant now = this.clock.instant();
		State before = this.state;
		this.state = new State(Status.UP, (before.status() == Status.UP) ? before.since() : now, now, now,
				before.lastFailure(), before.error());
		if (before.status() == Status.DOWN) {
			logger.info("Kiosk storage is UP again: a write went through (it was DOWN since " + before.since() + ")");
		}
	}

	/**
	 * A write failed (or storage was not ready for one): storage is down, and its connections are
	 * replaced so that the next write can succeed once the fault is gone.
	 */
	void failed(String what, Throwable cause) {
		Instant now = this.clock.instant();
		State before = this.state;
		this.ready = false;
		this.state = new State(Status.DOWN, (before.status() == Status.DOWN) ? before.since() : now, now,
				before.lastWrite(), now, describe(cause));
		if (before.status() != Status.DOWN) {
			logger.error("Kiosk storage is DOWN: " + what + " failed; the kiosk sends patients to reception until a"
					+ " write goes through again", cause);
		}
		if (!refusedBeforeWriting(cause)) {
			recover(cause);
		}
	}

	private static boolean refusedBeforeWriting(Throwable failure) {
		return failure instanceof NotReady;
	}

	/**
	 * Whether a write that failed so is worth trying once more on new connections: not when it was
	 * refused before anything was tried, nor when no connection could be had at all (the pool has
	 * already waited for one, {@code spring.datasource.hikari.connection-timeout}).
	 */
	static boolean worthRetrying(Throwable failure) {
		int depth = 0;
		for (Throwable cause = failure; cause != null && depth++ < 20; cause = cause.getCause()) {
			if (cause instanceof NotReady || cause instanceof SQLTransientConnectionException) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Replaces every pooled connection (in use ones as they come back); shuts an H2 database that was
	 * opened read-only, so that the next connection opens the file again.
	 */
	void recover(Throwable cause) {
		evictPooledConnections();
		if (h2ReadOnly(cause)) {
			shutH2IfReadOnly();
			// every connection made meanwhile was to the database just shut
			evictPooledConnections();
		}
	}

	private void shutH2IfReadOnly() {
		Connection connection = null;
		try {
			connection = this.dataSource.getConnection();
			try (Statement statement = connection.createStatement()) {
				// H2 keeps a database it opened read-only so for as long as any connection is open to it
				if (Boolean.parseBoolean(single(statement, "SELECT READONLY()"))) {
					statement.execute("SHUTDOWN");
					logger.warn("Kiosk storage: H2 had opened the database read-only; shut it, so that the next"
							+ " connection opens the file again");
				}
			}
		}
		catch (SQLException | RuntimeException ex) {
			logger.warn("Kiosk storage: could not shut the read-only H2 database (" + describe(ex) + ")");
		}
		finally {
			closeQuietly(connection);
		}
	}

	private static void closeQuietly(Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException | RuntimeException ex) {
				// a connection to the database just shut cannot even roll back; the pool drops it
			}
		}
	}

	private void evictPooledConnections() {
		try {
			if (this.dataSource.isWrapperFor(HikariDataSource.class)) {
				HikariPoolMXBean pool = this.dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
				if (pool != null) {
					pool.softEvictConnections();
				}
			}
		}
		catch (SQLException | RuntimeException ex) {
			logger.warn("Kiosk storage: could not replace the pooled connections (" + describe(ex) + ")");
		}
	}

	private static boolean h2ReadOnly(Throwable failure) {
		int depth = 0;
		for (Throwable cause = failure; cause != null && depth++ < 20; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_IS_READ_ONLY
					&& "90097".equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	/** The state for health, after a probe write if nothing has been written for a while. */
	State check() {
		State current = this.state;
		Instant now = this.clock.instant();
		if ((current.checkedAt() == null || !current.checkedAt().plus(PROBE_INTERVAL).isAfter(now))
				&& this.probing.tryLock()) {
			// one probe at a time; other health checks meanwhile report the last outcome
			try {
				probe();
			}
			finally {
				this.probing.unlock();
			}
		}
		return this.state;
	}

	/** A real, small write through the same kind of commit as a kiosk screening's. */
	void probe() {
		try {
			beforeWrite();
			int rows = this.probes.update("UPDATE storage_probe SET probed_at = ? WHERE id = 1",
					StoredTime.utc(this.clock.instant()));
			if (rows != 1) {
				throw new NotReady("The probe row is missing from storage_probe (" + rows + " rows updated)");
			}
			wrote();
		}
		catch (RuntimeException ex) {
			failed("a probe write", ex);
		}
	}

	State state() {
		return this.state;
	}

	/** The class of the root cause and the SQL state on the way there: no message, no stored values. */
	static String describe(Throwable failure) {
		Throwable root = failure;
		String sqlState = null;
		int depth = 0;
		for (Throwable cause = failure; cause != null && depth++ < 20; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null && sqlState == null) {
				sqlState = sql.getSQLState();
			}
			root = cause;
		}
		String name = (root instanceof NotReady) ? root.getMessage() : root.getClass().getSimpleName();
		return (sqlState != null) ? name + " (SQL state " + sqlState + ")" : name;
	}

}
