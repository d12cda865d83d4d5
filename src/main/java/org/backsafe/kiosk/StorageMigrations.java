package org.backsafe.kiosk;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.Flyway;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Runs the Flyway migrations at start, as Spring Boot would, but a database that cannot be migrated
 * (a corrupt H2 file, a server that is down) no longer stops the whole app: self-screening and the
 * JSON API need no database. The error is logged, health reports the storage DOWN, the kiosk sends
 * patients to reception, and {@link KioskStorage} migrates again before the next write.
 */
@Component
class StorageMigrations implements FlywayMigrationStrategy {

	private static final Log logger = LogFactory.getLog(StorageMigrations.class);

	@Override
	public void migrate(Flyway flyway) {
		try {
			flyway.migrate();
		}
		catch (RuntimeException ex) {
			logger.error("The kiosk's database could not be migrated at start. Self-screening and the API work;"
					+ " the kiosk sends patients to reception until its storage works (health: storage)", ex);
		}
	}

}
