package org.backsafe.screening.facts;

import org.backsafe.screening.HealthQuestion;

/**
 * A derived fact that means no massage today: a red flag, a reason to see a doctor first, or a
 * passing illness. Massage tips match {@code not NoMassageToday()}, so any of them withdraws the tips.
 */
public abstract class NoMassageToday extends Derived {

	protected NoMassageToday(HealthQuestion subject) {
		super(subject);
	}

}
