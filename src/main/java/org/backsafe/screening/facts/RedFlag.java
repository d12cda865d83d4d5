package org.backsafe.screening.facts;

import org.backsafe.screening.HealthQuestion;

/** A warning sign of serious spinal disease: the person needs medical care today. */
public final class RedFlag extends Derived {

	public RedFlag(HealthQuestion sign) {
		super(sign);
	}

}
