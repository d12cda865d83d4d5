package org.backsafe.kiosk;

import jakarta.servlet.http.HttpSession;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The kiosk is open to anyone at the screen, but its pages must never be cached or framed, so it has
 * its own filter chain with those headers whatever the public pages' chain does. A form sent after
 * the session ended (its CSRF token is then unknown) is not an error for a patient: the kiosk simply
 * goes back to its start.
 */
@Configuration(proxyBeanMethods = false)
class KioskSecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
			+ " img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self';"
			+ " frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

	@Bean
	@Order(2)
	SecurityFilterChain kioskFilterChain(HttpSecurity http) throws Exception {
		AccessDeniedHandler backToStart = (request, response, denied) -> {
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			response.sendRedirect(request.getContextPath() + KioskController.START);
		};
		http.securityMatcher("/kiosk", "/kiosk/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler(backToStart))
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER))
				.frameOptions((frames) -> frames.deny()));
		return http.build();
	}

}
