package org.backsafe.system;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.backsafe.rulebase.CurrentRuleBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slow clients on loopback cannot starve the server (the attack run's finding: 200 connections
 * sending a byte every 4 seconds stopped every page and the API for as long as they lasted). Each
 * run is bounded, stops by itself and closes every socket; the time-outs are shortened for the test
 * (2 s for each read, 3 s for a whole body), the rest of the configuration is the app's own.
 * <p>
 * Slow headers alone hold no thread (Tomcat reads them without one) and are closed after the read
 * time-out; slow bodies are read by a worker thread, and are what starved the server before the
 * body time-out and the limit per client.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.tomcat.connection-timeout=2s", "backsafe.requests.body-timeout=3s" })
class SlowClientsTests {

	/**
	 * How long a normal request may take while the slow clients run (some 20 ms is usual, the
	 * slowest a few hundred on a busy machine; before the limits, requests waited 10 s and failed).
	 */
	static final Duration PROMPT = Duration.ofSeconds(3);

	/** The longest a slow client may stay connected: a whole body's time-out plus one read's, and slack. */
	static final Duration CLOSED_WITHIN = Duration.ofSeconds(3 + 2 + 5);

	static final Duration RUN = Duration.ofSeconds(12);

	/** Added to the time of a normal request that failed, so that it cannot pass for a prompt one. */
	static final Duration FAILED = Duration.ofSeconds(10);

	static final String README_EXAMPLE = """
			{"age": 52, "conditions": ["EPILEPSY"], "unsure": [],
			 "pain": {"areas": ["LOWER_BACK"], "duration": "CHRONIC", "severity": 6, "worsening": false,
			          "patterns": ["KNOTS", "GENERAL_STIFFNESS"]},
			 "setting": "SELF", "equipment": ["FOAM_ROLLER"]}""";

	@LocalServerPort
	int port;

	@Autowired
	CurrentRuleBase current;

	/**
	 * The rule base compiles and passes its gate in the background after start (most of the CPU for
	 * some seconds), and the first page renders its templates: both before the runs, so that a slow
	 * answer means a slow server, not a cold one.
	 */
	@BeforeEach
	void warmUp() throws Exception {
		long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (this.current.serving().isEmpty() && System.nanoTime() < end) {
			sleep(200);
		}
		HttpClient client = HttpClient.newHttpClient();
		URI base = URI.create("http://127.0.0.1:" + this.port);
		for (int i = 0; i < 3; i++) {
			timed(client, HttpRequest.newBuilder(base.resolve("/")).GET());
			timed(client, screening(base));
		}
	}

	static HttpRequest.Builder screening(URI base) {
		return HttpRequest.newBuilder(base.resolve("/api/v1/screenings"))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(README_EXAMPLE));
	}

	/**
	 * One attacker (127.0.0.2) with more slow connections than the server has threads: 220 sending
	 * a body one byte a second, 30 sending their headers one byte every 3 seconds. Meanwhile a normal
	 * client (127.0.0.1) keeps asking for the start page and a screening.
	 */
	@Test
	@Timeout(value = 40, unit = TimeUnit.SECONDS)
	void oneClientWithManySlowConnections() throws Exception {
		List<SlowClient> slow = new ArrayList<>();
		try {
			for (int i = 0; i < 220; i++) {
				slow.add(SlowClient.body(this.port, "127.0.0.2", i % 2 == 0 ? "/api/v1/screenings" : "/"));
			}
			for (int i = 0; i < 30; i++) {
				slow.add(SlowClient.headers(this.port, "127.0.0.2"));
			}
			Run run = run(slow);
			assertThat(run.slowest()).as("the slowest normal request, of %s", run.normal()).isLessThan(PROMPT);
			assertThat(slow).allSatisfy((client) -> assertThat(client.closedAfter()).as(client.toString())
				.isNotNull()
				.isLessThan(CLOSED_WITHIN));
			// Refused at once beyond the limit per client, or answered when its body was too slow.
			assertThat(statuses(slow)).containsOnlyKeys("408", "503", "no answer").containsKey("503");
		}
		finally {
			slow.forEach(SlowClient::close);
		}
	}

	/**
	 * Many attackers, one slow body each (127.0.1.1 to 127.0.1.60), so the limit per client does
	 * not apply: each is cut off once its body has taken the body time-out, whatever the time-out of
	 * each read.
	 */
	@Test
	@Timeout(value = 40, unit = TimeUnit.SECONDS)
	void manyClientsWithOneSlowBodyEach() throws Exception {
		List<SlowClient> slow = new ArrayList<>();
		try {
			for (int i = 1; i <= 60; i++) {
				slow.add(SlowClient.body(this.port, "127.0.1." + i, "/api/v1/screenings"));
			}
			Run run = run(slow);
			assertThat(run.slowest()).as("the slowest normal request, of %s", run.normal()).isLessThan(PROMPT);
			assertThat(slow).allSatisfy((client) -> {
				assertThat(client.closedAfter()).as(client.toString()).isNotNull().isLessThan(CLOSED_WITHIN);
				assertThat(client.status).as(client.toString()).isEqualTo("408");
			});
		}
		finally {
			slow.forEach(SlowClient::close);
		}
	}

	static Map<String, Long> statuses(List<SlowClient> clients) {
		return clients.stream()
			.collect(Collectors.groupingBy((c) -> (c.status == null) ? "no answer" : c.status, TreeMap::new,
					Collectors.counting()));
	}

	record Run(List<Duration> normal) {

		Duration slowest() {
			return this.normal.stream().max(Duration::compareTo).orElseThrow();
		}

	}

	/**
	 * Drives the slow clients for {@link #RUN} (or until the server has closed them all), while a
	 * normal client asks for the start page and a screening every 250 ms.
	 */
	Run run(List<SlowClient> slow) throws Exception {
		URI base = URI.create("http://127.0.0.1:" + this.port);
		HttpClient normalClient = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		CompletableFuture<List<Duration>> normal = CompletableFuture.supplyAsync(() -> {
			List<Duration> times = new ArrayList<>();
			long end = System.nanoTime() + RUN.toNanos();
			while (System.nanoTime() < end) {
				times.add(timed(normalClient, HttpRequest.newBuilder(base.resolve("/")).GET()));
				times.add(timed(normalClient, screening(base)));
				sleep(250);
			}
			return times;
		});
		long start = System.nanoTime();
		long end = start + RUN.toNanos();
		while (System.nanoTime() < end && slow.stream().anyMatch(SlowClient::open)) {
			for (SlowClient client : slow) {
				client.tick(System.nanoTime() - start);
			}
			sleep(100);
		}
		Run run = new Run(normal.get(RUN.toSeconds() + 20, TimeUnit.SECONDS));
		List<Duration> sorted = run.normal().stream().sorted().toList();
		Duration longestKept = slow.stream()
			.map(SlowClient::closedAfter)
			.filter((d) -> d != null)
			.max(Duration::compareTo)
			.orElse(Duration.ZERO);
		long failed = sorted.stream().filter((d) -> d.compareTo(FAILED) >= 0).count();
		System.out.printf("Slow clients: %d (%s), %d still open at the end, the longest closed after %d ms; normal"
				+ " requests meanwhile: %d, %d failed or timed out, median %d ms, slowest %d ms%n", slow.size(),
				statuses(slow), slow.stream().filter(SlowClient::open).count(), longestKept.toMillis(), sorted.size(),
				failed, sorted.get(sorted.size() / 2).toMillis(), sorted.get(sorted.size() - 1).toMillis());
		return run;
	}

	/** One request, timed; one that fails or times out (after 10 s) counts as taking 10 s more. */
	static Duration timed(HttpClient client, HttpRequest.Builder request) {
		long start = System.nanoTime();
		try {
			int status = client.send(request.timeout(Duration.ofSeconds(10)).build(), BodyHandlers.discarding())
				.statusCode();
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			return (status == 200) ? took : took.plus(FAILED);
		}
		catch (IOException ex) {
			return Duration.ofNanos(System.nanoTime() - start).plus(FAILED);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Duration.ofNanos(System.nanoTime() - start).plus(FAILED);
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * A connection that sends its request slowly: one byte per interval, of the headers or (after
	 * headers sent at once) of a body that declares 1,000 bytes. Non-blocking, so one thread drives
	 * them all; it notes when the server answers and when it closes the connection.
	 */
	static final class SlowClient {

		private final SocketChannel channel;

		private final String name;

		private final byte[] slowPart;

		private final long intervalNanos;

		private final ByteBuffer answer = ByteBuffer.allocate(4096);

		private int sent;

		private long nextSend;

		private long openedAt;

		private Long closedAt;

		String status;

		private SlowClient(int port, String from, String name, byte[] head, byte[] slowPart, Duration interval)
				throws IOException {
			this.name = name + " from " + from;
			this.channel = SocketChannel.open();
			this.channel.bind(new InetSocketAddress(from, 0));
			this.channel.connect(new InetSocketAddress("127.0.0.1", port));
			this.openedAt = System.nanoTime();
			this.channel.write(ByteBuffer.wrap(head));
			this.channel.configureBlocking(false);
			this.slowPart = slowPart;
			this.intervalNanos = interval.toNanos();
		}

		static SlowClient body(int port, String from, String path) throws IOException {
			String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
					+ "Content-Length: 1000\r\n\r\n";
			return new SlowClient(port, from, "slow body to " + path, head.getBytes(StandardCharsets.US_ASCII),
					" ".repeat(1000).getBytes(StandardCharsets.US_ASCII), Duration.ofSeconds(1));
		}

		static SlowClient headers(int port, String from) throws IOException {
			String head = "GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: " + "a".repeat(4000) + "\r\n\r\n";
			return new SlowClient(port, from, "slow headers", new byte[0], head.getBytes(StandardCharsets.US_ASCII),
					Duration.ofSeconds(3));
		}

		boolean open() {
			return this.closedAt == null;
		}

		/** Sends the next byte when due, and reads what the server has said. */
		void tick(long now) {
			if (!open()) {
				return;
			}
			try {
				if (now >= this.nextSend && this.sent < this.slowPart.length) {
					this.channel.write(ByteBuffer.wrap(this.slowPart, this.sent, 1));
					this.sent++;
					this.nextSend = now + this.intervalNanos;
				}
				int n = this.channel.read(this.answer);
				if (this.status == null && this.answer.position() >= 12) {
					this.status = new String(this.answer.array(), 9, 3, StandardCharsets.US_ASCII);
				}
				if (n < 0) {
					closed();
				}
				else if (!this.answer.hasRemaining()) {
					this.answer.clear();
				}
			}
			catch (IOException ex) {
				closed();
			}
		}

		private void closed() {
			this.closedAt = System.nanoTime();
			close();
		}

		/** How long the server kept the connection, or null while it is open. */
		Duration closedAfter() {
			return (this.closedAt == null) ? null : Duration.ofNanos(this.closedAt - this.openedAt);
		}

		void close() {
			try {
				this.channel.close();
			}
			catch (IOException ex) {
				// Closing anyway.
			}
		}

		@Override
		public String toString() {
			return this.name + ", " + this.sent + " bytes sent slowly, answer " + this.status;
		}

	}

}
