package org.backsafe.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Screening is anonymous: every page and the API are open. Forms carry CSRF tokens; the JSON API is
 * exempt, as it uses no cookies or session to authenticate. Pages get strict security headers.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * The pages' Content-Security-Policy: scripts, styles and images only from this site, never inline
	 * (the templates hold no inline style or script), and no framing by anyone.
	 */
	static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
			+ " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
			+ " frame-ancestors 'none'";

	/** Swagger UI sets inline styles from its own scripts; the API documentation gets only that allowance. */
	static final String SWAGGER_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
			+ " img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
			+ " form-action 'self'; frame-ancestors 'none'";

	private static final String CSP = "Content-Security-Policy";

	private static final RequestMatcher SWAGGER = new OrRequestMatcher(pathPattern("/swagger-ui/**"),
			pathPattern("/swagger-ui.html"));

	@Bean
	SecurityFilterChain publicScreening(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/api/**"));
		securityHeaders(http);
		return http.build();
	}

	/**
	 * The security headers every page gets; a filter chain for other pages (such as staff pages)
	 * should call this too.
	 */
	static void securityHeaders(HttpSecurity http) throws Exception {
		http.headers((headers) -> headers
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(SWAGGER,
					new StaticHeadersWriter(CSP, SWAGGER_POLICY)))
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(SWAGGER),
					new StaticHeadersWriter(CSP, PAGE_POLICY)))
			.frameOptions((frame) -> frame.deny())
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
	}

}
