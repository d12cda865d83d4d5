package org.backsafe.staff;

import org.backsafe.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The same failed-login checks on a real PostgreSQL, migrated from empty by the same Flyway scripts. */
@JdbcTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class LoginAttemptsPostgresTests extends LoginAttemptsChecks {

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
