package org.backsafe.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The body limits alone, on mock requests (RequestLimitsHttpTests has them over real HTTP, and
 * SlowClientsTests the time limits against slow sockets).
 */
class RequestSizeLimitTests {

	static final int LIMIT = RequestSizeLimit.MAX_BODY_BYTES;

	static RequestSizeLimit limit(Duration bodyTimeout, int perClient) {
		return new RequestSizeLimit(bodyTimeout, perClient);
	}

	static MockHttpServletRequest post(String path, String contentType, byte[] body) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
		request.setContentType(contentType);
		request.setContent(body);
		return request;
	}

	/** Runs the filter; the request that reached the chain, or null if none did. */
	static ServletRequest filter(RequestSizeLimit limit, HttpServletRequest request, MockHttpServletResponse response)
			throws Exception {
		MockFilterChain chain = new MockFilterChain();
		limit.doFilter(request, response, chain);
		return chain.getRequest();
	}

	@Nested
	class Size {

		@ParameterizedTest(name = "{0}")
		@ValueSource(strings = { "/api/v1/screenings", "/%61pi/v1/screenings", "/", "/kiosk/answers" })
		void aBodyOverTheLimitIsRefusedOnAnyPath(String path) throws Exception {
			MockHttpServletResponse response = new MockHttpServletResponse();
			ServletRequest passed = filter(limit(Duration.ofSeconds(10), 32),
					post(path, "application/json", new byte[LIMIT + 1]), response);
			assertThat(passed).isNull();
			assertThat(response.getStatus()).isEqualTo(413);
			assertThat(response.getContentType()).isEqualTo("application/problem+json");
			assertThat(response.getHeader("Connection")).isEqualTo("close");
		}

		@Test
		void aBodyOfUnknownLengthIsCounted() throws Exception {
			MockHttpServletRequest request = post("/x", "application/octet-stream", new byte[LIMIT + 1]);
			request.addHeader("Transfer-Encoding", "chunked");
			MockHttpServletResponse response = new MockHttpServletResponse();
			ServletRequest passed = filter(limit(Duration.ofSeconds(10), 32), new UnknownLength(request), response);
			assertThat(passed).isNull();
			assertThat(response.getStatus()).isEqualTo(413);
		}

		@Test
		void aBodyOfTheLimitReachesTheAppWhole() throws Exception {
			byte[] body = "x".repeat(LIMIT).getBytes(StandardCharsets.US_ASCII);
			MockHttpServletResponse response = new MockHttpServletResponse();
			ServletRequest passed = filter(limit(Duration.ofSeconds(10), 32), post("/x", "application/json", body),
					response);
			assertThat(passed).isNotNull();
			assertThat(passed.getInputStream().readAllBytes()).isEqualTo(body);
			assertThat(passed.getContentLengthLong()).isEqualTo(LIMIT);
		}

		@Test
		void aRequestWithoutABodyPassesAsItIs() throws Exception {
			MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
			request.setParameter("lang", "es");
			ServletRequest passed = filter(limit(Duration.ofSeconds(10), 32), request, new MockHttpServletResponse());
			assertThat(passed).isSameAs(request);
		}

	}

	@Nested
	class Time {

		@Test
		void aBodyTooSlowInAllIsCutOff() throws Exception {
			MockHttpServletRequest request = post("/api/v1/screenings", "application/json", new byte[0]);
			request.addHeader("Transfer-Encoding", "chunked");
			MockHttpServletResponse response = new MockHttpServletResponse();
			// One byte every 30 ms, well within any time-out for a single read; 100 ms in all.
			ServletRequest passed = filter(limit(Duration.ofMillis(100), 32), new SlowBody(request, 30), response);
			assertThat(passed).isNull();
			assertThat(response.getStatus()).isEqualTo(408);
		}

		@Test
		void moreBodiesAtOnceFromOneAddressThanAllowedAreRefused() throws Exception {
			RequestSizeLimit limit = limit(Duration.ofSeconds(10), 1);
			AtomicReference<MockHttpServletResponse> second = new AtomicReference<>();
			// While the first body is being read, a second one from the same address arrives.
			MockHttpServletRequest first = post("/api/v1/screenings", "application/json", "{}".getBytes());
			HttpServletRequest reading = new CallsBackWhileRead(first, () -> {
				MockHttpServletResponse response = new MockHttpServletResponse();
				filter(limit, post("/api/v1/screenings", "application/json", "{}".getBytes()), response);
				second.set(response);
			});
			MockHttpServletResponse response = new MockHttpServletResponse();
			assertThat(filter(limit, reading, response)).isNotNull();
			assertThat(second.get().getStatus()).isEqualTo(503);
			assertThat(second.get().getHeader("Retry-After")).isNotNull();
			// Once read, the address may send again.
			MockHttpServletResponse after = new MockHttpServletResponse();
			assertThat(filter(limit, post("/x", "application/json", "{}".getBytes()), after)).isNotNull();
		}

		@Test
		void otherAddressesAreNotCounted() throws Exception {
			RequestSizeLimit limit = limit(Duration.ofSeconds(10), 1);
			AtomicReference<ServletRequest> second = new AtomicReference<>();
			MockHttpServletRequest first = post("/x", "application/json", "{}".getBytes());
			HttpServletRequest reading = new CallsBackWhileRead(first, () -> {
				MockHttpServletRequest other = post("/x", "application/json", "{}".getBytes());
				other.setRemoteAddr("192.0.2.7");
				second.set(filter(limit, other, new MockHttpServletResponse()));
			});
			assertThat(filter(limit, reading, new MockHttpServletResponse())).isNotNull();
			assertThat(second.get()).isNotNull();
		}

	}

	@Nested
	class Forms {

		static final String FORM = "application/x-www-form-urlencoded";

		@Test
		void areReadAsTomcatReadsThem() throws Exception {
			// Each case checked against Tomcat 11 itself (an embedded Tomcat echoing getParameterMap).
			Map<String, String[]> parameters = RequestSizeLimit.formParameters("q=1&a=0",
					"a=1&a=2&b=&c&&d=%C3%A9+x&g=1=2&e=caf\u00c3\u00a9&".getBytes(StandardCharsets.ISO_8859_1),
					StandardCharsets.UTF_8);
			assertThat(parameters).containsOnlyKeys("q", "a", "b", "c", "d", "g", "e");
			assertThat(parameters.get("q")).containsExactly("1");
			assertThat(parameters.get("a")).containsExactly("0", "1", "2");
			assertThat(parameters.get("b")).containsExactly("");
			assertThat(parameters.get("c")).containsExactly("");
			assertThat(parameters.get("d")).containsExactly("é x");
			assertThat(parameters.get("g")).containsExactly("1=2");
			assertThat(parameters.get("e")).containsExactly("café");
			assertThat(parameters.keySet()).startsWith("q", "a");
		}

		@ParameterizedTest(name = "{0}")
		@ValueSource(strings = { "=z", "a=%", "a=%4", "a=%ZZ", "a=%C3", "%=1" })
		void whatTomcatRefusesIsRefused(String form) {
			assertThatIllegalArgumentException().isThrownBy(() -> RequestSizeLimit.formParameters(null,
					form.getBytes(StandardCharsets.US_ASCII), StandardCharsets.UTF_8));
		}

		@Test
		void reachTheAppFromTheBodyTheFilterRead() throws Exception {
			MockHttpServletRequest request = post("/check", FORM, "_csrf=t0k3n&answer=YES".getBytes());
			request.setQueryString("lang=es");
			ServletRequest passed = filter(limit(Duration.ofSeconds(10), 32), request, new MockHttpServletResponse());
			assertThat(passed.getParameter("_csrf")).isEqualTo("t0k3n");
			assertThat(passed.getParameterValues("answer")).containsExactly("YES");
			assertThat(passed.getParameterMap()).containsOnlyKeys("lang", "_csrf", "answer");
			assertThat(passed.getParameterNames().nextElement()).isEqualTo("lang");
		}

		@Test
		void aBadlyEncodedFormIsRefused() throws Exception {
			MockHttpServletResponse response = new MockHttpServletResponse();
			ServletRequest passed = filter(limit(Duration.ofSeconds(10), 32), post("/check", FORM, "a=%ZZ".getBytes()),
					response);
			assertThat(passed).isNull();
			assertThat(response.getStatus()).isEqualTo(400);
		}

		@Test
		void otherBodiesKeepTheContainersParameters() throws Exception {
			MockHttpServletRequest request = post("/api/v1/screenings", "application/json", "{}".getBytes());
			request.setParameter("lang", "es");
			ServletRequest passed = filter(limit(Duration.ofSeconds(10), 32), request, new MockHttpServletResponse());
			assertThat(passed.getParameter("lang")).isEqualTo("es");
			assertThat(passed.getParameterMap()).containsOnlyKeys("lang");
		}

	}

	/** A request whose body length is not declared, as a chunked one. */
	static class UnknownLength extends jakarta.servlet.http.HttpServletRequestWrapper {

		UnknownLength(HttpServletRequest request) {
			super(request);
		}

		@Override
		public long getContentLengthLong() {
			return -1;
		}

		@Override
		public int getContentLength() {
			return -1;
		}

	}

	/** A body that never ends, one byte every so many milliseconds. */
	static final class SlowBody extends UnknownLength {

		private final long millis;

		SlowBody(HttpServletRequest request, long millis) {
			super(request);
			this.millis = millis;
		}

		@Override
		public ServletInputStream getInputStream() {
			return stream(new InputStream() {
				@Override
				public int read() throws IOException {
					try {
						Thread.sleep(SlowBody.this.millis);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						throw new IOException(ex);
					}
					return ' ';
				}

				@Override
				public int read(byte[] b, int off, int len) throws IOException {
					b[off] = (byte) read();
					return 1;
				}
			});
		}

	}

	/** Runs something once, while its body is being read. */
	static final class CallsBackWhileRead extends jakarta.servlet.http.HttpServletRequestWrapper {

		private final Callback callback;

		CallsBackWhileRead(HttpServletRequest request, Callback callback) {
			super(request);
			this.callback = callback;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			InputStream body = super.getInputStream();
			return stream(new InputStream() {
				private boolean called;

				@Override
				public int read() throws IOException {
					callOnce();
					return body.read();
				}

				@Override
				public int read(byte[] b, int off, int len) throws IOException {
					callOnce();
					return body.read(b, off, len);
				}

				private void callOnce() throws IOException {
					if (!this.called) {
						this.called = true;
						try {
							CallsBackWhileRead.this.callback.run();
						}
						catch (Exception ex) {
							throw new IOException(ex);
						}
					}
				}
			});
		}

	}

	interface Callback {

		void run() throws Exception;

	}

	static ServletInputStream stream(InputStream in) {
		return new ServletInputStream() {
			@Override
			public int read() throws IOException {
				return in.read();
			}

			@Override
			public int read(byte[] b, int off, int len) throws IOException {
				return in.read(b, off, len);
			}

			@Override
			public boolean isFinished() {
				return false;
			}

			@Override
			public boolean isReady() {
				return true;
			}

			@Override
			public void setReadListener(ReadListener listener) {
				throw new UnsupportedOperationException();
			}
		};
	}

}
