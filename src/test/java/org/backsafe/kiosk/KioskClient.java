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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.backsafe.questionnaire.Section;
import org.backsafe.screening.HealthQuestion;

/**
 * One kiosk's browser over real HTTP: its own cookies, so its own session. It goes through the whole
 * flow the way a patient's taps do (start, four screens, each form with the CSRF token of the page it
 * is on) and reads the handoff screen it is shown.
 */
final class KioskClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern CODE = Pattern.compile("id=\"kiosk-code\">([A-Z0-9-]{7})<");

	/** Each request may take this long; a fault test must not hang on one. */
	static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

	/**
	 * The handoff screen a patient was shown.
	 *
	 * @param page the whole page
	 * @param code the reference code shown, or null when there was none
	 * @param lastStepMillis how long the last screen's answer took (screening, storing, the handoff)
	 */
	record Handoff(String page, String code, long lastStepMillis) {

		/** No code, and the patient is asked to go to reception. */
		boolean sentToReception() {
			return this.code == null && this.page.contains("id=\"kiosk-failed-title\"");
		}

		/** The result is urgent: "tell the reception desk now" is the first thing on the screen. */
		boolean urgent() {
			return this.page.contains("id=\"kiosk-urgent-title\"");
		}

		/** The result in words (its level, as a class on the page), whether or not there is a code. */
		boolean showsTheResult() {
			return this.page.contains("disposition--");
		}

	}

	/**
	 * Redirects are followed here, not by the client: under load on a small machine, the JDK's own
	 * following (JDK 17) now and then sends the next request on a connection it has just closed
	 * itself ("connection closed locally"), a failure of the test's client that no browser has.
	 */
	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	/** More redirects than any page of the kiosk makes in a row. */
	private static final int MAX_REDIRECTS = 5;

	private final URI base;

	KioskClient(URI base) {
		this.base = base;
	}

	/**
	 * One patient at the kiosk, from the start screen to the handoff: every question answered No but
	 * those given, which are answered Yes.
	 */
	Handoff screen(int age, List<HealthQuestion> yes) throws IOException, InterruptedException {
		String page = get("/kiosk");
		page = post("/kiosk/start", Map.of(), page);
		Map<String, String> warning = new LinkedHashMap<>();
		Section.WARNING_SIGNS.getQuestions().forEach((q) -> warning.put(answer(q), yes.contains(q) ? "YES" : "NO"));
		page = post("/kiosk/questions/warningSigns", warning, page);
		Map<String, String> health = new LinkedHashMap<>();
		health.put("age", Integer.toString(age));
		Section.HEALTH.getQuestions().forEach((q) -> health.put(answer(q), yes.contains(q) ? "YES" : "NO"));
		page = post("/kiosk/questions/health", health, page);
		page = post("/kiosk/questions/pain", Map.of("painAreas", "LOWER_BACK", "painDuration", "CHRONIC",
				"painSeverity", "5", "painWorsening", "false", "painPatterns", "KNOTS"), page);
		long start = System.nanoTime();
		page = post("/kiosk/questions/massage", Map.of("setting", "SELF", "equipment", "FOAM_ROLLER"), page);
		long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
		if (!page.contains("kiosk-handoff")) {
			throw new IllegalStateException("The last screen did not lead to the handoff:\n" + page);
		}
		Matcher code = CODE.matcher(page);
		return new Handoff(page, code.find() ? code.group(1) : null, millis);
	}

	/** "I am done": the kiosk clears itself for the next patient. */
	void reset(Handoff handoff) throws IOException, InterruptedException {
		post("/kiosk/reset", Map.of(), handoff.page());
	}

	private static String answer(HealthQuestion question) {
		return "answers[" + question.name() + "]";
	}

	private String get(String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(this.base.resolve(path)).GET());
	}

	/** Posts a form with the CSRF token of the page it is on, the way a browser would. */
	private String post(String path, Map<String, String> fields, String from) throws IOException, InterruptedException {
		Matcher token = CSRF.matcher(from);
		if (!token.find()) {
			throw new IllegalStateException("No CSRF token on the page before " + path);
		}
		Map<String, String> form = new LinkedHashMap<>(fields);
		form.put("_csrf", token.group(1));
		return send(HttpRequest.newBuilder(this.base.resolve(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(formBody(form))));
	}

	private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(request.timeout(REQUEST_TIMEOUT).build(),
				HttpResponse.BodyHandlers.ofString());
		for (int redirects = 0; isRedirect(response.statusCode()) && redirects < MAX_REDIRECTS; redirects++) {
			URI from = response.uri();
			URI next = from.resolve(response.headers()
				.firstValue("Location")
				.orElseThrow(() -> new IllegalStateException(from + " redirected without a Location")));
			response = this.http.send(HttpRequest.newBuilder(next).GET().timeout(REQUEST_TIMEOUT).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		if (response.statusCode() != 200) {
			throw new IllegalStateException(response.uri() + " answered " + response.statusCode());
		}
		return response.body();
	}

	private static boolean isRedirect(int status) {
		return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
	}

	static String formBody(Map<String, String> form) {
		return form.entrySet()
			.stream()
			.map((e) -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
