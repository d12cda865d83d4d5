package org.backsafe.staff;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One entry of the audit log: who on the staff did what with which kiosk screening, and when. */
@Entity
@Table(name = "staff_audit")
public class StaffAudit {

	public enum Action {

		VIEWED, MARKED_REVIEWED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "staff_user", nullable = false, updatable = false)
	private String staffUser;

	@Column(name = "occurred_at", nullable = false, updatable = false)
	private Instant occurredAt;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private Action action;

	@Column(name = "screening_id", nullable = false, updatable = false)
	private Long screeningId;

	@Column(name = "reference_code", nullable = false, updatable = false)
	private String referenceCode;

	protected StaffAudit() {
	}

	StaffAudit(String staffUser, Instant occurredAt, Action action, Long screeningId, String referenceCode) {
		this.staffUser = staffUser;
		this.occurredAt = occurredAt;
		this.action = action;
		this.screeningId = screeningId;
		this.referenceCode = referenceCode;
	}

	public String getStaffUser() {
		return this.staffUser;
	}

	public Instant getOccurredAt() {
		return this.occurredAt;
	}

	public Action getAction() {
		return this.action;
	}

	public Long getScreeningId() {
		return this.screeningId;
	}

	public String getReferenceCode() {
		return this.referenceCode;
	}

}
