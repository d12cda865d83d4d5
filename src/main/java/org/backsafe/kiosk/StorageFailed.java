package org.backsafe.kiosk;

/** A kiosk screening could not be stored; nothing of it was written. */
public class StorageFailed extends RuntimeException {

	StorageFailed(String message, Throwable cause) {
		super(message, cause);
	}

}
