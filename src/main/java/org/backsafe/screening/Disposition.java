package org.backsafe.screening;

/** What the person should do, least severe first: the most severe one found wins. */
public enum Disposition {

	PROCEED, PROCEED_WITH_CAUTION, SEE_DOCTOR, URGENT_CARE;

	/** No technique may be offered at or above this level. */
	public boolean needsDoctorFirst() {
		return compareTo(SEE_DOCTOR) >= 0;
	}

	public Disposition mostSevere(Disposition other) {
		return compareTo(other) >= 0 ? this : other;
	}

}
