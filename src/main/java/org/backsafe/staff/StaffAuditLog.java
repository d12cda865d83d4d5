package org.backsafe.staff;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.backsafe.kiosk.KioskScreening;
import org.backsafe.kiosk.KioskStorage;
import org.backsafe.staff.StaffAudit.Action;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the audit log ({@code staff_audit}): logins, failed logins and lockouts, list views,
 * searches, views and reviews. A name typed at the login is written as the log lines write it,
 * made printable and cut to {@value #MAX_TYPED} characters, so that what a stranger types cannot
 * grow a row or forge one; a logged-in staff member is written by their user name.
 */
@Component
class StaffAuditLog {

	/** Actions about one screening, as its detail page lists them. */
	static final List<Action> ABOUT_A_SCREENING = List.of(Action.VIEWED, Action.MARKED_REVIEWED,
			Action.EXPORTED);

	static final int MAX_TYPED = 40;

	private final StaffAuditRepository entries;

	private final KioskStorage storage;

	private final Clock clock;

	@Autowired
	StaffAuditLog(StaffAuditRepository entries, KioskStorage storage) {
		this(entries, storage, Clock.systemUTC());
	}

	StaffAuditLog(StaffAuditRepository entries, KioskStorage storage, Clock clock) {
		this.entries = entries;
		this.storage = storage;
		this.clock = clock;
	}

	void loggedIn(String staffUser, String address) {
		write(staffUser, Action.LOGGED_IN, null, null, address);
	}

	void loginFailed(String typedName, String address) {
		write(name(typedName), Action.LOGIN_FAILED, null, null, address);
	}

	void lockedOut(String typedName, String address) {
		write(name(typedName), Action.LOCKED_OUT, null, null, address);
	}

	void refusedLocked(String typedName, String address) {
		write(name(typedName), Action.REFUSED_LOCKED, null, null, address);
	}

	void listed(String staffUser, int shown) {
		write(staffUser, Action.LISTED, null, shown + " shown", null);
	}

	/** A search by code, with the screening it found (null when none). */
	void searched(String staffUser, String typedCode, KioskScreening found) {
		write(staffUser, Action.SEARCHED, found, printable(typedCode), null);
	}

	void viewed(String staffUser, KioskScreening screening) {
		write(staffUser, Action.VIEWED, screening, null, null);
	}

	void exported(String staffUser, KioskScreening screening) {
		write(staffUser, Action.EXPORTED, screening, null, null);
	}

	void markedReviewed(String staffUser, KioskScreening screening) {
		write(staffUser, Action.MARKED_REVIEWED, screening, null, null);
	}

	@Transactional(readOnly = true)
	List<StaffAudit> about(KioskScreening screening) {
		return this.entries.aboutScreening(screening.getId(), ABOUT_A_SCREENING);
	}

	private void write(String staffUser, Action action, KioskScreening screening, String detail, String address) {
		this.storage.beforeWrite();
		this.entries.insert(new StaffAudit(staffUser, this.clock.instant(), action,
				(screening != null) ? screening.getId() : null,
				(screening != null) ? screening.getReferenceCode() : null, detail,
				(address != null) ? LoginAttempts.address(address) : null));
	}

	/** A user name as typed, as {@link StaffUsers} matches it (trimmed, lower case), made printable. */
	static String name(String typed) {
		return printable((typed != null) ? typed.strip().toLowerCase(Locale.ROOT) : "");
	}

	/** Text typed by anyone, made safe for a log line or an audit row: printable ASCII, short. */
	static String printable(String typed) {
		String safe = (typed != null) ? typed.strip().replaceAll("[^\\p{Alnum}._@-]", "?") : "";
		return (safe.length() > MAX_TYPED) ? safe.substring(0, MAX_TYPED) + "…" : safe;
	}

}
