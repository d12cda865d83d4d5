package org.backsafe.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import org.backsafe.kiosk.KioskStorage;
import org.backsafe.kiosk.StoredTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit log, in the table of {@code V2__staff_audit.sql} and later: written and read, never changed. */
@Repository
class StaffAuditRepository {

	/** Every column the app reads and writes: the storage checks that the table has them. */
	static final String COLUMNS = "id, staff_user, occurred_at, action, screening_id, reference_code, detail,"
			+ " client_address";

	private final JdbcClient jdbc;

	StaffAuditRepository(JdbcClient jdbc, KioskStorage storage) {
		this.jdbc = jdbc;
		storage.expectTable("staff_audit", COLUMNS);
	}

	void insert(StaffAudit entry) {
		this.jdbc.sql("insert into staff_audit (staff_user, occurred_at, action, screening_id, reference_code,"
				+ " detail, client_address) values (?, ?, ?, ?, ?, ?, ?)")
			.params(entry.getStaffUser(), StoredTime.utc(entry.getOccurredAt()), entry.getAction().name(),
					entry.getScreeningId(), entry.getReferenceCode(), entry.getDetail(), entry.getClientAddress())
			.update();
	}

	/** What was done about one screening, of the given kinds, newest first. */
	List<StaffAudit> aboutScreening(Long screeningId, Collection<StaffAudit.Action> actions) {
		if (actions.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select " + COLUMNS + " from staff_audit where screening_id = :screening"
				+ " and action in (:actions) order by occurred_at desc, id desc")
			.param("screening", screeningId)
			.param("actions", actions.stream().map(Enum::name).toList())
			.query(StaffAuditRepository::row)
			.list();
	}

	long count() {
		return this.jdbc.sql("select count(*) from staff_audit").query(Long.class).single();
	}

	private static StaffAudit row(ResultSet rs, int n) throws SQLException {
		Long screening = rs.getObject("screening_id", Long.class);
		Instant occurred = StoredTime.instant(rs.getObject("occurred_at", OffsetDateTime.class));
		return new StaffAudit(rs.getString("staff_user"), occurred, StaffAudit.Action.valueOf(rs.getString("action")),
				screening, rs.getString("reference_code"), rs.getString("detail"), rs.getString("client_address"));
	}

}
