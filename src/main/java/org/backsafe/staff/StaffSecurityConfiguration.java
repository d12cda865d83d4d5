package org.backsafe.staff;

import java.time.Clock;

import org.backsafe.kiosk.KioskStorage;
import org.backsafe.system.SecurityConfiguration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * The staff review is the only part of Backsafe behind a login. Its own filter chain, ahead of the
 * public one, covers {@code /staff/**} and the login page: form login against configured BCrypt
 * hashes, lockout after repeated failures (counted in the database, {@link LoginAttempts}), a session
 * timeout, CSRF on every form, and strict headers. Logins, failures and lockouts are audited.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class StaffSecurityConfiguration {

	/**
	 * Hashes the generated user's password, and checks a password typed for a name that is not a
	 * user against a dummy hash of the same cost as the real ones, so that the time an answer takes
	 * does not tell which names are real.
	 */
	@Bean
	BCryptPasswordEncoder staffPasswordEncoder(StaffProperties properties) {
		return new BCryptPasswordEncoder(properties.highestBcryptCost());
	}

	@Bean
	StaffUsers staffUsers(StaffProperties properties, BCryptPasswordEncoder staffPasswordEncoder) {
		return new StaffUsers(properties, staffPasswordEncoder);
	}

	@Bean
	LoginAttempts loginAttempts(StaffProperties properties, JdbcTemplate jdbc, PlatformTransactionManager transactions,
			KioskStorage storage) {
		return new LoginAttempts(jdbc, transactions, properties.maxFailedLogins(), properties.lockout(),
				Clock.systemUTC(), storage::beforeWrite);
	}

	/** The same store of flash attributes as Spring MVC's: the session. */
	private static final SessionFlashMapManager FLASH = new SessionFlashMapManager();

	/** Tries left for the page's warning; unknown (null) when the count cannot be read. */
	private static Integer triesLeft(LoginAttempts attempts, String name, String address) {
		try {
			return attempts.triesLeft(name, address);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	@Bean
	@Order(1)
	SecurityFilterChain staffFilterChain(HttpSecurity http, StaffUsers users, BCryptPasswordEncoder staffPasswordEncoder,
			LoginAttempts attempts, StaffAuditLog audit, StaffProperties properties) throws Exception {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(staffPasswordEncoder);
		SimpleUrlAuthenticationSuccessHandler toList = new SimpleUrlAuthenticationSuccessHandler("/staff");
		toList.setAlwaysUseDefaultTargetUrl(true);
		AuthenticationSuccessHandler loggedIn = (request, response, authentication) -> {
			request.getSession().setMaxInactiveInterval((int) properties.sessionTimeout().toSeconds());
			toList.onAuthenticationSuccess(request, response, authentication);
		};
		AuthenticationFailureHandler refused = (request, response, exception) -> {
			String name = request.getParameter("username");
			// the name stays in the field, and the page can warn before the last try; a flash
			// attribute, so that neither goes into the URL (and from there into logs and history)
			FlashMap flash = new FlashMap();
			flash.put("username", (name != null) ? name : "");
			if (exception instanceof BadCredentialsException) {
				flash.put("triesLeft", triesLeft(attempts, name, request.getRemoteAddr()));
			}
			flash.setTargetRequestPath(request.getContextPath() + "/staff/login");
			FLASH.saveOutputFlashMap(flash, request, response);
			response.sendRedirect(request.getContextPath() + "/staff/login?"
					+ ((exception instanceof LockedException) ? "locked"
							: (exception instanceof AuthenticationServiceException) ? "unavailable" : "error"));
		};
		// a redirect to the login names no host: never the one in the request's Host header
		LoginUrlAuthenticationEntryPoint toLogin = new LoginUrlAuthenticationEntryPoint("/staff/login");
		toLogin.setFavorRelativeUris(true);
		http.securityMatcher("/staff", "/staff/**")
			.authenticationManager(new ProviderManager(new LockoutAuthenticationProvider(passwords, attempts, audit)))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(toLogin))
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/staff/login")
				.permitAll()
				.anyRequest()
				.hasRole(StaffUsers.ROLE))
			.formLogin((form) -> form.loginPage("/staff/login")
				.loginProcessingUrl("/staff/login")
				.successHandler(loggedIn)
				.failureHandler(refused)
				.permitAll())
			.logout((logout) -> logout.logoutUrl("/staff/logout")
				.logoutSuccessUrl("/staff/login?logout")
				.deleteCookies("JSESSIONID"));
		// the public pages' Content-Security-Policy (no inline code), no framing, no referrer
		SecurityConfiguration.securityHeaders(http);
		return http.build();
	}

}
