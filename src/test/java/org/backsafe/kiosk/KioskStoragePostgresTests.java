package org.backsafe.kiosk;

import org.backsafe.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The same storage checks on a real PostgreSQL, migrated from empty by the same Flyway scripts. */
@JdbcTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
@Import({ ReferenceCodes.class, KioskStorage.class, StorageMigrations.class, KioskScreeningRepository.class })
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class KioskStoragePostgresTests extends StorageChecks {

	private static TestPostgres postgres;

	@BeforeAll
	static void startFromAnEmptySchema() {
		postgres = TestPostgres.require();
	}

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		postgres.register(registry);
	}

	@AfterAll
	static void dropSchema() {
		if (postgres != null) {
			postgres.dropSchema();
		}
	}

}
