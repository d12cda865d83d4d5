package org.backsafe.staff;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the staff review.
 *
 * @param users staff user names and their BCrypt password hashes; when empty, one user "staff" gets
 * a random password at start, written once to the log
 * @param maxFailedLogins failed logins in a row after which a name is locked out
 * @param lockout how long a locked-out name stays locked
 * @param sessionTimeout how long a logged-in session lasts without a request
 * @param zone the clinic's time zone, for "today" and for times shown; the server's when not set
 */
@ConfigurationProperties("backsafe.staff")
public record StaffProperties(Map<String, String> users, @DefaultValue("5") int maxFailedLogins,
		@DefaultValue("15m") Duration lockout, @DefaultValue("15m") Duration sessionTimeout, ZoneId zone) {

	private static final Pattern BCRYPT = Pattern.compile("(\\{bcrypt})?\\$2[aby]?\\$\\d\\d\\$[./0-9A-Za-z]{53}");

	public StaffProperties {
		users = (users != null) ? Map.copyOf(users) : Map.of();
		users.forEach((name, hash) -> {
			if (hash == null || !BCRYPT.matcher(hash.strip()).matches()) {
				throw new IllegalArgumentException("backsafe.staff.users." + name
						+ " must be a BCrypt hash (like $2a$10$ followed by 53 characters), never a plain password;"
						+ " see the README, 'Staff logins'");
			}
		});
		if (maxFailedLogins < 1) {
			throw new IllegalArgumentException("backsafe.staff.max-failed-logins must be 1 or more");
		}
		zone = (zone != null) ? zone : ZoneId.systemDefault();
	}

}
