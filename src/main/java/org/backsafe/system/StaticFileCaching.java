package org.backsafe.system;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Static files at a versioned address (the resource chain's content strategy puts each file's hash in
 * its name, {@code /css/backsafe-<md5>.css}, and the templates' {@code @{...}} links carry it) may be
 * kept for a year: a changed file gets a new address. Every other response, and a versioned address
 * that fails, keeps Spring Security's {@code no-cache, no-store}, which a page showing answers needs;
 * Spring Security adds it only when the response has no Cache-Control of its own.
 */
@Configuration(proxyBeanMethods = false)
class StaticFileCaching {

	static final String VERSIONED_CACHE_CONTROL = "max-age=31536000, public, immutable";

	/** A name ending in a 32 hex digit content hash, then the extension of a file we serve. */
	static final Pattern VERSIONED = Pattern.compile("/[^?]*-[0-9a-f]{32}\\.(css|js|svg|png|ico|woff2)");

	@Bean
	FilterRegistrationBean<VersionedFiles> versionedStaticFiles() {
		FilterRegistrationBean<VersionedFiles> registration = new FilterRegistrationBean<>(new VersionedFiles());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	static final class VersionedFiles extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
			if (!read || !VERSIONED.matcher(path).matches()) {
				chain.doFilter(request, response);
				return;
			}
			response.setHeader(HttpHeaders.CACHE_CONTROL, VERSIONED_CACHE_CONTROL);
			chain.doFilter(request, new NotCachedOnError(response));
		}

	}

	/** An error (an old hash, say, after a deployment) is never kept. */
	static final class NotCachedOnError extends HttpServletResponseWrapper {

		NotCachedOnError(HttpServletResponse response) {
			super(response);
		}

		@Override
		public void setStatus(int status) {
			noStoreIfError(status);
			super.setStatus(status);
		}

		@Override
		public void sendError(int status) throws IOException {
			noStoreIfError(status);
			super.sendError(status);
		}

		@Override
		public void sendError(int status, String message) throws IOException {
			noStoreIfError(status);
			super.sendError(status, message);
		}

		private void noStoreIfError(int status) {
			if (status >= 400) {
				setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			}
		}

	}

}
