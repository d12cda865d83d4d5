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
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks the lockout (of this name at this client address) before the password, so a locked name gets the same answer whether the password
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
		String address = addressOf(authentication);
		if (this.attempts.isLocked(name, address)) {
			logger.warn("Staff login refused: '" + StaffAuditLog.printable(name)
					+ "' is locked out at " + address + " after repeated failures");
			this.audit.refusedLocked(name, address);
			throw new LockedException("Locked out after repeated failed logins");
		}
		Authentication result;
		try {
			result = this.passwords.authenticate(authentication);
		}
		catch (BadCredentialsException ex) {
			boolean locked = this.attempts.failed(name, address);
			logger.warn("Staff login failed for '" + StaffAuditLog.printable(name) + "' from " + address
					+ (locked ? "; the name is now locked out at that address" : ""));
			this.audit.loginFailed(name, address);
			if (locked) {
				this.audit.lockedOut(name, address);
			}
			throw ex;
		}
		this.attempts.succeeded(name, address);
		this.audit.loggedIn(result.getName(), address);
		logger.info("Staff login: '" + StaffAuditLog.printable(result.getName()) + "'");
		return result;
	}

	/**
	 * The connection's address, as the form login recorded it ({@code getRemoteAddr()}, never a
	 * forwarded header, which anyone can write); empty when the login came another way.
	 */
	static String addressOf(Authentication authentication) {
		return (authentication.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null) ? details.getRemoteAddress() : "";
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
