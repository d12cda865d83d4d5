package org.backsafe.staff;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Checks the lockout before the password, so a locked name gets the same answer whether the password
 * is right or wrong; counts failures and clears them on success.
 */
class LockoutAuthenticationProvider implements AuthenticationProvider {

	private static final Log logger = LogFactory.getLog(LockoutAuthenticationProvider.class);

	private final AuthenticationProvider passwords;

	private final LoginAttempts attempts;

	LockoutAuthenticationProvider(AuthenticationProvider passwords, LoginAttempts attempts) {
		this.passwords = passwords;
		this.attempts = attempts;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String name = authentication.getName();
		if (this.attempts.isLocked(name)) {
			logger.warn("Staff login refused: '" + printable(name) + "' is locked out after repeated failures");
			throw new LockedException("Locked out after repeated failed logins");
		}
		try {
			Authentication result = this.passwords.authenticate(authentication);
			this.attempts.succeeded(name);
			logger.info("Staff login: '" + printable(name) + "'");
			return result;
		}
		catch (BadCredentialsException ex) {
			this.attempts.failed(name);
			logger.warn("Staff login failed for '" + printable(name) + "'");
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/** A user name as typed, made safe for a log line. */
	private static String printable(String name) {
		String safe = (name != null) ? name.replaceAll("[^\\p{Alnum}._@-]", "?") : "";
		return (safe.length() > 40) ? safe.substring(0, 40) + "…" : safe;
	}

}
