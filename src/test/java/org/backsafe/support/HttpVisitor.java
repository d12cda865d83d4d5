package org.backsafe.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One visitor of the running app over a plain socket, as a browser would be but with every header
 * in sight: it keeps its cookies (sending them whatever their {@code Secure} flag, since the test
 * server speaks plain HTTP), follows no redirect, records every {@code Set-Cookie} it is sent, and
 * can claim any {@code Host} (which {@link java.net.http.HttpClient} will not send) or speak
 * HTTP/1.0. Every request asks the server to close the connection.
 */
public final class HttpVisitor {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

	/** An answer: its status, its headers in order (names in lower case), its body as text. */
	public record Answer(int status, List<Map.Entry<String, String>> headers, String body) {

		public List<String> all(String name) {
			return this.headers.stream()
				.filter((h) -> h.getKey().equals(name.toLowerCase(Locale.ROOT)))
				.map(Map.Entry::getValue)
				.toList();
		}

		public String header(String name) {
			List<String> values = all(name);
			return values.isEmpty() ? null : values.get(0);
		}

		public String location() {
			return header("location");
		}

	}

	private final int port;

	private final String host;

	private final String version;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	private final List<String> setCookies = new ArrayList<>();

	private HttpVisitor(int port, String host, String version) {
		this.port = port;
		this.host = host;
		this.version = version;
	}

	/** A visitor that names the server as a browser on this machine would. */
	public static HttpVisitor of(int port) {
		return new HttpVisitor(port, "127.0.0.1:" + port, "HTTP/1.1");
	}

	/** The same visitor, claiming another {@code Host}. */
	public HttpVisitor claimingHost(String host) {
		HttpVisitor other = new HttpVisitor(this.port, host, this.version);
		other.cookies.putAll(this.cookies);
		return other;
	}

	/** The same visitor, speaking HTTP/1.0 (which makes Tomcat write absolute redirects). */
	public HttpVisitor http10() {
		HttpVisitor other = new HttpVisitor(this.port, this.host, "HTTP/1.0");
		other.cookies.putAll(this.cookies);
		return other;
	}

	public Answer get(String path, String... headers) {
		return exchange("GET", path, null, headers);
	}

	/** A form POST, with the CSRF token when one is given. */
	public Answer post(String path, Map<String, String> form, String... headers) {
		StringBuilder body = new StringBuilder();
		form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
			.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return exchange("POST", path, body.toString(), headers);
	}

	/** Opens the login page and sends the form with its CSRF token: the answer to the login. */
	public Answer logIn(String user, String password) {
		Answer page = get("/staff/login");
		if (page.status() != 200) {
			throw new IllegalStateException("GET /staff/login gave " + page.status());
		}
		return post("/staff/login", Map.of("username", user, "password", password, "_csrf", csrf(page.body())));
	}

	/** The CSRF token of a page's form. */
	public static String csrf(String page) {
		Matcher m = CSRF.matcher(page);
		if (!m.find()) {
			throw new IllegalStateException("No CSRF token in the page");
		}
		return (m.group(1) != null) ? m.group(1) : m.group(2);
	}

	/** Every Set-Cookie header this visitor has been sent, in order. */
	public List<String> setCookies() {
		return List.copyOf(this.setCookies);
	}

	/** The value of a cookie held now, or null. */
	public String cookie(String name) {
		return this.cookies.get(name);
	}

	private Answer exchange(String method, String path, String body, String... headers) {
		byte[] content = (body != null) ? body.getBytes(StandardCharsets.UTF_8) : new byte[0];
		StringBuilder head = new StringBuilder(method).append(' ').append(path).append(' ').append(this.version)
			.append("\r\n");
		head.append("Host: ").append(this.host).append("\r\n");
		if (!this.cookies.isEmpty()) {
			head.append("Cookie: ");
			this.cookies.forEach((name, value) -> head.append(name).append('=').append(value).append("; "));
			head.setLength(head.length() - 2);
			head.append("\r\n");
		}
		if (body != null) {
			head.append("Content-Type: application/x-www-form-urlencoded\r\n")
				.append("Content-Length: ")
				.append(content.length)
				.append("\r\n");
		}
		for (String header : headers) {
			head.append(header).append("\r\n");
		}
		head.append("Connection: close\r\n\r\n");
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5000);
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(content);
			out.flush();
			Answer answer = read(socket.getInputStream());
			for (String setCookie : answer.all("set-cookie")) {
				this.setCookies.add(setCookie);
				String pair = setCookie.split(";", 2)[0];
				int equals = pair.indexOf('=');
				String name = pair.substring(0, equals).trim();
				String value = pair.substring(equals + 1).trim();
				String attributes = setCookie.toLowerCase(Locale.ROOT);
				boolean expired = attributes.contains("max-age=0") || attributes.contains("expires=thu, 01 jan 1970");
				if (expired || value.isEmpty()) {
					this.cookies.remove(name);
				}
				else {
					this.cookies.put(name, value);
				}
			}
			return answer;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Answer read(InputStream in) throws IOException {
		byte[] bytes = in.readAllBytes();
		int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
		if (end < 0) {
			throw new IOException("No complete answer: " + new String(bytes, StandardCharsets.ISO_8859_1));
		}
		String[] lines = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		List<Map.Entry<String, String>> headers = new ArrayList<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.add(Map.entry(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
					lines[i].substring(colon + 1).trim()));
		}
		byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
		boolean chunked = headers.stream()
			.anyMatch((h) -> h.getKey().equals("transfer-encoding") && h.getValue().equalsIgnoreCase("chunked"));
		return new Answer(status, headers, new String(chunked ? dechunk(body) : body, StandardCharsets.UTF_8));
	}

	private static byte[] dechunk(byte[] chunked) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
		int at = 0;
		while (at < chunked.length) {
			int lineEnd = indexOf(chunked, crlf, at);
			if (lineEnd < 0) {
				break;
			}
			int length = Integer.parseInt(
					new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].trim(), 16);
			if (length == 0) {
				break;
			}
			out.write(chunked, lineEnd + 2, Math.min(length, chunked.length - lineEnd - 2));
			at = lineEnd + 2 + length + 2;
		}
		return out.toByteArray();
	}

	private static int indexOf(byte[] bytes, byte[] what, int from) {
		outer: for (int i = from; i <= bytes.length - what.length; i++) {
			for (int j = 0; j < what.length; j++) {
				if (bytes[i + j] != what[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
