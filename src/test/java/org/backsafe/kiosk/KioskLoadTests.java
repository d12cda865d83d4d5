package org.backsafe.kiosk;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.backsafe.questionnaire.Section;
import org.backsafe.screening.HealthQuestion;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bounded load on loopback: 20 patients at 20 kiosks, each going through the whole kiosk flow again
 * and again for 30 seconds (start, four screens, handoff, reset). Every screening that reached a
 * handoff must be stored exactly once under the code it showed, and every code must differ.
 */
@RunningKiosk
class KioskLoadTests {

	static final int KIOSKS = 20;

	static final Duration RUN = Duration.ofSeconds(30);

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern CODE = Pattern.compile("id=\"kiosk-code\">([A-Z0-9-]{7})<");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	KioskScreenings stored;

	@Test
	void twentyKiosksForThirtySecondsLoseNothing() throws Exception {
		Integer before = this.jdbc.queryForObject("SELECT COUNT(*) FROM kiosk_screening", Integer.class);
		long deadline = System.nanoTime() + RUN.toNanos();
		AtomicInteger failures = new AtomicInteger();
		List<Long> finishMillis = Collections.synchronizedList(new ArrayList<>());
		ExecutorService kiosks = Executors.newFixedThreadPool(KIOSKS);
		List<Future<List<String>>> runs = new ArrayList<>();
		for (int k = 0; k < KIOSKS; k++) {
			int kiosk = k;
			runs.add(kiosks.submit(() -> {
				Patient patient = new Patient(kiosk);
				List<String> codes = new ArrayList<>();
				while (System.nanoTime() < deadline) {
					try {
						codes.add(patient.screen(finishMillis));
					}
					catch (IOException | IllegalStateException ex) {
						failures.incrementAndGet();
					}
				}
				return codes;
			}));
		}
		List<String> codes = new ArrayList<>();
		for (Future<List<String>> run : runs) {
			codes.addAll(run.get());
		}
		kiosks.shutdown();

		Integer after = this.jdbc.queryForObject("SELECT COUNT(*) FROM kiosk_screening", Integer.class);
		List<Long> sorted = finishMillis.stream().sorted().toList();
		System.out.printf("Kiosk load: %d screenings by %d kiosks in %ds (%.1f/s), %d failed; last step p50 %d ms,"
				+ " p95 %d ms, max %d ms%n", codes.size(), KIOSKS, RUN.toSeconds(),
				codes.size() / (double) RUN.toSeconds(), failures.get(), sorted.get(sorted.size() / 2),
				sorted.get((int) (sorted.size() * 0.95)), sorted.get(sorted.size() - 1));

		assertThat(failures.get()).as("screenings that never reached a code").isZero();
		assertThat(codes).hasSizeGreaterThan(KIOSKS).doesNotHaveDuplicates();
		assertThat(after - before).as("rows written").isEqualTo(codes.size());
		for (String code : codes) {
			assertThat(this.stored.find(code)).as(code).isPresent();
		}
	}

	/** One kiosk's browser: its own cookies, so its own session. */
	final class Patient {

		private final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.connectTimeout(Duration.ofSeconds(5))
			.build();

		private final int kiosk;

		Patient(int kiosk) {
			this.kiosk = kiosk;
		}

		String screen(List<Long> finishMillis) throws IOException, InterruptedException {
			String page = get("/kiosk");
			page = post("/kiosk/start", Map.of(), page);
			Map<String, String> warning = new LinkedHashMap<>();
			Section.WARNING_SIGNS.getQuestions().forEach((q) -> warning.put(answer(q), "NO"));
			page = post("/kiosk/questions/warningSigns", warning, page);
			Map<String, String> health = new LinkedHashMap<>();
			health.put("age", Integer.toString(20 + this.kiosk));
			Section.HEALTH.getQuestions()
				.forEach((q) -> health.put(answer(q), (q == HealthQuestion.EPILEPSY && this.kiosk % 2 == 0) ? "YES" : "NO"));
			page = post("/kiosk/questions/health", health, page);
			page = post("/kiosk/questions/pain", Map.of("painAreas", "LOWER_BACK", "painDuration", "CHRONIC",
					"painSeverity", "5", "painWorsening", "false", "painPatterns", "KNOTS"), page);
			long start = System.nanoTime();
			page = post("/kiosk/questions/massage", Map.of("setting", "SELF", "equipment", "FOAM_ROLLER"), page);
			finishMillis.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
			Matcher code = CODE.matcher(page);
			if (!code.find()) {
				throw new IllegalStateException("No reference code on the handoff page");
			}
			post("/kiosk/reset", Map.of(), page);
			return code.group(1);
		}

		private String answer(HealthQuestion question) {
			return "answers[" + question.name() + "]";
		}

		private String get(String path) throws IOException, InterruptedException {
			return send(HttpRequest.newBuilder(uri(path)).GET());
		}

		/** Posts a form with the CSRF token of the page it is on, the way a browser would. */
		private String post(String path, Map<String, String> fields, String from)
				throws IOException, InterruptedException {
			Matcher token = CSRF.matcher(from);
			if (!token.find()) {
				throw new IllegalStateException("No CSRF token on the page before " + path);
			}
			Map<String, String> form = new LinkedHashMap<>(fields);
			form.put("_csrf", token.group(1));
			String body = form.entrySet()
				.stream()
				.map((e) -> enc(e.getKey()) + "=" + enc(e.getValue()))
				.collect(Collectors.joining("&"));
			return send(HttpRequest.newBuilder(uri(path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body)));
		}

		private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
			HttpResponse<String> response = this.http.send(request.timeout(Duration.ofSeconds(20)).build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(response.uri() + " answered " + response.statusCode());
			}
			return response.body();
		}

		private URI uri(String path) {
			return URI.create("http://127.0.0.1:" + KioskLoadTests.this.port + path);
		}

		private static String enc(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}

	}

}
