package org.backsafe.screening;

/**
 * Every health question the screening asks, answered Yes, No or Not sure. The code is the word used
 * in the JSON API, the rules, the scenario files and the message bundles. Each code names the
 * version of the vocabulary that added it (DESIGN section 3): a client written for an earlier
 * version simply does not send the later codes, which then count as No.
 */
public enum HealthQuestion {

	// Warning signs come first: they are asked first, as urgent triage services do.
	SADDLE_NUMBNESS(Kind.WARNING_SIGN, 1),
	BLADDER_OR_BOWEL_CHANGE(Kind.WARNING_SIGN, 1),
	PROGRESSIVE_LEG_WEAKNESS(Kind.WARNING_SIGN, 1),
	BOTH_LEGS_AFFECTED(Kind.WARNING_SIGN, 2),
	MAJOR_TRAUMA(Kind.WARNING_SIGN, 1),
	LEG_CLOT_SIGNS(Kind.WARNING_SIGN, 2),
	CHEST_PAIN_OR_BREATHLESSNESS(Kind.WARNING_SIGN, 2),
	SUDDEN_SEVERE_PAIN(Kind.WARNING_SIGN, 2),
	NECK_WARNING_SIGNS(Kind.WARNING_SIGN, 2),

	// Signs that need a doctor soon, not today.
	NIGHT_OR_REST_PAIN(Kind.CONDITION, 2),
	UNEXPLAINED_WEIGHT_LOSS(Kind.CONDITION, 1),
	INFECTION_RISK(Kind.CONDITION, 2),
	PAIN_AFTER_MINOR_FALL(Kind.CONDITION, 2),

	BLOOD_CLOTTING_DISORDER(Kind.CONDITION, 1),
	ANTICOAGULANT_MEDICATION(Kind.CONDITION, 1),
	SEVERE_OSTEOPOROSIS(Kind.CONDITION, 1),
	OSTEOPOROSIS(Kind.CONDITION, 1),
	LONG_TERM_STEROIDS(Kind.CONDITION, 2),
	RECENT_SURGERY(Kind.CONDITION, 1),
	SPINAL_SURGERY_OR_IMPLANT(Kind.CONDITION, 2),
	RECENT_FRACTURE(Kind.CONDITION, 1),
	SERIOUS_INJURY(Kind.CONDITION, 1),
	OPEN_WOUND_OR_SKIN_INFECTION(Kind.CONDITION, 1),
	FEVER_OR_CONTAGIOUS_ILLNESS(Kind.CONDITION, 1),
	COLD_OR_MINOR_ILLNESS(Kind.CONDITION, 2),
	CANCER(Kind.CONDITION, 1),
	PREGNANCY(Kind.CONDITION, 1),
	DOCTOR_SAID_SUPERVISED_ONLY(Kind.CONDITION, 2),
	HEART_CONDITION_OR_HIGH_BLOOD_PRESSURE(Kind.CONDITION, 2),
	DIZZINESS_OR_FAINTING(Kind.CONDITION, 2),
	EPILEPSY(Kind.CONDITION, 1),
	REDUCED_SENSATION(Kind.CONDITION, 2),
	SENSITIVE_SKIN(Kind.CONDITION, 1),
	SKIN_DISORDER(Kind.CONDITION, 1),
	OIL_OR_LOTION_ALLERGY(Kind.CONDITION, 2),
	INFLAMED_OR_INJURED_AREA(Kind.CONDITION, 1),
	SCIATICA_OR_PINCHED_NERVE(Kind.CONDITION, 1);

	public enum Kind {
		WARNING_SIGN, CONDITION
	}

	private final Kind kind;

	private final int since;

	HealthQuestion(Kind kind, int since) {
		this.kind = kind;
		this.since = since;
	}

	public Kind getKind() {
		return this.kind;
	}

	public boolean isWarningSign() {
		return this.kind == Kind.WARNING_SIGN;
	}

	/** The version of the vocabulary that added this question. */
	public int getSince() {
		return this.since;
	}

}
