package org.backsafe.screening.facts;

import org.backsafe.screening.HealthQuestion;

/** A fact concluded from the answers, which deciding rules then act on. */
public abstract class Derived extends RuleOutput {

	protected Derived(HealthQuestion subject) {
		setSubject(subject);
	}

}
