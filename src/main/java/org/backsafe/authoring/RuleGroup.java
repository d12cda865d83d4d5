package org.backsafe.authoring;

import java.util.Set;

import org.backsafe.authoring.RuleReading.Reading;
import org.backsafe.screening.Disposition;

/**
 * The groups of the catalogue, in the order of the screening. A rule's group is the first one
 * that what it concludes belongs to; a rule that only derives a fact for other rules (fragile
 * bones) goes in the last group. This is the one place that decides a rule's group.
 */
enum RuleGroup {

	/** Red flags, and the urgent referrals they lead to. */
	RED_FLAGS("red-flags"),
	/** Reasons to see a doctor first, and the referral they lead to. */
	DOCTOR_FIRST("doctor-first"),
	/** A passing illness, and waiting until well. */
	WAIT_UNTIL_WELL("wait-until-well"),
	/** Techniques avoided, changed or left to a therapist; and going ahead with care. */
	TECHNIQUE_RESTRICTIONS("technique-restrictions"),
	/** Techniques the pain points to. */
	INDICATIONS("indications"),
	/** Safety advice. */
	ADVICE("advice"),
	/** Facts the other rules use. */
	FACTS("facts");

	private final String slug;

	RuleGroup(String slug) {
		this.slug = slug;
	}

	/** The page anchor of the group: {@code group-red-flags}. */
	public String anchor() {
		return "group-" + this.slug;
	}

	/** The key of the group's words in the message bundle. */
	public String key() {
		return "rules.group." + this.slug;
	}

	static RuleGroup of(Reading reading) {
		Set<String> inserts = reading.inserts();
		Set<Disposition> referrals = reading.referrals();
		if (inserts.contains("RedFlag") || referrals.contains(Disposition.URGENT_CARE)) {
			return RED_FLAGS;
		}
		if (inserts.contains("DoctorFirst") || referrals.contains(Disposition.SEE_DOCTOR)) {
			return DOCTOR_FIRST;
		}
		if (inserts.contains("PassingIllness") || referrals.contains(Disposition.WAIT_UNTIL_WELL)) {
			return WAIT_UNTIL_WELL;
		}
		// going ahead with care is the level a restriction leads to
		if (inserts.contains("Restriction") || inserts.contains("ProfessionalOnly")
				|| referrals.contains(Disposition.PROCEED_WITH_CAUTION)) {
			return TECHNIQUE_RESTRICTIONS;
		}
		if (inserts.contains("Indication")) {
			return INDICATIONS;
		}
		if (inserts.contains("Advice")) {
			return ADVICE;
		}
		return FACTS;
	}

}
