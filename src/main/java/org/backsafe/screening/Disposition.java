package org.backsafe.screening;

/** What the person should do, least severe first: the most severe one found wins. */
public enum Disposition {

	PROCEED, PROCEED_WITH_CAUTION, WAIT_UNTIL_WELL, SEE_DOCTOR, URGENT_CARE;

	/** No technique may be offered at or above this level: not today, or not until a doctor agrees. */
	public boolean offersNoTechnique() {
		return compareTo(WAIT_UNTIL_WELL) >= 0;
	}

	/** A doctor must be seen before any massage (or today, for urgent care). */
	public boolean needsDoctorFirst() {
		return compareTo(SEE_DOCTOR) >= 0;
	}

	public boolean isUrgent() {
		return this == URGENT_CARE;
	}

	/** The version of the vocabulary that added this level. */
	public int getSince() {
		return (this == WAIT_UNTIL_WELL) ? 2 : 1;
	}

	public Disposition mostSevere(Disposition other) {
		return compareTo(other) >= 0 ? this : other;
	}

}
