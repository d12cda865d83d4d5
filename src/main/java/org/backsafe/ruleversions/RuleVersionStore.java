package org.backsafe.ruleversions;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
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
 * The rule versions admitted for several replicas, in the shared database (migration V6): each
 * version's files and the gate's record of what passed, and the one row that names the active
 * version. Making a version active also notifies every replica listening on PostgreSQL.
 */
public class RuleVersionStore {

	/** The PostgreSQL channel a replica listens on; the payload is the new active content version. */
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

	/**
	 * Stores a version the gate admitted (once: the same content is stored once) and makes it the
	 * active one, in one transaction; replicas are notified when it commits.
	 *
	 * @param impact the impact report as text, or null
	 * @param from where it was published from, for the record
	 */
	public void publish(RuleFiles files, BuildGateRecord record, String impact, String from) {
		this.transactions.executeWithoutResult((status) -> {
			store(files, record, impact, from);
			int updated = this.jdbc
				.sql("UPDATE rule_version_active SET content_version = ?, activated_at = ? WHERE id = 1")
				.params(files.contentVersion(), Timestamp.from(Instant.now()))
				.update();
			if (updated == 0) {
				this.jdbc.sql("INSERT INTO rule_version_active (id, content_version, activated_at) VALUES (1, ?, ?)")
					.params(files.contentVersion(), Timestamp.from(Instant.now()))
					.update();
			}
			notifyReplicas(files.contentVersion());
		});
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
