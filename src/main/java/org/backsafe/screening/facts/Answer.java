package org.backsafe.screening.facts;

import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.Response;

/** A question answered Yes or Not sure. Questions answered No are not inserted. */
public final class Answer {

	private final HealthQuestion question;

	private final Response response;

	public Answer(HealthQuestion question, Response response) {
		this.question = question;
		this.response = response;
	}

	public HealthQuestion getQuestion() {
		return this.question;
	}

	public Response getResponse() {
		return this.response;
	}

	public boolean isUnsure() {
		return this.response == Response.UNSURE;
	}

	@Override
	public String toString() {
		return this.question + "=" + this.response;
	}

}
