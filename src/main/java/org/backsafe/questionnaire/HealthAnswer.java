package org.backsafe.questionnaire;

import org.backsafe.screening.Response;

/** The three answers a health question takes on the form. "No" is the absence of an answer to the engine. */
public enum HealthAnswer {

	YES, NO, NOT_SURE;

	/** The engine's answer, or null for No. */
	Response toResponse() {
		return switch (this) {
			case YES -> Response.YES;
			case NOT_SURE -> Response.UNSURE;
			case NO -> null;
		};
	}

}
