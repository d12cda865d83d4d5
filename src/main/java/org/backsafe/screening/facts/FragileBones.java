package org.backsafe.screening.facts;

import org.backsafe.screening.HealthQuestion;

/**
 * Bones that may break under firm pressure or after a small fall: osteoporosis, or long-term steroid
 * tablets, which thin the bones.
 */
public final class FragileBones extends Derived {

	public FragileBones(HealthQuestion subject) {
		super(subject);
	}

}
