package org.backsafe.staff;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the staff review.
 *
 * @param users staff user names and their BCrypt password hashes, of cost {@value #MIN_BCRYPT_COST} or
 * more; when empty, one user "staff" gets a random password at start, written once to the log
 * @param maxFailedLogins failed logins in a row after which a name is locked out
 * @param lockout how long a locked-out name stays locked
 * @param sessionTimeout how long a logged-in session lasts without a request
 * @param zone the clinic's time zone, for "today" and for times shown; the server's when not set
 */
@ConfigurationProperties("backsafe.staff")
public record StaffProperties(Map<String, String> users, @DefaultValue("5") int maxFailedLogins,
		@DefaultValue("15m") Duration lockout, @DefaultValue("15m") Duration sessionTimeout, ZoneId zone) {

	private static final Pattern BCRYPT = Pattern.compile("(\\{bcrypt})?\\$2[aby]?\\$(\\d\\d)\\$[./0-9A-Za-z]{53}");

	/**
	 * The lowest BCrypt cost a staff password hash may have. Each step doubles the work of a guess:
	 * cost 4 is 64 times cheaper to attack than 10. {@link StaffPasswordHash} makes cost 12.
	 */
	public static final int MIN_BCRYPT_COST = 10;

	public StaffProperties {
		users = (users != null) ? Map.copyOf(users) : Map.of();
		users.forEach((name, hash) -> {
			Matcher bcrypt = (hash != null) ? BCRYPT.matcher(hash.strip()) : null;
			if (bcrypt == null || !bcrypt.matches() || Integer.parseInt(bcrypt.group(2)) > 31) {
				throw new IllegalArgumentException("backsafe.staff.users." + name
						+ " must be a BCrypt hash (like $2a$12$ followed by 53 characters), never a plain password;"
						+ " see the README, 'Staff logins'");
			}
			int cost = Integer.parseInt(bcrypt.group(2));
			if (cost < MIN_BCRYPT_COST) {
				throw new IllegalArgumentException("backsafe.staff.users." + name + " is a BCrypt hash of cost " + cost
						+ ", too cheap to guess against: staff password hashes need cost " + MIN_BCRYPT_COST
						+ " or more. Make a new hash (cost 12) as the README says under 'Staff logins'");
			}
		});
		if (maxFailedLogins < 1) {
			throw new IllegalArgumentException("backsafe.staff.max-failed-logins must be 1 or more");
		}
		zone = (zone != null) ? zone : ZoneId.systemDefault();
	}

	/** The highest cost among the users' hashes ({@value #MIN_BCRYPT_COST} when none are configured). */
	int highestBcryptCost() {
		return this.users.values()
			.stream()
			.map((hash) -> BCRYPT.matcher(hash.strip()))
			.filter(Matcher::matches)
			.mapToInt((bcrypt) -> Integer.parseInt(bcrypt.group(2)))
			.max()
			.orElse(MIN_BCRYPT_COST);
	}

}
