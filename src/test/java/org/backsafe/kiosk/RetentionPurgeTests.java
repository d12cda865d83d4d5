package org.backsafe.kiosk;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

@JdbcTest
@Import({ ReferenceCodes.class, KioskStorage.class, StorageMigrations.class, KioskScreeningRepository.class })
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@ExtendWith(OutputCaptureExtension.class)
class RetentionPurgeTests extends StorageTestBase {

	@Test
	void thePurgeKeepsTheConfiguredNumberOfDaysAndLogsHowManyItDeleted(CapturedOutput output) {
		for (int days : new int[] { 40, 8, 6, 1 }) {
			storeWith(Clock.fixed(NOW.minus(Duration.ofDays(days)), ZoneOffset.UTC), "A" + "FHJKM".charAt(days % 5)
					+ "AAA" + days % 10)
				.store(Samples.answers(), Samples.result(), Locale.ENGLISH);
		}
		KioskProperties sevenDays = new KioskProperties(Duration.ofSeconds(60), Duration.ofSeconds(30),
				Duration.ofSeconds(90), 7, Duration.ofHours(1));

		new RetentionPurge(storeWith(), sevenDays, Clock.fixed(NOW, ZoneOffset.UTC)).purge();

		assertThat(this.repository.count()).isEqualTo(2);
		assertThat(output).contains("Retention purge: deleted 2 kiosk screening(s) older than 7 days");
	}

}
