package org.backsafe.kiosk;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The server's side of the idle timeout, for when the page's timer did not run (script blocked, a
 * crashed tab, a request replayed later): a kiosk session unused for longer than the idle time plus
 * the warning is ended, and the request goes to the start screen with nothing of it left.
 */
class KioskIdleLimit implements HandlerInterceptor {

	/** Room for the page's own timer to act first, and for a slow request. */
	static final Duration SLACK = Duration.ofSeconds(5);

	private final ObjectProvider<KioskVisit> visit;

	private final Duration limit;

	private final Clock clock;

	KioskIdleLimit(ObjectProvider<KioskVisit> visit, KioskProperties properties, Clock clock) {
		this.visit = visit;
		this.limit = properties.serverIdleLimit().plus(SLACK);
		this.clock = clock;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return true;
		}
		KioskVisit current = this.visit.getObject();
		Instant now = this.clock.instant();
		Instant lastSeen = current.lastSeen();
		if (lastSeen != null && Duration.between(lastSeen, now).compareTo(this.limit) > 0) {
			session.invalidate();
			response.sendRedirect(request.getContextPath() + KioskController.START);
			return false;
		}
		if (lastSeen != null) {
			current.seen(now);
		}
		return true;
	}

}
