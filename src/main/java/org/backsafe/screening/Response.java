package org.backsafe.screening;

/** An answer that raises a question. "No" is the absence of an answer. */
public enum Response {

	YES,
	/** Not sure: counts as yes for safety. */
	UNSURE

}
