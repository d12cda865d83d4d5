package org.backsafe.screening;

public enum PainDuration {

	/** Under 6 weeks. */
	ACUTE,
	/** 6 to 12 weeks. */
	SUBACUTE,
	/** Over 12 weeks. */
	CHRONIC

}
