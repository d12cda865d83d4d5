package org.backsafe.staff;

import java.time.Instant;

/**
 * One entry of the audit log: who on the staff did what, and when; with the kiosk screening it was
 * about (a view, a review, a search that found one), or a detail (what was searched for, how many
 * screenings a list showed). Logins are entries too: for a failed one, the name as typed.
 */
public class StaffAudit {

	public enum Action {

		/** Opened one screening. */
		VIEWED,
		/** Marked one screening reviewed. */
		MARKED_REVIEWED,
		/** Downloaded one screening as a FHIR bundle, for another system. */
		EXPORTED,
		/** Saw today's list; the detail says how many screenings it showed. */
		LISTED,
		/** Searched by reference code; the detail is the code as typed, the screening the one found if any. */
		SEARCHED,
		/** Logged in. */
		LOGGED_IN,
		/** A wrong password, or a name that is not a staff user. */
		LOGIN_FAILED,
		/** That failure was one too many: the name is now locked. */
		LOCKED_OUT,
		/** A login refused because the name is locked, whatever the password. */
		REFUSED_LOCKED

	}

	private final String staffUser;

	private final Instant occurredAt;

	private final Action action;

	private final Long screeningId;

	private final String referenceCode;

	private final String detail;

	/** Where a login, failed login or lockout came from (the connection's address); null on other rows. */
	private final String clientAddress;

	StaffAudit(String staffUser, Instant occurredAt, Action action, Long screeningId, String referenceCode,
			String detail, String clientAddress) {
		this.clientAddress = clientAddress;
		this.staffUser = staffUser;
		this.occurredAt = occurredAt;
		this.action = action;
		this.screeningId = screeningId;
		this.referenceCode = referenceCode;
		this.detail = detail;
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

	public String getDetail() {
		return this.detail;
	}

	public String getClientAddress() {
		return this.clientAddress;
	}

}
