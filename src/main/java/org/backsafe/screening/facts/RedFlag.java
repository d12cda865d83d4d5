package org.backsafe.screening.facts;

import org.backsafe.screening.HealthQuestion;

/** A warning sign of a serious illness: the person needs medical care now. */
public final class RedFlag extends NoMassageToday {

	public RedFlag(HealthQuestion sign) {
		super(sign);
	}

	public HealthQuestion getSign() {
		return getSubject();
	}

}
