package org.backsafe.ruleversions;

import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.backsafe.rulebase.AdmittedRules;
import org.backsafe.rulebase.BuildGateRecord;
import org.backsafe.rulebase.RuleBaseCompiler;
import org.backsafe.rulebase.RuleBaseGate;
import org.backsafe.rulebase.RuleFiles;
import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The rules a replica serves: the database's active version. On an empty database, the first
 * replica to start makes the rules packaged in its jar the first version, once they have passed
 * the gate (at build, by the build's record for this same code, or here).
 */
class DatabaseRuleSource implements AdmittedRules.Source {

	/** How a version read from the database is named in the log, health and the catalogue. */
	static final String ORIGIN = "the database's active version";

	private static final Log logger = LogFactory.getLog(DatabaseRuleSource.class);

	private final RuleVersionStore store;

	private final ObjectProvider<Flyway> flyway;

	private volatile boolean migrated;

	DatabaseRuleSource(RuleVersionStore store, ObjectProvider<Flyway> flyway) {
		this.store = store;
		this.flyway = flyway;
	}

	@Override
	public Optional<AdmittedRules> active() {
		migrate();
		Optional<RuleVersionStore.StoredVersion> active = this.store.active();
		if (active.isEmpty() && admitPackaged()) {
			active = this.store.active();
		}
		return active.map((v) -> new AdmittedRules(RuleFiles.of(v.files(), ORIGIN), v.record()));
	}

	@Override
	public String describe() {
		return ORIGIN;
	}

	/** The tables must be there before the first read; Flyway's own lock keeps replicas apart. */
	private void migrate() {
		if (this.migrated) {
			return;
		}
		Flyway migrations = this.flyway.getIfAvailable();
		if (migrations != null && migrations.info().pending().length > 0) {
			migrations.migrate();
		}
		this.migrated = true;
	}

	private boolean admitPackaged() {
		RuleFiles packaged = RuleFiles.packaged();
		String code = BuildGateRecord.currentCodeVersion();
		BuildGateRecord record = BuildGateRecord.onClasspath()
			.filter((r) -> r.vouchesFor(packaged, code))
			.orElseGet(() -> gate(packaged, code));
		if (record == null) {
			return false;
		}
		boolean first = this.store.publishIfNoneActive(packaged, record, "the packaged rules, by the first replica");
		if (first) {
			logger.info("No rule version was active in the database: the packaged rules (version " + packaged.version()
					+ ") are now the first one");
		}
		return true;
	}

	private static BuildGateRecord gate(RuleFiles packaged, String code) {
		RuleBaseGate.Report report;
		try {
			report = RuleBaseGate.run(RuleBaseCompiler.compile(packaged));
		}
		catch (RuntimeException ex) {
			logger.error("No rule version is active in the database, and the packaged rules do not compile: " + ex);
			return null;
		}
		if (!report.passed()) {
			logger.error("No rule version is active in the database, and the packaged rules do not pass the gate: "
					+ report.problems());
			return null;
		}
		return new BuildGateRecord(packaged.contentVersion(), code, report.coverage());
	}

}
