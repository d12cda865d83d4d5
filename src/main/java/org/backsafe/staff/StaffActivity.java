package org.backsafe.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * When a person last used the staff pages. The open list asks the server every few seconds whether
 * it has changed, and each ask keeps the session alive; without this, a list left open at an empty
 * desk would never log out. So the session timeout ({@code backsafe.staff.session-timeout}) counts
 * from the last request a person made: the polls, and the reloads the list makes by itself
 * ({@value #REFRESHED}), do not count, and a poll after that long ends the session.
 */
@Configuration(proxyBeanMethods = false)
class StaffActivity implements WebMvcConfigurer {

	/** The parameter the list's own reload carries: not a person's request. */
	static final String REFRESHED = "refreshed";

	static final String CHANGES = "/staff/today/changes";

	static final String SEEN_AT = StaffActivity.class.getName() + ".SEEN_AT";

	// Looked up when needed: a test slice of another feature's pages picks up every WebMvcConfigurer,
	// this one included, without the staff settings.
	private final ObjectProvider<StaffProperties> properties;

	private final Clock clock = Clock.systemUTC();

	StaffActivity(ObjectProvider<StaffProperties> properties) {
		this.properties = properties;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				HttpSession session = request.getSession(false);
				if (session != null && request.getParameter(REFRESHED) == null) {
					session.setAttribute(SEEN_AT, StaffActivity.this.clock.instant());
				}
				return true;
			}
		}).addPathPatterns("/staff", "/staff/**").excludePathPatterns(CHANGES, "/staff/login");
	}

	private Duration timeout() {
		return this.properties.getObject().sessionTimeout();
	}

	/** Whether nobody has used the pages for as long as the session timeout; if so, the session ends. */
	boolean endIfUnused(HttpSession session) {
		Instant seenAt = (Instant) session.getAttribute(SEEN_AT);
		if (seenAt != null && !this.clock.instant().isBefore(seenAt.plus(timeout()))) {
			session.invalidate();
			return true;
		}
		return false;
	}

}
