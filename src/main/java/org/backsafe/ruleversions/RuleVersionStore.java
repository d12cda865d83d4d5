package org.backsafe.ruleversions;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.backsafe.rulebase.BuildGateRecord;
import org.backsafe.rulebase.RuleFiles;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rule versions admitted for several replicas, in the shared database (migrations V6 and V7):
 * each version's files and the gate's record of what passed, the one row that names the active
 * version, the one that names the version being prepared, and what each replica last said it
 * serves and has ready. Asking for a version to be prepared, and making it active, each notify
 * every replica listening on PostgreSQL.
 */
public class RuleVersionStore {

	/** The PostgreSQL channel a replica listens on; the payload is the content version to prepare or serve. */
	public static final String CHANNEL = "backsafe_rules";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final DataSource dataSource;

	/** Whether the database is PostgreSQL; null until first asked (the database may be down at start). */
	private volatile Boolean postgres;

	public RuleVersionStore(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = JdbcClient.create(dataSource);
		this.transactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));
	}

	private static boolean isPostgres(DataSource dataSource) {
		try (var connection = dataSource.getConnection()) {
			return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException("The database could not be reached: " + ex.getMessage(), ex);
		}
	}

	/** Whether replicas hear of a new version at once (LISTEN/NOTIFY), rather than at their next poll. */
	public boolean notifies() {
		Boolean known = this.postgres;
		if (known == null) {
			known = isPostgres(this.dataSource);
			this.postgres = known;
		}
		return known;
	}

	/**
	 * One admitted version.
	 *
	 * @param files the files by name
	 * @param record the gate's record: the content, the code that gated it, the coverage
	 * @param impact the impact report against the version active before it, as text; null for the first
	 */
	public record StoredVersion(String contentVersion, String version, Map<String, byte[]> files,
			BuildGateRecord record, String impact, Instant admittedAt, String admittedFrom) {
	}

	/** The content version of the active rule version, if any: what a replica polls for. */
	public Optional<String> activeContentVersion() {
		return this.jdbc.sql("SELECT content_version FROM rule_version_active WHERE id = 1")
			.query(String.class)
			.optional();
	}

	/** The active version with its files, if any. */
	public Optional<StoredVersion> active() {
		return this.transactions.execute((status) -> activeContentVersion().flatMap(this::byContentVersion));
	}

	private Optional<StoredVersion> byContentVersion(String contentVersion) {
		Map<String, byte[]> files = new LinkedHashMap<>();
		this.jdbc.sql("SELECT name, content FROM rule_version_file WHERE content_version = ? ORDER BY name")
			.param(contentVersion)
			.query((rs) -> {
				files.put(rs.getString("name"), rs.getBytes("content"));
			});
		return this.jdbc
			.sql("SELECT version, gate_record, impact, admitted_at, admitted_from FROM rule_version"
					+ " WHERE content_version = ?")
			.param(contentVersion)
			.query((rs, row) -> new StoredVersion(contentVersion, rs.getString("version"), files,
					BuildGateRecord.parse(rs.getString("gate_record")), rs.getString("impact"),
					rs.getTimestamp("admitted_at").toInstant(), rs.getString("admitted_from")))
			.optional();
	}

	/** The content version publish asks the replicas to prepare, if a publish is under way. */
	public Optional<String> preparingContentVersion() {
		return this.jdbc.sql("SELECT content_version FROM rule_version_preparing WHERE id = 1")
			.query(String.class)
			.optional();
	}

	/** The version publish asks the replicas to prepare, with its files, if a publish is under way. */
	public Optional<StoredVersion> preparing() {
		return this.transactions.execute((status) -> preparingContentVersion().flatMap(this::byContentVersion));
	}

	/**
	 * Stores a version the gate admitted (once: the same content is stored once) and asks every
	 * replica to prepare it; it becomes active with {@link #activate}. Replicas are notified when it
	 * commits.
	 *
	 * @param impact the impact report as text, or null
	 * @param from where it was published from, for the record
	 */
	public void admit(RuleFiles files, BuildGateRecord record, String impact, String from) {
		this.transactions.executeWithoutResult((status) -> {
			store(files, record, impact, from);
			Timestamp now = Timestamp.from(Instant.now());
			int updated = this.jdbc
				.sql("UPDATE rule_version_preparing SET content_version = ?, asked_at = ? WHERE id = 1")
				.params(files.contentVersion(), now)
				.update();
			if (updated == 0) {
				this.jdbc.sql("INSERT INTO rule_version_preparing (id, content_version, asked_at) VALUES (1, ?, ?)")
					.params(files.contentVersion(), now)
					.update();
			}
			notifyReplicas(files.contentVersion());
		});
	}

	/**
	 * Makes the version being prepared the active one, in one transaction; replicas are notified
	 * when it commits.
	 *
	 * @return false, and nothing changes, when another publish has asked for a different version
	 * to be prepared since
	 */
	public boolean activate(String contentVersion) {
		return Boolean.TRUE.equals(this.transactions.execute((status) -> {
			int asked = this.jdbc.sql("DELETE FROM rule_version_preparing WHERE id = 1 AND content_version = ?")
				.param(contentVersion)
				.update();
			if (asked == 0) {
				return false;
			}
			int updated = this.jdbc
				.sql("UPDATE rule_version_active SET content_version = ?, activated_at = ? WHERE id = 1")
				.params(contentVersion, Timestamp.from(Instant.now()))
				.update();
			if (updated == 0) {
				this.jdbc.sql("INSERT INTO rule_version_active (id, content_version, activated_at) VALUES (1, ?, ?)")
					.params(contentVersion, Timestamp.from(Instant.now()))
					.update();
			}
			notifyReplicas(contentVersion);
			return true;
		}));
	}

	/**
	 * How long a replica counts as there after it last said so, at least: it says so at each of its
	 * checks, and none while it compiles a version, which takes seconds on a busy machine.
	 */
	static final Duration LIVE_AT_LEAST = Duration.ofSeconds(30);

	/**
	 * A replica as it last said: what it serves and has ready, and whether it is still there (seen
	 * within three of its own intervals, or {@link #LIVE_AT_LEAST}, by the database's clock).
	 */
	public record Replica(String name, String serving, String prepared, boolean live) {

		/** Whether this replica can swap to the version at once: it has it ready, or serves it already. */
		public boolean hasReady(String contentVersion) {
			return contentVersion.equals(this.prepared) || contentVersion.equals(this.serving);
		}

	}

	/** Records what a replica serves and has ready, now; it says so again every {@code every}. */
	public void sawReplica(String name, String serving, String prepared, Duration every) {
		int updated = this.jdbc.sql("UPDATE rule_version_replica SET serving = ?, prepared = ?, every_ms = ?,"
				+ " seen_at = CURRENT_TIMESTAMP WHERE replica = ?")
			.params(serving, prepared, every.toMillis(), name)
			.update();
		if (updated == 0) {
			this.jdbc.sql("INSERT INTO rule_version_replica (replica, serving, prepared, every_ms, seen_at)"
					+ " VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)")
				.params(name, serving, prepared, every.toMillis())
				.update();
		}
	}

	/** Forgets replicas not seen for a day: ones that crashed, and so could not say they stopped. */
	public void forgetGoneReplicas() {
		this.jdbc.sql("DELETE FROM rule_version_replica WHERE seen_at < CURRENT_TIMESTAMP - INTERVAL '1' DAY").update();
	}

	/** A replica that stops says it is gone, so that no publish waits for it. */
	public void forgetReplica(String name) {
		this.jdbc.sql("DELETE FROM rule_version_replica WHERE replica = ?").param(name).update();
	}

	/** Every replica that has said what it serves, live or not, by name. */
	public List<Replica> replicas() {
		return this.jdbc.sql("SELECT replica, serving, prepared, every_ms, seen_at, CURRENT_TIMESTAMP AS now"
				+ " FROM rule_version_replica ORDER BY replica")
			.query((rs, row) -> {
				Instant seen = rs.getTimestamp("seen_at").toInstant();
				Instant now = rs.getTimestamp("now").toInstant();
				long gone = Math.max(3 * rs.getLong("every_ms"), LIVE_AT_LEAST.toMillis());
				boolean live = seen.plusMillis(gone).isAfter(now);
				return new Replica(rs.getString("replica"), rs.getString("serving"), rs.getString("prepared"), live);
			})
			.list();
	}

	/**
	 * Stores a version and makes it active only if no version is active yet: what the first replica
	 * to start on an empty database does with the rules packaged in its jar.
	 *
	 * @return whether this call made it active (false: another replica, or a publish, was first)
	 */
	public boolean publishIfNoneActive(RuleFiles files, BuildGateRecord record, String from) {
		try {
			return Boolean.TRUE.equals(this.transactions.execute((status) -> {
				if (activeContentVersion().isPresent()) {
					return false;
				}
				store(files, record, null, from);
				this.jdbc.sql("INSERT INTO rule_version_active (id, content_version, activated_at) VALUES (1, ?, ?)")
					.params(files.contentVersion(), Timestamp.from(Instant.now()))
					.update();
				notifyReplicas(files.contentVersion());
				return true;
			}));
		}
		catch (DuplicateKeyException ex) {
			return false; // another replica stored it, or made another version active, at the same moment
		}
	}

	private void store(RuleFiles files, BuildGateRecord record, String impact, String from) {
		boolean known = this.jdbc.sql("SELECT COUNT(*) FROM rule_version WHERE content_version = ?")
			.param(files.contentVersion())
			.query(Integer.class)
			.single() > 0;
		if (known) {
			return;
		}
		this.jdbc
			.sql("INSERT INTO rule_version (content_version, version, gate_record, impact, admitted_at, admitted_from)"
					+ " VALUES (?, ?, ?, ?, ?, ?)")
			.params(files.contentVersion(), files.version(), record.toText(), impact, Timestamp.from(Instant.now()),
					from)
			.update();
		files.all()
			.forEach((name, content) -> this.jdbc
				.sql("INSERT INTO rule_version_file (content_version, name, content) VALUES (?, ?, ?)")
				.params(files.contentVersion(), name, content)
				.update());
	}

	private void notifyReplicas(String contentVersion) {
		if (notifies()) {
			// delivered when the transaction commits, and only then
			this.jdbc.sql("SELECT pg_notify(?, ?)").params(CHANNEL, contentVersion).query((rs) -> {
			});
		}
	}

}
