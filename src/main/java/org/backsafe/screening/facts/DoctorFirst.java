package org.backsafe.screening.facts;

import org.backsafe.screening.HealthQuestion;

/** Something that means a doctor must say massage is safe before any is done. */
public final class DoctorFirst extends NoMassageToday {

	public DoctorFirst(HealthQuestion subject) {
		super(subject);
	}

	/** For reasons that are not an answer to a health question, such as pain that is getting worse. */
	public DoctorFirst() {
		super(null);
	}

}
