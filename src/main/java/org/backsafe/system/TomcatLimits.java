package org.backsafe.system;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the container does after a refusal. The limits themselves are set in application.properties
 * ({@code server.tomcat.*}) and by the filter that reads every body (docs/reliability.md).
 */
@Configuration(proxyBeanMethods = false)
class TomcatLimits {

	@Bean
	WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> closeWithoutReadingOn() {
		return (factory) -> factory.addEngineValves(new CloseWithoutReadingOn());
	}

	/**
	 * After an answer that closes the connection (413 for a body too large, 408 for one too slow, 503
	 * for too many at once), Tomcat would first read and discard what is left of the body, up to
	 * {@code server.tomcat.max-swallow-size}, on the worker thread and at the client's pace: a refused
	 * slow body would hold a thread as long as an accepted one (SlowClientsTests shows it). This
	 * tells Tomcat not to, as it does itself for an aborted upload: the connection is closed at once.
	 */
	static final class CloseWithoutReadingOn extends ValveBase {

		/** The statuses after which Tomcat closes the connection anyway (Http11Processor). */
		static final Set<Integer> CLOSING = Set.of(400, 408, 411, 413, 414, 500, 501, 503);

		CloseWithoutReadingOn() {
			super(true);
		}

		@Override
		public void invoke(Request request, Response response) throws IOException, ServletException {
			getNext().invoke(request, response);
			boolean body = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
			if (body && !request.isAsyncStarted() && CLOSING.contains(response.getStatus())) {
				request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
			}
		}

	}

}
