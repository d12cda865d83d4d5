package org.backsafe.support;

/**
 * A staff user for tests: its BCrypt hash goes in the test's properties. Cost 10, the lowest the app
 * accepts (StaffProperties.MIN_BCRYPT_COST): some 0.1 s of CPU a login.
 */
public final class StaffLogin {

	public static final String USER = "alice";

	public static final String PASSWORD = "kiosk-test-password";

	/** {@code backsafe.staff.users.alice=<hash of PASSWORD>} */
	public static final String PROPERTY = "backsafe.staff.users." + USER
			+ "=$2a$10$KgdELyLuT8ClppL2utUXO.gBGUDEc/1bLBIxbGrcgURzeyuurBWX2";

	private StaffLogin() {
	}

}
