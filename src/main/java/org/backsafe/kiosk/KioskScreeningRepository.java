package org.backsafe.kiosk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.backsafe.screening.Disposition;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Stored kiosk screenings, in the table of {@code V1__kiosk_screening.sql}. Only what the kiosk and
 * the staff review need: no general update or delete. Plain SQL that H2 and PostgreSQL both run.
 */
@Repository
class KioskScreeningRepository {

	/** Every column the app reads and writes: {@link KioskStorage} checks that the table has them. */
	static final String COLUMNS = "id, reference_code, screened_at, language, disposition, completed,"
			+ " rule_base_version, answers, result, reviewed, reviewed_at, reviewed_by";

	private final JdbcClient jdbc;

	KioskScreeningRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts a new screening; returns it with its id. */
	KioskScreening insert(KioskScreening screening) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("insert into kiosk_screening (reference_code, screened_at, language, disposition, completed,"
				+ " rule_base_version, answers, result, reviewed) values (?, ?, ?, ?, ?, ?, ?, ?, false)")
			.params(screening.getReferenceCode(), StoredTime.utc(screening.getScreenedAt()),
					screening.getLanguage().toLanguageTag(), screening.getDisposition().name(), screening.isCompleted(),
					screening.getRuleBaseVersion(), screening.storedAnswers(), screening.storedResult())
			.update(keys, "id");
		return screening.withId(keys.getKeyAs(Number.class).longValue());
	}

	/** Marks it reviewed unless it already is: the first reviewer and time stay. False when there is no such row. */
	boolean markReviewed(String referenceCode, String by, Instant at) {
		int marked = this.jdbc.sql("update kiosk_screening set reviewed = true, reviewed_by = ?, reviewed_at = ?"
				+ " where reference_code = ? and reviewed = false")
			.params(by, StoredTime.utc(at), referenceCode)
			.update();
		return marked > 0 || existsByReferenceCode(referenceCode);
	}

	Optional<KioskScreening> findByReferenceCode(String referenceCode) {
		return this.jdbc.sql("select " + COLUMNS + " from kiosk_screening where reference_code = ?")
			.param(referenceCode)
			.query(KioskScreeningRepository::row)
			.optional();
	}

	boolean existsByReferenceCode(String referenceCode) {
		return this.jdbc.sql("select count(*) from kiosk_screening where reference_code = ?")
			.param(referenceCode)
			.query(Long.class)
			.single() > 0;
	}

	/** Screenings taken at or after the moment, newest first. */
	List<KioskScreening> screenedSince(Instant since) {
		return this.jdbc.sql("select " + COLUMNS + " from kiosk_screening where screened_at >= ?"
				+ " order by screened_at desc, id desc")
			.param(StoredTime.utc(since))
			.query(KioskScreeningRepository::row)
			.list();
	}

	long count() {
		return this.jdbc.sql("select count(*) from kiosk_screening").query(Long.class).single();
	}

	/** How many since the moment, the newest id, and how many of them are reviewed: one small row. */
	KioskScreenings.ChangeMarker changeMarkerSince(Instant since) {
		return this.jdbc.sql("select count(*), max(id), sum(case when reviewed then 1 else 0 end)"
				+ " from kiosk_screening where screened_at >= ?")
			.param(StoredTime.utc(since))
			.query((rs, n) -> new KioskScreenings.ChangeMarker(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
			.single();
	}

	int deleteScreenedBefore(Instant cutoff) {
		return this.jdbc.sql("delete from kiosk_screening where screened_at < ?").param(StoredTime.utc(cutoff)).update();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return StoredTime.instant(rs.getObject(column, OffsetDateTime.class));
	}

	private static KioskScreening row(ResultSet rs, int n) throws SQLException {
		return new KioskScreening(rs.getLong("id"), rs.getString("reference_code"), instant(rs, "screened_at"),
				rs.getString("language"), Disposition.valueOf(rs.getString("disposition")), rs.getBoolean("completed"),
				rs.getString("rule_base_version"), rs.getString("answers"), rs.getString("result"),
				rs.getBoolean("reviewed"), instant(rs, "reviewed_at"), rs.getString("reviewed_by"));
	}

}
