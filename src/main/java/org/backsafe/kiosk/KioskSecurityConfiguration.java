package org.backsafe.kiosk;

import jakarta.servlet.http.HttpSession;
import org.backsafe.system.SecurityConfiguration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The kiosk is open to anyone at the screen, but its pages must never be cached or framed: its own
 * filter chain keeps Spring Security's no-store cache headers and the public pages' strict headers. A form sent after
 * the session ended (its CSRF token is then unknown) is not an error for a patient: the kiosk simply
 * goes back to its start.
 */
@Configuration(proxyBeanMethods = false)
class KioskSecurityConfiguration {

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
			.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler(backToStart));
		// the same Content-Security-Policy, framing and referrer rules as every public page
		SecurityConfiguration.securityHeaders(http);
		return http.build();
	}

}
