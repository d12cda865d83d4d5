package org.backsafe.kiosk;

import java.io.Serializable;
import java.time.Instant;

import org.backsafe.questionnaire.ScreeningForm;
import org.backsafe.screening.ScreeningResult;

import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.SessionScope;

/**
 * One patient's turn at the kiosk, held in the server session only: the answers so far, then the
 * result and reference code for the handoff screen. A reset ends the session, and this with it.
 */
@Component
@SessionScope
class KioskVisit implements Serializable {

	private static final long serialVersionUID = 1L;


	/** What the handoff screen shows; {@code code} is null when the screening could not be stored. */
	record Handoff(ScreeningResult result, String code) implements Serializable {
	}

	private ScreeningForm answers;

	private Handoff handoff;

	private Instant lastSeen;

	void begin(Instant now) {
		this.answers = new ScreeningForm();
		this.handoff = null;
		this.lastSeen = now;
	}

	boolean inProgress() {
		return this.answers != null;
	}

	ScreeningForm answers() {
		return this.answers;
	}

	/** The answers are done with once screened: only the result and the code stay, for the handoff. */
	void handedOff(Handoff handoff) {
		this.answers = null;
		this.handoff = handoff;
	}

	Handoff handoff() {
		return this.handoff;
	}

	Instant lastSeen() {
		return this.lastSeen;
	}

	void seen(Instant now) {
		this.lastSeen = now;
	}

}
