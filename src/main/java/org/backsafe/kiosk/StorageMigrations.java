package org.backsafe.kiosk;

import org.flywaydb.core.Flyway;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Spring Boot would run the Flyway migrations while the app starts, on its critical path (about a
 * second on an H2 file), and stop the whole app when they fail. Self-screening and the JSON API need
 * no database, so neither happens here: {@link KioskStorage} migrates once the app has started (its
 * first probe, which health reports), and again before any write while migrations are pending. A
 * database that cannot be migrated (a corrupt H2 file, a server that is down) is logged, health
 * reports the storage DOWN, and the kiosk sends patients to reception.
 */
@Component
class StorageMigrations implements FlywayMigrationStrategy {

	@Override
	public void migrate(Flyway flyway) {
		// deferred to KioskStorage, once the app has started
	}

}
