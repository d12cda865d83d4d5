package org.backsafe.system;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springdoc.core.customizers.ServerBaseUrlCustomizer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Where Backsafe is reached: {@code backsafe.base-url}, such as {@code https://backsafe.clinic.example}.
 * No URL the app writes is taken from a request's {@code Host} or {@code X-Forwarded-*} headers,
 * which anyone can set (docs/reliability.md, "Staff login and hardening"):
 * <ul>
 * <li>Redirects name no host at all: a path such as {@code /staff/login} is sent as it is, to every
 * client ({@link RelativeRedirects}; Tomcat would otherwise make it absolute from the {@code Host}
 * header for an HTTP/1.0 client), and the staff login's entry point builds none. So they work
 * however the app is reached.</li>
 * <li>With a base URL, Tomcat answers every question about a request's scheme, host and port from it
 * (the connector's {@code proxyName}, {@code proxyPort}, {@code scheme} and {@code secure}): what
 * absolute URLs there are (the OpenAPI {@code servers} entry) name it, and with {@code https} the
 * session cookie is {@code Secure} and pages carry HSTS.</li>
 * <li>Without one, the OpenAPI {@code servers} entry is relative ({@code /}), which OpenAPI reads as
 * "where this description was fetched from".</li>
 * </ul>
 * Forwarded headers are never trusted ({@code server.forward-headers-strategy=none}): the base URL
 * says what a proxy would.
 */
@Configuration(proxyBeanMethods = false)
public class BaseUrl {

	static final String PROPERTY = "backsafe.base-url";

	/** A location that starts with a scheme ({@code https:}) is absolute. */
	static final Pattern URI_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:");

	/** The base URL, checked; null when none is configured. */
	static URI parse(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		URI uri;
		try {
			uri = new URI(value.strip());
		}
		catch (URISyntaxException ex) {
			throw invalid(value, ex.getMessage());
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
		if (!"https".equals(scheme) && !"http".equals(scheme)) {
			throw invalid(value, "it must start with https:// (or http://)");
		}
		if (uri.getHost() == null || uri.getRawUserInfo() != null) {
			throw invalid(value, "it must name a host, and no user");
		}
		boolean rootPath = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/");
		if (!rootPath || uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw invalid(value, "it must be the scheme, host and port only; for a path use server.servlet.context-path");
		}
		int port = (uri.getPort() != -1) ? uri.getPort() : ("https".equals(scheme) ? 443 : 80);
		try {
			return new URI(scheme, null, uri.getHost().toLowerCase(Locale.ROOT), port, null, null, null);
		}
		catch (URISyntaxException ex) {
			throw invalid(value, ex.getMessage());
		}
	}

	private static IllegalStateException invalid(String value, String why) {
		return new IllegalStateException(PROPERTY + "='" + value + "' is not a base URL such as"
				+ " https://backsafe.clinic.example: " + why);
	}

	/** With a base URL, Tomcat takes the scheme, host and port of every request from it. */
	@Bean
	WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> baseUrlConnector(
			@Value("${" + PROPERTY + ":}") String value) {
		URI base = parse(value);
		return (factory) -> {
			if (base != null) {
				factory.addConnectorCustomizers((connector) -> {
					connector.setProxyName(base.getHost());
					connector.setProxyPort(base.getPort());
					connector.setScheme(base.getScheme());
					connector.setSecure("https".equals(base.getScheme()));
				});
			}
		};
	}

	@Bean
	FilterRegistrationBean<RelativeRedirects> relativeRedirects() {
		FilterRegistrationBean<RelativeRedirects> registration = new FilterRegistrationBean<>(new RelativeRedirects());
		// ahead of Spring Security and Spring MVC, which redirect
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		return registration;
	}

	/** The OpenAPI description's {@code servers} URL: the base URL, or relative without one. */
	@Bean
	ServerBaseUrlCustomizer openApiServerFromBaseUrl(@Value("${" + PROPERTY + ":}") String value,
			@Value("${server.servlet.context-path:}") String contextPath) {
		URI base = parse(value);
		String path = (contextPath.isEmpty() || contextPath.equals("/")) ? "" : contextPath;
		String server = (base != null) ? origin(base) + path : (path.isEmpty() ? "/" : path);
		return (calculated, request) -> server;
	}

	/** Scheme, host and the port unless it is the scheme's own. */
	static String origin(URI base) {
		boolean defaultPort = base.getPort() == ("https".equals(base.getScheme()) ? 443 : 80);
		return base.getScheme() + "://" + base.getHost() + (defaultPort ? "" : ":" + base.getPort());
	}

	/**
	 * Sends a redirect to a path as that path. Tomcat keeps it relative for HTTP/1.1 (with
	 * {@code server.tomcat.use-relative-redirects}) but makes it absolute for HTTP/1.0, from the
	 * request's {@code Host} header unless a base URL is set; every client in use, HTTP/1.0 ones
	 * included, resolves a relative {@code Location} (RFC 9110, section 10.2.2).
	 */
	static final class RelativeRedirects extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			chain.doFilter(request, new HttpServletResponseWrapper(response) {

				@Override
				public void sendRedirect(String location) throws IOException {
					sendRedirect(location, SC_FOUND, true);
				}

				@Override
				public void sendRedirect(String location, boolean clearBuffer) throws IOException {
					sendRedirect(location, SC_FOUND, clearBuffer);
				}

				@Override
				public void sendRedirect(String location, int status) throws IOException {
					sendRedirect(location, status, true);
				}

				@Override
				public void sendRedirect(String location, int status, boolean clearBuffer) throws IOException {
					if (location == null || URI_SCHEME.matcher(location).lookingAt() || location.startsWith("//")) {
						super.sendRedirect(location, status, clearBuffer);
						return;
					}
					if (isCommitted()) {
						throw new IllegalStateException("Cannot redirect: the response is already committed");
					}
					if (clearBuffer) {
						resetBuffer();
					}
					setStatus(status);
					setHeader(HttpHeaders.LOCATION, location);
				}

			});
		}

	}

}
