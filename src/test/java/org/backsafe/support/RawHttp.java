package org.backsafe.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests that {@link java.net.http.HttpClient} would not send as
 * written: paths it normalises ({@code //api}, {@code /./}, {@code ;x=1}, percent-encodings), a
 * declared length the body does not match, a hand-made chunked body. Every request asks the server
 * to close the connection, and an answer is read to its end or to {@link #MAX_READ}, no further.
 */
public final class RawHttp {

	/** An answer larger than this is not read further (an unbounded error would otherwise fill memory). */
	public static final int MAX_READ = 2 * 1024 * 1024;

	private RawHttp() {
	}

	/**
	 * An answer: its status, its headers (names in lower case), its body (de-chunked) and how many
	 * bytes came over the wire in all, headers included.
	 */
	public record Answer(int status, Map<String, String> headers, byte[] body, int wireBytes, boolean truncated) {

		public String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

	/**
	 * Sends the request line and headers as given (each line ending in CRLF, plus
	 * {@code Connection: close}), then the body, written from a second thread so that an answer sent
	 * before the body is all read (a 413) is read as it comes.
	 */
	public static Answer exchange(int port, String method, String path, byte[] body, String... headers)
			throws IOException, InterruptedException {
		StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
			.append("Host: 127.0.0.1:").append(port).append("\r\n");
		for (String header : headers) {
			head.append(header).append("\r\n");
		}
		head.append("Connection: close\r\n\r\n");
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			Thread writer = new Thread(() -> {
				try {
					out.write(body);
					out.flush();
				}
				catch (IOException ex) {
					// The server closed the connection before taking the whole body, as it may.
				}
			}, "raw-http-body");
			writer.setDaemon(true);
			writer.start();
			Answer answer = read(socket.getInputStream());
			writer.join(5000);
			return answer;
		}
	}

	/** A body in chunks of the given size, with the last (empty) chunk: no Content-Length needed. */
	public static byte[] chunked(byte[] body, int chunkSize) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + body.length / chunkSize * 8 + 16);
		for (int i = 0; i < body.length; i += chunkSize) {
			int length = Math.min(chunkSize, body.length - i);
			out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
			out.write(body, i, length);
			out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		}
		out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		return out.toByteArray();
	}

	private static Answer read(InputStream in) throws IOException {
		ByteArrayOutputStream wire = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		boolean truncated = false;
		try {
			int n;
			while ((n = in.read(buffer)) >= 0) {
				wire.write(buffer, 0, n);
				if (wire.size() >= MAX_READ) {
					truncated = true;
					break;
				}
			}
		}
		catch (SocketException ex) {
			// A reset after the answer (the server closed with part of the body unread): keep what came.
			if (wire.size() == 0) {
				throw ex;
			}
		}
		byte[] bytes = wire.toByteArray();
		int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		if (end < 0) {
			throw new IOException("No complete answer: " + new String(bytes, StandardCharsets.ISO_8859_1));
		}
		String[] lines = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
			headers.put(name, lines[i].substring(colon + 1).trim());
		}
		byte[] body = Arrays.copyOfRange(bytes, end + 4, bytes.length);
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			body = dechunk(body);
		}
		return new Answer(status, headers, body, bytes.length, truncated);
	}

	/** The chunks' data; a truncated last chunk gives what there is of it. */
	private static byte[] dechunk(byte[] chunked) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int at = 0;
		while (at < chunked.length) {
			int lineEnd = indexOf(chunked, at, "\r\n".getBytes(StandardCharsets.US_ASCII));
			if (lineEnd < 0) {
				break;
			}
			String size = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].trim();
			int length = Integer.parseInt(size, 16);
			if (length == 0) {
				break;
			}
			int start = lineEnd + 2;
			out.write(chunked, start, Math.min(length, chunked.length - start));
			at = start + length + 2;
		}
		return out.toByteArray();
	}

	private static int indexOf(byte[] bytes, byte[] what) {
		return indexOf(bytes, 0, what);
	}

	private static int indexOf(byte[] bytes, int from, byte[] what) {
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
