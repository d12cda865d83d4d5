package org.backsafe.screening;

public enum Setting {

	/** The person will massage themselves. */
	SELF,
	/** A trained therapist will give the massage. */
	PROFESSIONAL

}
