package org.backsafe.screening;

/** What a result says about one technique, least cautious first. */
public enum Verdict {

	RECOMMENDED, SUITABLE, MODIFY, AVOID;

	public boolean isAllowed() {
		return this != AVOID;
	}

	public Verdict mostCautious(Verdict other) {
		return compareTo(other) >= 0 ? this : other;
	}

}
