package org.backsafe.kiosk;

import java.nio.file.Path;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The kiosk stores nothing on an H2 file that acknowledges a commit before writing it (H2's default
 * write delay of 500 ms, which lost codes already shown on a {@code kill -9}), whatever URL an
 * operator configures; {@code KioskCrashTests} shows the app's own URL is durable.
 */
class KioskStorageDurabilityTests {

	@TempDir
	Path folder;

	@Test
	void anH2FileWithAWriteDelayIsRefusedBeforeAnythingIsWritten() {
		String url = "jdbc:h2:file:" + this.folder.resolve("delayed");
		KioskStorage storage = storageOn(url);
		assertThatExceptionOfType(KioskStorage.NotReady.class).isThrownBy(storage::beforeWrite)
			.withMessageContaining("WRITE_DELAY=0");
		storage.probe();
		assertThat(storage.state().status()).isEqualTo(KioskStorage.Status.DOWN);
		assertThat(storage.state().error()).contains("WRITE_DELAY=0");
		assertThat(new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""))
			.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'", Integer.class))
			.as("not even a migration was written").isZero();
	}

	@Test
	void anH2FileWithoutAWriteDelayIsReady() {
		storageOn("jdbc:h2:file:" + this.folder.resolve("durable") + ";WRITE_DELAY=0").beforeWrite();
	}

	@Test
	void anInMemoryH2HasNoFileToBeDurableIn() {
		storageOn("jdbc:h2:mem:durability-test;DB_CLOSE_DELAY=-1").beforeWrite();
	}

	/** Storage on the database, with the app's migrations, as Spring would make it. */
	private static KioskStorage storageOn(String url) {
		DriverManagerDataSource database = new DriverManagerDataSource(url, "sa", "");
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		beans.registerSingleton("flyway", Flyway.configure().dataSource(database).load());
		return new KioskStorage(database, beans.getBeanProvider(Flyway.class));
	}

}
