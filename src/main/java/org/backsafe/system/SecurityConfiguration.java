package org.backsafe.system;

import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Screening is anonymous: every page and the API are open. Forms carry CSRF tokens; the JSON API is
 * exempt, as it uses no cookies or session to authenticate. Pages get strict security headers, and
 * every cookie is {@code SameSite=Lax}. (Health details are for logged-in staff only, by
 * {@code management.endpoint.health.*} in application.properties; where redirects and generated URLs
 * point is {@link BaseUrl}'s.)
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	/**
	 * The Content-Security-Policy of every response: scripts, styles and images only from this site,
	 * never inline (the templates hold no inline style or script), and no framing by anyone. Swagger
	 * UI under /swagger-ui works under it too (SecurityHeadersTests checks it in Chromium), so it
	 * needs no looser policy.
	 */
	public static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
			+ " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
			+ " frame-ancestors 'none'";

	/**
	 * Every cookie the app sets, the session's and the one a logout clears alike, is
	 * {@code SameSite=Lax}: another site's page can no longer send a form, or load anything, with a
	 * staff member's or a kiosk's session; a plain link to Backsafe still opens it logged in.
	 * ({@code server.servlet.session.cookie.same-site} says the same for the session cookie alone.)
	 */
	@Bean
	CookieSameSiteSupplier everyCookieSameSiteLax() {
		return CookieSameSiteSupplier.ofLax();
	}

	/** The paths of the JSON API, FHIR and CDS Hooks: no session, no CSRF token, no login. */
	public static final String[] STATELESS_PATHS = { "/api/**", "/fhir/**", "/cds-services", "/cds-services/**" };

	/**
	 * The chain of the JSON API, FHIR and CDS Hooks: they authenticate no one and keep nothing
	 * between requests, so they need no session, no CSRF token (no cookie authenticates them), no
	 * saved request and no logout. They keep the pages' headers, no-store included. Each filter left
	 * out was work on every screening (docs/performance.md, "Over HTTP").
	 */
	@Bean
	@Order(3)
	SecurityFilterChain api(HttpSecurity http) throws Exception {
		http.securityMatcher(STATELESS_PATHS)
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.logout((logout) -> logout.disable());
		securityHeaders(http);
		return http.build();
	}

	/**
	 * No observation of each security filter: nothing reads them (the actuator exposes health and
	 * info only), and wrapping every filter of every request cost more than the filters themselves.
	 */
	@Bean
	SecurityObservationSettings noSecurityFilterObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	SecurityFilterChain publicScreening(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.ignoringRequestMatchers(STATELESS_PATHS))
			.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler(expiredSessionTimedOut()));
		securityHeaders(http);
		return http.build();
	}

	/**
	 * A form sent after its session has ended carries a CSRF token the server no longer knows. That
	 * is no attack, just someone who left the page open: they are told their answers were cleared
	 * (the self-screening's time-out page), never shown a 403. A request with no session at all, or
	 * a wrong token in a live session, is still refused.
	 */
	static AccessDeniedHandler expiredSessionTimedOut() {
		AccessDeniedHandler refuse = new AccessDeniedHandlerImpl();
		return (request, response, denied) -> {
			boolean expired = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
			if (expired && denied instanceof CsrfException) {
				response.sendRedirect(request.getContextPath() + TIMED_OUT_PATH);
			}
			else {
				refuse.handle(request, response, denied);
			}
		};
	}

	/** The page that says a self-screening's session has ended (SelfScreeningController shows it). */
	public static final String TIMED_OUT_PATH = "/timed-out";

	/**
	 * The security headers every page gets; a filter chain for other pages (such as staff pages)
	 * should call this too.
	 */
	public static void securityHeaders(HttpSecurity http) throws Exception {
		http.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(PAGE_POLICY))
			.frameOptions((frame) -> frame.deny())
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
	}

}
