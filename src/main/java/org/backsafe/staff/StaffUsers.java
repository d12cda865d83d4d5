package org.backsafe.staff;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The staff who may log in, from configuration. There is no built-in password: with no users
 * configured, one user named {@value #GENERATED_USER} gets a random password for this run only,
 * written to the log once.
 */
class StaffUsers implements UserDetailsService {

	private static final Log logger = LogFactory.getLog(StaffUsers.class);

	static final String GENERATED_USER = "staff";

	static final String ROLE = "STAFF";

	private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY345679";

	private final Map<String, String> hashes = new TreeMap<>();

	StaffUsers(StaffProperties properties, BCryptPasswordEncoder encoder) {
		properties.users().forEach((name, hash) -> this.hashes.put(key(name), hash.strip().replace("{bcrypt}", "")));
		if (this.hashes.isEmpty()) {
			String password = randomPassword();
			this.hashes.put(GENERATED_USER, encoder.encode(password));
			logger.warn("No staff users are configured (backsafe.staff.users.<name>=<BCrypt hash>). For this run only,"
					+ " log in at /staff as '" + GENERATED_USER + "' with the password: " + password);
		}
		else {
			logger.info("Staff users configured: " + this.hashes.size());
		}
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		String hash = this.hashes.get(key(username));
		if (hash == null) {
			throw new UsernameNotFoundException("No such staff user");
		}
		return User.withUsername(key(username)).password(hash).roles(ROLE).build();
	}

	private static String key(String name) {
		return name.strip().toLowerCase(Locale.ROOT);
	}

	private static String randomPassword() {
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
		}
		return password.toString();
	}

}
