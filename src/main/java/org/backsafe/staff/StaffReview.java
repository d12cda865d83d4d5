package org.backsafe.staff;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.backsafe.kiosk.KioskScreening;
import org.backsafe.kiosk.KioskScreenings;
import org.backsafe.staff.StaffAudit.Action;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff do with kiosk screenings. Every look at a record, and every review, is written to the
 * audit log before the record is shown: when the log cannot be written, the record is not shown.
 */
@Service
class StaffReview {

	private final KioskScreenings screenings;

	private final StaffAuditRepository audit;

	private final StaffProperties properties;

	private final Clock clock;

	@Autowired
	StaffReview(KioskScreenings screenings, StaffAuditRepository audit, StaffProperties properties) {
		this(screenings, audit, properties, Clock.systemUTC());
	}

	StaffReview(KioskScreenings screenings, StaffAuditRepository audit, StaffProperties properties, Clock clock) {
		this.screenings = screenings;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	java.time.ZoneId zone() {
		return this.properties.zone();
	}

	/** Today's screenings in the clinic's time zone, newest first. */
	List<KioskScreening> today() {
		LocalDate today = LocalDate.now(this.clock.withZone(this.properties.zone()));
		return this.screenings.since(today.atStartOfDay(this.properties.zone()).toInstant());
	}

	/** Whether a code typed by staff names a stored screening; not a view, so not audited. */
	Optional<String> codeOf(String typedCode) {
		return this.screenings.find(typedCode).map(KioskScreening::getDisplayCode);
	}

	@Transactional
	Optional<KioskScreening> view(String code, String staffUser) {
		Optional<KioskScreening> found = this.screenings.find(code);
		found.ifPresent((screening) -> record(staffUser, Action.VIEWED, screening));
		return found;
	}

	@Transactional
	boolean markReviewed(String code, String staffUser) {
		Optional<KioskScreening> found = this.screenings.find(code);
		if (found.isEmpty() || !this.screenings.markReviewed(code, staffUser)) {
			return false;
		}
		record(staffUser, Action.MARKED_REVIEWED, found.get());
		return true;
	}

	@Transactional(readOnly = true)
	List<StaffAudit> auditOf(KioskScreening screening) {
		return this.audit.findByScreeningIdOrderByOccurredAtDesc(screening.getId());
	}

	private void record(String staffUser, Action action, KioskScreening screening) {
		this.audit.save(new StaffAudit(staffUser, this.clock.instant(), action, screening.getId(),
				screening.getReferenceCode()));
	}

}
