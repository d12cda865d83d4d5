package org.backsafe.staff;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.backsafe.fhir.FhirScreenings;
import org.backsafe.kiosk.KioskScreening;
import org.backsafe.kiosk.KioskScreenings;
import org.backsafe.kiosk.KioskScreenings.ChangeMarker;
import org.backsafe.result.WordedResult;
import org.backsafe.result.WordedResults;
import org.hl7.fhir.r4.model.Bundle;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff do with kiosk screenings. Every list, search, look at a record and review is written to
 * the audit log before anything is shown: when the log cannot be written, nothing is shown.
 */
@Service
class StaffReview {

	private final KioskScreenings screenings;

	private final StaffAuditLog audit;

	private final StaffProperties properties;

	private final Clock clock;

	private final FhirScreenings fhir;

	private final WordedResults words;

	@Autowired
	StaffReview(KioskScreenings screenings, StaffAuditLog audit, StaffProperties properties,
			@Lazy FhirScreenings fhir, WordedResults words) {
		this(screenings, audit, properties, fhir, words, Clock.systemUTC());
	}

	StaffReview(KioskScreenings screenings, StaffAuditLog audit, StaffProperties properties, FhirScreenings fhir,
			WordedResults words, Clock clock) {
		this.fhir = fhir;
		this.words = words;
		this.screenings = screenings;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	ZoneId zone() {
		return this.properties.zone();
	}

	/** How long a lockout lasts, in whole minutes (at least 1), for the login page to say. */
	long lockoutMinutes() {
		return Math.max(1, (this.properties.lockout().toSeconds() + 59) / 60);
	}

	/**
	 * Today's screenings in the clinic's time zone: urgent ones not yet reviewed first (each such
	 * patient was told to come to the desk now), then the rest; newest first within each.
	 */
	@Transactional
	List<KioskScreening> today(String staffUser) {
		List<KioskScreening> found = new ArrayList<>(this.screenings.since(startOfToday()));
		found.sort(Comparator.comparing((KioskScreening s) -> !(s.getDisposition().isUrgent() && !s.isReviewed())));
		this.audit.listed(staffUser, found.size());
		return found;
	}

	/**
	 * What the open list polls to learn whether it is out of date. Not audited: it shows no
	 * screening, only numbers, and the list it leads to is audited when it loads.
	 */
	@Transactional(readOnly = true)
	ChangeMarker todaysChanges() {
		return this.screenings.changesSince(startOfToday());
	}

	private Instant startOfToday() {
		LocalDate today = LocalDate.now(this.clock.withZone(this.properties.zone()));
		return today.atStartOfDay(this.properties.zone()).toInstant();
	}

	/** The screening a code typed by staff names, if any; the search is audited, found or not. */
	@Transactional
	Optional<String> search(String typedCode, String staffUser) {
		Optional<KioskScreening> found = this.screenings.find(typedCode);
		this.audit.searched(staffUser, typedCode, found.orElse(null));
		return found.map(KioskScreening::getDisplayCode);
	}

	@Transactional
	Optional<KioskScreening> view(String code, String staffUser) {
		Optional<KioskScreening> found = this.screenings.find(code);
		found.ifPresent((screening) -> this.audit.viewed(staffUser, screening));
		return found;
	}

	/**
	 * A screening as a FHIR bundle (its answers and the result in the words the patient was shown,
	 * in the staff member's language when it was kept in it), audited as a download.
	 */
	@Transactional
	Optional<String> export(String code, String staffUser, Locale locale) {
		Optional<KioskScreening> found = this.screenings.find(code);
		return found.map((screening) -> {
			this.audit.exported(staffUser, screening);
			WordedResult shown = screening.wording(locale).orElseGet(() -> this.words.word(screening.result(), locale));
			Bundle bundle = this.fhir.stored(screening.answers(), shown, screening.getScreenedAt(),
					screening.getDisplayCode(), locale);
			return this.fhir.json().write(bundle);
		});
	}

	@Transactional
	boolean markReviewed(String code, String staffUser) {
		Optional<KioskScreening> found = this.screenings.find(code);
		if (found.isEmpty() || !this.screenings.markReviewed(code, staffUser)) {
			return false;
		}
		this.audit.markedReviewed(staffUser, found.get());
		return true;
	}

	/** Who has viewed or reviewed the screening, newest first. */
	List<StaffAudit> auditOf(KioskScreening screening) {
		return this.audit.about(screening);
	}

}
