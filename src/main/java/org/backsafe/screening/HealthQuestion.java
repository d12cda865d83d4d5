package org.backsafe.screening;

/**
 * Every health question the screening asks, answered Yes, No or Not sure. The code is the word used
 * in the JSON API, the rules, the scenario files and the message bundles.
 */
public enum HealthQuestion {

	// Warning signs come first: they are asked first, as urgent triage services do.
	SADDLE_NUMBNESS(Kind.WARNING_SIGN),
	BLADDER_OR_BOWEL_CHANGE(Kind.WARNING_SIGN),
	PROGRESSIVE_LEG_WEAKNESS(Kind.WARNING_SIGN),
	MAJOR_TRAUMA(Kind.WARNING_SIGN),

	BLOOD_CLOTTING_DISORDER(Kind.CONDITION),
	ANTICOAGULANT_MEDICATION(Kind.CONDITION),
	SEVERE_OSTEOPOROSIS(Kind.CONDITION),
	OSTEOPOROSIS(Kind.CONDITION),
	RECENT_SURGERY(Kind.CONDITION),
	RECENT_FRACTURE(Kind.CONDITION),
	OPEN_WOUND_OR_SKIN_INFECTION(Kind.CONDITION),
	FEVER_OR_CONTAGIOUS_ILLNESS(Kind.CONDITION),
	SERIOUS_INJURY(Kind.CONDITION),
	CANCER(Kind.CONDITION),
	UNEXPLAINED_WEIGHT_LOSS(Kind.CONDITION),
	PREGNANCY(Kind.CONDITION),
	EPILEPSY(Kind.CONDITION),
	SENSITIVE_SKIN(Kind.CONDITION),
	SKIN_DISORDER(Kind.CONDITION),
	INFLAMED_OR_INJURED_AREA(Kind.CONDITION),
	SCIATICA_OR_PINCHED_NERVE(Kind.CONDITION);

	public enum Kind {
		WARNING_SIGN, CONDITION
	}

	private final Kind kind;

	HealthQuestion(Kind kind) {
		this.kind = kind;
	}

	public Kind getKind() {
		return this.kind;
	}

	public boolean isWarningSign() {
		return this.kind == Kind.WARNING_SIGN;
	}

}
