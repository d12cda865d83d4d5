package org.backsafe.selfscreening;

import java.io.Serializable;
import java.time.Instant;

import org.backsafe.questionnaire.ScreeningForm;
import org.backsafe.screening.ScreeningResult;

import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.SessionScope;

/**
 * The one self-screening in progress in this browser session: the answers given so far, step by
 * step, and, once screened, the result. It lives only in the server's memory for the session and is never written
 * anywhere; "start again" and the end of the session wipe it.
 */
@Component
@SessionScope
class CurrentScreening implements Serializable {

	private static final long serialVersionUID = 1L;


	private ScreeningForm answers;

	private ScreeningResult result;

	/** When the result was made, for the printable summary. */
	private Instant screenedAt;

	ScreeningForm answers() {
		return this.answers;
	}

	/** The answers given so far, step by step; empty before the first step is saved. */
	ScreeningForm answersSoFar() {
		if (this.answers == null) {
			this.answers = new ScreeningForm();
		}
		return this.answers;
	}

	ScreeningResult result() {
		return this.result;
	}

	/** New answers make any earlier result stale. */
	void answered(ScreeningForm answers) {
		this.answers = answers;
		this.result = null;
	}

	Instant screenedAt() {
		return this.screenedAt;
	}

	void screened(ScreeningResult result) {
		this.result = result;
		this.screenedAt = Instant.now();
	}

	void clear() {
		this.answers = null;
		this.result = null;
		this.screenedAt = null;
	}

}
