package org.backsafe.screening.facts;

import org.backsafe.screening.HealthQuestion;

/** A short illness, such as a cold: no massage until the person is well, and no doctor needed for it. */
public final class PassingIllness extends NoMassageToday {

	public PassingIllness(HealthQuestion subject) {
		super(subject);
	}

}
