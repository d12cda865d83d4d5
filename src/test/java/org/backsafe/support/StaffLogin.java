package org.backsafe.support;

/** A staff user for tests: its BCrypt hash (cost 4, for speed) goes in the test's properties. */
public final class StaffLogin {

	public static final String USER = "alice";

	public static final String PASSWORD = "kiosk-test-password";

	/** {@code backsafe.staff.users.alice=<hash of PASSWORD>} */
	public static final String PROPERTY = "backsafe.staff.users." + USER
			+ "=$2a$04$g.jdUkMqKU37OlzgXb6HiuxP8fs9uxyUAvn5bCtOwfjP4ualxLEC6";

	private StaffLogin() {
	}

}
