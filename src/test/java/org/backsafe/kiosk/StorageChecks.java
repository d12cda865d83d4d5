package org.backsafe.kiosk;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** What the storage of kiosk screenings must do, on whichever database the subclass points at. */
abstract class StorageChecks extends StorageTestBase {

	@Test
	void everyMigrationRanInOrderAndSucceeded() throws IOException {
		List<String> versions = this.jdbc.queryForList(
				"SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" = TRUE AND \"version\" IS NOT NULL"
						+ " ORDER BY \"installed_rank\"",
				String.class);
		// every migration there is, whoever added it: V1__kiosk_screening.sql is version 1
		Resource[] migrations = new PathMatchingResourcePatternResolver()
			.getResources("classpath:db/migration/V*__*.sql");
		List<String> files = Arrays.stream(migrations)
			.map((file) -> file.getFilename().substring(1, file.getFilename().indexOf("__")))
			.sorted(Comparator.comparingInt(Integer::parseInt))
			.toList();
		assertThat(files).contains("1", "2", "4");
		assertThat(versions).isEqualTo(files);
	}

	@Test
	void theTablesHaveEveryColumnTheAppReadsAndWrites() {
		this.storage.ready();
	}

	@Test
	void aTableWithoutAColumnTheAppUsesIsRefusedBeforeTheFirstWrite() {
		KioskStorage storage = new KioskStorage(this.dataSource, this.flyway);
		storage.expectTable("kiosk_screening", KioskScreeningRepository.COLUMNS + ", shown_at");
		assertThatExceptionOfType(KioskStorage.NotReady.class).isThrownBy(storage::beforeWrite)
			.withMessageContaining("kiosk_screening")
			.withMessageContaining("shown_at");
	}

	@Test
	void commitsAreDurableAndAProbeWriteGoesThrough() {
		this.storage.probe();
		assertThat(this.storage.state().status()).isEqualTo(KioskStorage.Status.UP);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM storage_probe", Integer.class)).isOne();
	}

	@Test
	void aFailedWriteTakesStorageDownAndTheNextGoodOneBringsItBack() {
		this.storage.probe();
		assertThatExceptionOfType(StorageFailed.class).isThrownBy(() -> storeWith("AAAAAAAAAAAAAAAAAAAAAAAA")
			.store(Samples.answers(), Samples.result(), Locale.ENGLISH));
		KioskStorage.State down = this.storage.state();
		assertThat(down.status()).isEqualTo(KioskStorage.Status.DOWN);
		assertThat(down.error()).as("a class name and SQL state, never a message with stored values")
			.doesNotContain("AAAA");
		storeWith("FFFFFF").store(Samples.answers(), Samples.result(), Locale.ENGLISH);
		assertThat(this.storage.state().status()).isEqualTo(KioskStorage.Status.UP);
		assertThat(this.storage.state().lastFailure()).isEqualTo(down.lastFailure());
	}

	@Test
	void aStoredScreeningReadsBackWhole() {
		KioskScreening stored = storeWith("KR7W4M").store(Samples.answers(), Samples.result(), Locale.forLanguageTag("es"));

		KioskScreening found = storeWith().find("kr7-w4m").orElseThrow();
		assertThat(found.getId()).isEqualTo(stored.getId());
		assertThat(found.getReferenceCode()).isEqualTo("KR7W4M");
		assertThat(found.getDisplayCode()).isEqualTo("KR7-W4M");
		assertThat(found.getScreenedAt()).isEqualTo(NOW);
		assertThat(found.getLanguage()).isEqualTo(Locale.forLanguageTag("es"));
		assertThat(found.getDisposition()).isEqualTo(Samples.result().disposition());
		assertThat(found.getRuleBaseVersion()).isEqualTo("abc123");
		assertThat(found.isReviewed()).isFalse();
		assertThat(found.answers()).isEqualTo(Samples.answers());
		assertThat(found.result()).isEqualTo(Samples.result());
	}

	@Test
	void theDatabaseRefusesASecondRecordWithTheSameCode() {
		storeWith("AAAAAA").store(Samples.answers(), Samples.result(), Locale.ENGLISH);
		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> this.repository
			.insert(new KioskScreening("AAAAAA", NOW, Locale.ENGLISH, Samples.answers(), Samples.result(), Map.of())));
		assertThat(this.repository.count()).isEqualTo(1);
	}

	@Test
	void aCodeDrawnTwiceIsReplacedByANewOne() {
		KioskScreenings store = storeWith("AAAAAA", "AAAAAA", "FFFFFF");
		KioskScreening first = store.store(Samples.answers(), Samples.result(), Locale.ENGLISH);
		KioskScreening second = store.store(Samples.answers(), Samples.result(), Locale.ENGLISH);
		assertThat(first.getReferenceCode()).isEqualTo("AAAAAA");
		assertThat(second.getReferenceCode()).isEqualTo("FFFFFF");
		assertThat(this.repository.count()).isEqualTo(2);
	}

	@Test
	void theStoreGivesUpLoudlyWhenEveryCodeIsTaken() {
		storeWith("AAAAAA").store(Samples.answers(), Samples.result(), Locale.ENGLISH);
		String[] taken = new String[KioskScreenings.ATTEMPTS];
		Arrays.fill(taken, "AAAAAA");
		assertThatExceptionOfType(StorageFailed.class)
			.isThrownBy(() -> storeWith(taken).store(Samples.answers(), Samples.result(), Locale.ENGLISH));
		assertThat(this.repository.count()).isEqualTo(1);
	}

	@Test
	void aFailureToStoreLeavesNothingBehind() {
		// a code longer than its column makes the insert fail inside the transaction
		assertThatExceptionOfType(StorageFailed.class).isThrownBy(() -> storeWith("AAAAAAAAAAAAAAAAAAAAAAAA")
			.store(Samples.answers(), Samples.result(), Locale.ENGLISH));
		assertThat(this.repository.count()).isZero();
	}

	@Test
	void screeningsSinceAMomentComeNewestFirst() {
		storeWith(Clock.fixed(NOW.minusSeconds(7200), ZoneOffset.UTC), "AAAAAA").store(Samples.answers(),
				Samples.result(), Locale.ENGLISH);
		storeWith(Clock.fixed(NOW.minusSeconds(60), ZoneOffset.UTC), "FFFFFF").store(Samples.answers(),
				Samples.result(), Locale.ENGLISH);
		storeWith(Clock.fixed(NOW, ZoneOffset.UTC), "HHHHHH").store(Samples.answers(), Samples.result(),
				Locale.ENGLISH);
		assertThat(storeWith().since(NOW.minusSeconds(3600))).extracting(KioskScreening::getReferenceCode)
			.containsExactly("HHHHHH", "FFFFFF");
	}

	@Test
	void markingReviewedIsStored() {
		storeWith("AAAAAA").store(Samples.answers(), Samples.result(), Locale.ENGLISH);
		assertThat(storeWith().markReviewed("aaa-aaa", "alice")).isTrue();
		assertThat(storeWith().markReviewed("FFF-FFF", "alice")).isFalse();
		KioskScreening found = this.repository.findByReferenceCode("AAAAAA").orElseThrow();
		assertThat(found.isReviewed()).isTrue();
		assertThat(found.getReviewedBy()).isEqualTo("alice");
		assertThat(found.getReviewedAt()).isEqualTo(NOW);
	}

	@Test
	void thePurgeDeletesOnlyRecordsOlderThanTheCutoff() {
		storeWith(Clock.fixed(NOW.minus(Duration.ofDays(31)), ZoneOffset.UTC), "AAAAAA").store(Samples.answers(),
				Samples.result(), Locale.ENGLISH);
		storeWith(Clock.fixed(NOW.minus(Duration.ofDays(29)), ZoneOffset.UTC), "FFFFFF").store(Samples.answers(),
				Samples.result(), Locale.ENGLISH);
		assertThat(storeWith().purgeBefore(NOW.minus(Duration.ofDays(30)))).isEqualTo(1);
		assertThat(this.repository.findByReferenceCode("AAAAAA")).isEmpty();
		assertThat(this.repository.findByReferenceCode("FFFFFF")).isPresent();
	}

}
