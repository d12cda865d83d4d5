package org.backsafe.staff;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Checks the lockout before the password, so a locked name gets the same answer whether the password
 * is right or wrong; counts failures and clears them on success. Every outcome goes to the log and to
 * the audit log: a login, a failed login, the failure that locks a name, and a try while it is locked.
 * When the failure count or the audit log cannot be written (the database is down, or its disk full),
 * nobody logs in, and the login page says the service is unavailable rather than that the password
 * was wrong.
 */
class LockoutAuthenticationProvider implements AuthenticationProvider {

	private static final Log logger = LogFactory.getLog(LockoutAuthenticationProvider.class);

	private final AuthenticationProvider passwords;

	private final LoginAttempts attempts;

	private final StaffAuditLog audit;

	LockoutAuthenticationProvider(AuthenticationProvider passwords, LoginAttempts attempts, StaffAuditLog audit) {
		this.passwords = passwords;
		this.attempts = attempts;
		this.audit = audit;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		try {
			return check(authentication);
		}
		catch (AuthenticationException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			logger.error("Staff login refused: the failure count or the audit log could not be read or written ("
					+ ex.getMessage() + ")");
			throw new AuthenticationServiceException("Logins cannot be checked or recorded now", ex);
		}
	}

	private Authentication check(Authentication authentication) {
		String name = authentication.getName();
		if (this.attempts.isLocked(name)) {
			logger.warn("Staff login refused: '" + StaffAuditLog.printable(name)
					+ "' is locked out after repeated failures");
			this.audit.refusedLocked(name);
			throw new LockedException("Locked out after repeated failed logins");
		}
		Authentication result;
		try {
			result = this.passwords.authenticate(authentication);
		}
		catch (BadCredentialsException ex) {
			boolean locked = this.attempts.failed(name);
			logger.warn("Staff login failed for '" + StaffAuditLog.printable(name) + "'"
					+ (locked ? "; the name is now locked out" : ""));
			this.audit.loginFailed(name);
			if (locked) {
				this.audit.lockedOut(name);
			}
			throw ex;
		}
		this.attempts.succeeded(name);
		this.audit.loggedIn(result.getName());
		logger.info("Staff login: '" + StaffAuditLog.printable(result.getName()) + "'");
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
