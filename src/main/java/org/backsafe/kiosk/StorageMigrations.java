package org.backsafe.kiosk;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Spring Boot would run the Flyway migrations while the app starts, on its critical path (about a
 * second on an H2 file), and stop the whole app when they fail. Self-screening and the JSON API need
 * no database, so neither happens here: {@link KioskStorage} migrates once the app has started (its
 * first probe, which health reports), and again before any write while migrations are pending. A
 * database that cannot be migrated (a corrupt H2 file, a server that is down) is logged, health
 * reports the storage DOWN, and the kiosk sends patients to reception.
 *
 * <p>
 * With sessions in the database (several replicas), every page needs the session tables, so the
 * migrations run here, before the first request; a failure is logged and does not stop the app,
 * which then is not ready (its database is down) until a later migration succeeds.
 */
@Component
class StorageMigrations implements FlywayMigrationStrategy {

	private static final Log logger = LogFactory.getLog(StorageMigrations.class);

	private final boolean sessionsInDatabase;

	StorageMigrations(@Value("${backsafe.sessions.store:memory}") String sessionStore) {
		this.sessionsInDatabase = "database".equals(sessionStore);
	}

	@Override
	public void migrate(Flyway flyway) {
		if (!this.sessionsInDatabase) {
			return; // deferred to KioskStorage, once the app has started
		}
		try {
			flyway.migrate();
		}
		catch (RuntimeException ex) {
			logger.error("The database could not be migrated at start (" + ex.getMessage() + "); sessions and"
					+ " the kiosk's storage wait for it, and the app is not ready until it is");
		}
	}

}
