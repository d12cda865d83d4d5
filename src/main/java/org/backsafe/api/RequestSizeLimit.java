package org.backsafe.api;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body before anything else reads it, whatever its path or content type: the
 * path is never looked at, so no spelling of it ({@code /%61pi/...}, {@code //api/...},
 * {@code /api;x=1/...}) gets around the limits. It runs next after the character encoding filter,
 * before Spring Security's firewall and anything else, and reads each body itself:
 * <ul>
 * <li>at most {@link #MAX_BODY_BYTES}, by the declared Content-Length or by counting as a chunked
 * body streams in; a larger one gets 413 and the connection is closed without reading the rest;</li>
 * <li>within {@code backsafe.requests.body-timeout} in all (Tomcat's own time-out only bounds the
 * wait for each read, so a client sending a byte now and then would otherwise hold a thread for
 * hours); a slower one gets 408;</li>
 * <li>at most {@code backsafe.requests.body-reads-per-client} bodies read at once from one address,
 * so that one slow client cannot hold every thread; more get 503 at once.</li>
 * </ul>
 * The body then reaches the app from memory. Since the container can no longer read a form body
 * ({@code application/x-www-form-urlencoded} on a POST, as a browser sends it), its parameters are
 * read here, as Tomcat reads them: the query string's first, and a badly encoded form gets 400.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestSizeLimit extends OncePerRequestFilter {

	/**
	 * A full answer set is under 2 KiB, and the largest form (the questionnaire, every box ticked)
	 * about 2.5 KiB. A CDS Hooks call carries the patient's record, prefetched: a Patient and
	 * Bundles of active conditions and medicines, some 1 to 2 KiB per entry as EHRs write them, so
	 * a patient with 30 conditions and 30 medicines sends about 100 KiB. 128 KiB holds that, and a
	 * body that large is read in well under a millisecond on loopback, so it invites no abuse the
	 * time and per-client limits do not already bound. It applies to every request, whatever its
	 * path: a limit by path could be got around by spelling the path another way.
	 */
	static final int MAX_BODY_BYTES = 128 * 1024;

	private final long bodyTimeoutNanos;

	private final int bodyReadsPerClient;

	/** How many bodies each client address is sending now. */
	private final Map<String, Integer> reading = new ConcurrentHashMap<>();

	RequestSizeLimit(@Value("${backsafe.requests.body-timeout:10s}") Duration bodyTimeout,
			@Value("${backsafe.requests.body-reads-per-client:32}") int bodyReadsPerClient) {
		if (bodyTimeout.isNegative() || bodyTimeout.isZero()) {
			throw new IllegalArgumentException("backsafe.requests.body-timeout must be positive, was " + bodyTimeout);
		}
		if (bodyReadsPerClient < 1) {
			throw new IllegalArgumentException(
					"backsafe.requests.body-reads-per-client must be 1 or more, was " + bodyReadsPerClient);
		}
		this.bodyTimeoutNanos = bodyTimeout.toNanos();
		this.bodyReadsPerClient = bodyReadsPerClient;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = request.getContentLengthLong();
		if (declared <= 0 && request.getHeader("Transfer-Encoding") == null) {
			chain.doFilter(request, response);
			return;
		}
		if (declared > MAX_BODY_BYTES) {
			refuse(response, 413, "Payload Too Large", "The body is larger than " + MAX_BODY_BYTES + " bytes.");
			return;
		}
		String client = String.valueOf(request.getRemoteAddr());
		if (this.reading.merge(client, 1, Integer::sum) > this.bodyReadsPerClient) {
			done(client);
			response.setHeader("Retry-After", "5");
			refuse(response, 503, "Service Unavailable",
					"Too many requests from this address are sending a body at once; try again shortly.");
			return;
		}
		Body body;
		try {
			body = read(request.getInputStream(), declared);
		}
		finally {
			done(client);
		}
		switch (body.outcome) {
			case TOO_LARGE -> refuse(response, 413, "Payload Too Large",
					"The body is larger than " + MAX_BODY_BYTES + " bytes.");
			case TOO_SLOW -> refuse(response, 408, "Request Timeout", "The body was not sent in time.");
			case BROKEN -> refuse(response, 400, "Bad Request", "The body could not be read.");
			case READ -> {
				Map<String, String[]> form = null;
				if (isFormPost(request)) {
					try {
						form = formParameters(request.getQueryString(), body.bytes,
								charsetOf(request.getCharacterEncoding()));
					}
					catch (IllegalArgumentException ex) {
						refuse(response, 400, "Bad Request", "The form is not validly encoded.");
						return;
					}
				}
				chain.doFilter(new BufferedBody(request, body.bytes, form), response);
			}
		}
	}

	/** One body less being read from this address; an address with none is forgotten. */
	private void done(String client) {
		this.reading.computeIfPresent(client, (c, count) -> (count > 1) ? count - 1 : null);
	}

	private enum Outcome {

		READ, TOO_LARGE, TOO_SLOW, BROKEN

	}

	private record Body(Outcome outcome, byte[] bytes) {

	}

	/**
	 * Reads the whole body, or stops as soon as it is too large or too slow. Each read waits at most
	 * the container's connection time-out, so the total is bounded by the body time-out plus one.
	 */
	private Body read(InputStream in, long declared) {
		long start = System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
		byte[] chunk = new byte[4096];
		try {
			int n;
			while ((n = in.read(chunk, 0, (int) Math.min(chunk.length, MAX_BODY_BYTES + 1L - body.size()))) >= 0) {
				body.write(chunk, 0, n);
				if (body.size() > MAX_BODY_BYTES) {
					return new Body(Outcome.TOO_LARGE, null);
				}
				if (System.nanoTime() - start > this.bodyTimeoutNanos) {
					return new Body(Outcome.TOO_SLOW, null);
				}
			}
		}
		catch (IOException ex) {
			// The container's time-out for one read, or the client gone: either way nothing to serve.
			return new Body(timedOut(ex) ? Outcome.TOO_SLOW : Outcome.BROKEN, null);
		}
		return new Body(Outcome.READ, body.toByteArray());
	}

	private static boolean timedOut(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SocketTimeoutException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A short problem document. After each status used here Tomcat closes the connection, and
	 * (org.backsafe.system.TomcatLimits) without reading the rest of the body first, so a refused
	 * body costs no more time.
	 */
	private static void refuse(HttpServletResponse response, int status, String title, String detail) {
		try {
			response.setStatus(status);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setHeader("Connection", "close");
			response.getOutputStream()
				.write(("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
						+ detail + "\"}")
					.getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			// The client has gone; the connection closes anyway.
		}
	}

	/** The request with its body already read, so the size could be checked first. */
	static final class BufferedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		/** A form's parameters, read here; null for any other request, whose container reads them. */
		private final Map<String, String[]> form;

		BufferedBody(HttpServletRequest request, byte[] body, Map<String, String[]> form) {
			super(request);
			this.body = body;
			this.form = form;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
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

		@Override
		public BufferedReader getReader() {
			return new BufferedReader(
					new InputStreamReader(new ByteArrayInputStream(this.body), charsetOf(getCharacterEncoding())));
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

		@Override
		public String getParameter(String name) {
			if (this.form == null) {
				return super.getParameter(name);
			}
			String[] values = this.form.get(name);
			return (values != null) ? values[0] : null;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return (this.form != null) ? this.form : super.getParameterMap();
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return (this.form != null) ? Collections.enumeration(this.form.keySet()) : super.getParameterNames();
		}

		@Override
		public String[] getParameterValues(String name) {
			if (this.form == null) {
				return super.getParameterValues(name);
			}
			String[] values = this.form.get(name);
			return (values != null) ? values.clone() : null;
		}

	}

	/**
	 * A form's parameters, as the container reads them: the query string's first (in UTF-8), then
	 * the body's (in the request's character encoding, UTF-8 unless set).
	 * @throws IllegalArgumentException for a pair the container would refuse: an empty name, a
	 * broken percent-encoding, or bytes that are not text in the character set
	 */
	static Map<String, String[]> formParameters(String query, byte[] body, Charset charset) {
		Map<String, List<String>> values = new LinkedHashMap<>();
		if (query != null) {
			parse(query.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8, values);
		}
		parse(body, charset, values);
		Map<String, String[]> parameters = new LinkedHashMap<>();
		values.forEach((name, list) -> parameters.put(name, list.toArray(String[]::new)));
		return Collections.unmodifiableMap(parameters);
	}

	/**
	 * {@code a=1&b=&c&&d=x=y}: pairs split at the first "=", a name alone has the empty value, an
	 * empty pair is skipped; "+" is a space.
	 */
	private static void parse(byte[] encoded, Charset charset, Map<String, List<String>> into) {
		String text = new String(encoded, StandardCharsets.ISO_8859_1);
		for (String pair : text.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = decode((equals < 0) ? pair : pair.substring(0, equals), charset);
			String value = (equals < 0) ? "" : decode(pair.substring(equals + 1), charset);
			if (name.isEmpty()) {
				throw new IllegalArgumentException("A parameter without a name");
			}
			into.computeIfAbsent(name, (n) -> new ArrayList<>()).add(value);
		}
	}

	/** Percent-decoding of text whose characters are bytes (ISO-8859-1), then strict decoding. */
	private static String decode(String text, Charset charset) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '+') {
				bytes.write(' ');
			}
			else if (c == '%') {
				if (i + 2 >= text.length()) {
					throw new IllegalArgumentException("A broken percent-encoding");
				}
				int high = Character.digit(text.charAt(i + 1), 16);
				int low = Character.digit(text.charAt(i + 2), 16);
				if (high < 0 || low < 0) {
					throw new IllegalArgumentException("A broken percent-encoding");
				}
				bytes.write(high * 16 + low);
				i += 2;
			}
			else {
				bytes.write(c & 0xff);
			}
		}
		try {
			return charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new IllegalArgumentException("Not text in " + charset, ex);
		}
	}

	static Charset charsetOf(String encoding) {
		try {
			return (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
		}
		catch (IllegalArgumentException ex) {
			return StandardCharsets.UTF_8;
		}
	}

	private static boolean isFormPost(HttpServletRequest request) {
		String contentType = request.getContentType();
		if (!HttpMethod.POST.matches(request.getMethod()) || contentType == null) {
			return false;
		}
		try {
			return MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(contentType));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
