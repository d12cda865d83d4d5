package org.backsafe.ruleversions;

import java.io.IOException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.backsafe.rulebase.AdmittedRules;
import org.backsafe.rulebase.RuleBase;
import org.backsafe.rulebase.RuleBaseLoader;
import org.backsafe.rulebase.RuleFiles;
import org.postgresql.PGConnection;

import org.springframework.context.SmartLifecycle;

/**
 * Takes up a newly active rule version on this replica: it listens for the database's
 * notification (PostgreSQL {@code LISTEN}) and also asks every {@code backsafe.rules.poll-interval},
 * in case a notification was missed while the connection was down. While {@code publish} prepares a
 * version, the loader compiles it and keeps it ready, and this replica says so in the database;
 * when the active version is not the one serving, the loader swaps it in (compiling it then if it
 * was not made ready). If it cannot, the old version keeps serving and this replica says it is not
 * ready ({@link ActiveRuleVersionHealthIndicator}).
 */
class ActiveVersionWatcher implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ActiveVersionWatcher.class);

	private final DataSource dataSource;

	private final RuleVersionStore store;

	private final RuleBaseLoader loader;

	private final Duration pollInterval;

	private volatile Thread thread;

	private volatile boolean running;

	/** The active version last read from the database, or null before the first read. */
	private volatile String active;

	/** How this replica names itself in the database. */
	private final String name = replicaName();

	/** A version being published that this replica could not make ready, or null. */
	private volatile String failedToPrepare;

	/** An active version this replica failed to take up, or null. */
	private volatile String failed;

	/** Why the last read of the active version failed, or null. */
	private volatile String unreadable;

	ActiveVersionWatcher(DataSource dataSource, RuleVersionStore store, RuleBaseLoader loader, Duration pollInterval) {
		this.dataSource = dataSource;
		this.store = store;
		this.loader = loader;
		this.pollInterval = pollInterval;
	}

	@Override
	public void start() {
		this.running = true;
		Thread watching = new Thread(this::watch, "rule-version-watcher");
		watching.setDaemon(true);
		this.thread = watching;
		watching.start();
	}

	@Override
	public void stop() {
		this.running = false;
		Thread watching = this.thread;
		if (watching != null) {
			watching.interrupt();
			try {
				watching.join(2000); // so that it does not say it is here after this says it is gone
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		try {
			this.store.forgetReplica(this.name); // no publish waits for a replica that has stopped
		}
		catch (RuntimeException ex) {
			logger.warn("This replica could not say it stops: " + ex.getMessage());
		}
	}

	/** How this replica is named to publish: its host, its process and a random part. */
	private static String replicaName() {
		String host = System.getenv("HOSTNAME");
		if (host == null || host.isBlank()) {
			try {
				host = InetAddress.getLocalHost().getHostName();
			}
			catch (IOException ex) {
				host = "replica";
			}
		}
		return host + ":" + ProcessHandle.current().pid() + ":"
				+ Long.toHexString(new SecureRandom().nextInt(0x10000));
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** The active version as last read, if read at all. */
	Optional<String> active() {
		return Optional.ofNullable(this.active);
	}

	/** The active version this replica could not take up, if it is still the active one. */
	Optional<String> failedToTakeUp() {
		String version = this.failed;
		return (version != null && version.equals(this.active)) ? Optional.of(version) : Optional.empty();
	}

	/** Why the active version could not be read last time, if it could not. */
	Optional<String> unreadable() {
		return Optional.ofNullable(this.unreadable);
	}

	private void watch() {
		try {
			this.store.forgetGoneReplicas();
		}
		catch (RuntimeException ex) {
			logger.warn("Replicas gone for a day could not be forgotten: " + ex.getMessage());
		}
		while (this.running) {
			try (Connection connection = this.dataSource.getConnection()) {
				if (this.store.notifies() && connection.isWrapperFor(PGConnection.class)) {
					listen(connection);
				}
				else {
					connection.close(); // nothing to listen on: polling alone
					while (this.running) {
						check();
						Thread.sleep(this.pollInterval.toMillis());
					}
				}
			}
			catch (SQLException ex) {
				this.unreadable = ex.getMessage();
				logger.warn("Listening for new rule versions failed (" + ex.getMessage() + "); trying again in "
						+ this.pollInterval.toSeconds() + " s");
				pause();
			}
			catch (InterruptedException ex) {
				return; // stopping
			}
		}
	}

	private void listen(Connection connection) throws SQLException, InterruptedException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("LISTEN " + RuleVersionStore.CHANNEL);
		}
		PGConnection notifications = connection.unwrap(PGConnection.class);
		while (this.running) {
			check(); // at once after (re)connecting, then on each notification or poll
			notifications.getNotifications((int) this.pollInterval.toMillis());
			if (Thread.interrupted()) {
				throw new InterruptedException();
			}
		}
	}

	/**
	 * Reads the active version and the one being published: makes the second ready, and when the
	 * first is not the one serving, takes it up. Then says what this replica serves and has ready.
	 */
	void check() {
		String now;
		String preparing;
		try {
			now = this.store.activeContentVersion().orElse(null);
			preparing = this.store.preparingContentVersion().orElse(null);
			this.unreadable = null;
		}
		catch (RuntimeException ex) {
			this.unreadable = ex.getMessage();
			logger.warn("The active rule version could not be read: " + ex.getMessage());
			return;
		}
		this.active = now;
		try {
			takeUp(now);
			prepare(preparing);
		}
		finally {
			say();
		}
	}

	private void takeUp(String now) {
		RuleBase serving = this.loader.holder().serving().orElse(null);
		if (now == null) {
			return;
		}
		if (serving != null && now.equals(serving.files().contentVersion())) {
			if (this.failed != null && this.loader.reload()) {
				this.failed = null; // back to the version that serves: the refused one is history
			}
			return;
		}
		if (!now.equals(this.failed)) {
			logger.info("A new rule version is active in the database (content " + now.substring(0, 12)
					+ "): taking it up");
		}
		// A version refused before is asked for again: the loader reads it, finds the same content
		// refused, and stops there; a version that could not be read is read again.
		if (this.loader.reload()) {
			this.failed = null;
		}
		else if (this.running) {
			this.failed = now;
		}
	}

	/** Makes a version that is being published ready here, once; one that could not be is not tried again. */
	private void prepare(String preparing) {
		RuleBase serving = this.loader.holder().serving().orElse(null);
		if (preparing == null || preparing.equals(this.failedToPrepare)
				|| (serving != null && preparing.equals(serving.files().contentVersion()))
				|| preparing.equals(contentOf(this.loader.prepared()))) {
			return;
		}
		Optional<RuleVersionStore.StoredVersion> version;
		try {
			version = this.store.preparing().filter((v) -> v.contentVersion().equals(preparing));
		}
		catch (RuntimeException ex) {
			logger.warn("The rule version being published could not be read: " + ex.getMessage());
			return;
		}
		if (version.isEmpty()) {
			return; // made active, or replaced by another publish, since
		}
		logger.info("A new rule version is being published (content " + preparing.substring(0, 12)
				+ "): making it ready");
		say(); // so that publish sees this replica at work on it
		if (!this.loader.prepare(new AdmittedRules(RuleFiles.of(version.get().files(), DatabaseRuleSource.ORIGIN),
				version.get().record())) && this.running) {
			this.failedToPrepare = preparing;
		}
	}

	/** Tells the database what this replica serves and has ready, for publish to wait on. */
	private void say() {
		if (!this.running) {
			return; // stopping: stop() says this replica is gone
		}
		try {
			this.store.sawReplica(this.name, contentOf(this.loader.holder().serving()),
					contentOf(this.loader.prepared()), this.pollInterval);
		}
		catch (RuntimeException ex) {
			logger.warn("This replica could not say what it serves: " + ex.getMessage());
		}
	}

	private static String contentOf(Optional<RuleBase> rules) {
		return rules.map((ruleBase) -> ruleBase.files().contentVersion()).orElse(null);
	}

	private void pause() {
		try {
			Thread.sleep(this.pollInterval.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

}
