package org.backsafe.cdshooks;

import org.springframework.http.HttpStatus;

/**
 * A CDS Hooks call that cannot be answered with cards, and why, in words an integrator can act on.
 * The message never holds the record's content, only the names of fields and resource types.
 */
final class CdsRefused extends RuntimeException {

	private final HttpStatus status;

	CdsRefused(HttpStatus status, String message) {
		super(message, null, false, false);
		this.status = status;
	}

	static CdsRefused badRequest(String message) {
		return new CdsRefused(HttpStatus.BAD_REQUEST, message);
	}

	HttpStatus status() {
		return this.status;
	}

}
