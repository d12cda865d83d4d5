package org.backsafe.api;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.backsafe.support.RawHttp;
import org.backsafe.support.RawHttp.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The body limits over real HTTP, whatever the path is spelt like (the attack run's finding: a POST
 * to {@code /%61pi/v1/screenings}, which Spring decodes and serves, skipped the 16 KiB cap, and 5 MB
 * of bad codes came back as a 498 MB error). Paths go over a plain socket, as written, since
 * HttpClient would normalise some of them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(RequestLimitsHttpTests.EchoParameters.class)
class RequestLimitsHttpTests {

	static final int LIMIT = RequestSizeLimit.MAX_BODY_BYTES;

	/** How many bad fields an error names at most (InvalidAnswers.MAX_NAMED). */
	static final int NAMED = 10;

	static final String PAIN = "\"pain\": {\"areas\": [\"LOWER_BACK\"], \"duration\": \"CHRONIC\", \"severity\": 6,"
			+ " \"worsening\": false}";

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	/**
	 * Valid JSON of exactly {@code size} bytes: a whole answer set but for its conditions, which are
	 * as many unknown codes as fit.
	 */
	static byte[] badCodes(int size) {
		String start = "{\"age\": 52, " + PAIN + ", \"setting\": \"SELF\", \"conditions\": [";
		StringBuilder json = new StringBuilder(size).append(start);
		for (int i = 0; json.length() + 12 < size; i++) {
			json.append(i == 0 ? "" : ",").append("\"X").append(i).append('"');
		}
		json.append(" ".repeat(size - json.length() - 2)).append("]}");
		return json.toString().getBytes(StandardCharsets.UTF_8);
	}

	static int codesIn(byte[] json) {
		return JSON.readTree(json).get("conditions").size();
	}

	Answer post(String path, byte[] body, String... headers) throws Exception {
		return RawHttp.exchange(this.port, "POST", path, body, headers);
	}

	static void refused(Answer answer, int status) {
		assertThat(answer.truncated()).as("an answer of at least %d bytes", RawHttp.MAX_READ).isFalse();
		assertThat(answer.status()).as(answer.text()).isEqualTo(status);
		assertThat(answer.headers().get("content-type")).startsWith("application/problem+json");
		assertThat(JSON.readTree(answer.body()).get("status").asInt()).isEqualTo(status);
		assertThat(answer.wireBytes()).as("the whole answer, headers included").isLessThan(1024);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/api/v1/screenings", "/%61pi/v1/screenings", "/%61%70%69/v1/screenings",
			"/api/v1/scree%6Eings", "/api/v1/scree%6eings", "/%41PI/v1/screenings", "/API/v1/screenings",
			"//api/v1/screenings", "/api//v1/screenings", "/api/v1/./screenings", "/api/v1/../v1/screenings",
			"/api;x=1/v1/screenings", "/api/v1/screenings;jsessionid=1", "/", "/kiosk", "/no/such/page" })
	void aMegabyteWithItsLengthDeclaredIsRefusedOnEveryPath(String path) throws Exception {
		byte[] body = badCodes(1024 * 1024);
		refused(post(path, body, "Content-Type: application/json", "Content-Length: " + body.length), 413);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/api/v1/screenings", "/%61pi/v1/screenings", "/%61%70%69/v1/screenings",
			"/api/v1/scree%6Eings", "/%41PI/v1/screenings", "//api/v1/screenings", "/api/v1/./screenings",
			"/api;x=1/v1/screenings", "/", "/no/such/page" })
	void aChunkedBodyWithoutALengthIsCountedOnEveryPath(String path) throws Exception {
		byte[] body = RawHttp.chunked(badCodes(LIMIT + 1), 1000);
		refused(post(path, body, "Content-Type: application/json", "Transfer-Encoding: chunked"), 413);
	}

	@Test
	void aChunkedFormOverTheLimitIsRefused() throws Exception {
		byte[] form = ("note=" + "a".repeat(LIMIT)).getBytes(StandardCharsets.US_ASCII);
		refused(post("/", RawHttp.chunked(form, 4096), "Content-Type: application/x-www-form-urlencoded",
				"Transfer-Encoding: chunked"), 413);
	}

	@Test
	void aBodyOfExactlyTheLimitOnAServedSpellingIsRead() throws Exception {
		String example = "{\"age\": 52, \"conditions\": [\"EPILEPSY\"], " + PAIN + ", \"setting\": \"SELF\"}";
		byte[] body = (example + " ".repeat(LIMIT - example.length())).getBytes(StandardCharsets.UTF_8);
		assertThat(body).hasSize(LIMIT);
		Answer answer = post("/%61pi/v1/screenings", RawHttp.chunked(body, 1000), "Content-Type: application/json",
				"Transfer-Encoding: chunked");
		assertThat(answer.status()).as(answer.text()).isEqualTo(200);
		assertThat(JSON.readTree(answer.body()).get("techniques").size()).isEqualTo(12);
	}

	/**
	 * Thousands of bad codes (as many as fit in the limit) give an error of ten named fields and a
	 * count, smaller than the request, however the path is spelt.
	 */
	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/api/v1/screenings", "/%61pi/v1/screenings" })
	void thousandsOfBadCodesGetASmallError(String path) throws Exception {
		byte[] body = badCodes(LIMIT);
		int codes = codesIn(body);
		assertThat(codes).isGreaterThan(2000);
		Answer answer = post(path, body, "Content-Type: application/json", "Content-Length: " + body.length);
		System.out.printf("%,d bad codes in a body of %,d bytes to %s: an answer of %,d bytes%s%n", codes,
				body.length, path, answer.wireBytes(), answer.truncated() ? " or more" : "");
		assertThat(answer.truncated()).as("an error of at least %d bytes", RawHttp.MAX_READ).isFalse();
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.wireBytes()).as("the whole error, headers included").isLessThan(LIMIT);
		JsonNode problem = JSON.readTree(answer.body());
		assertThat(problem.get("errors")).hasSize(NAMED);
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("conditions[0]");
		assertThat(problem.get("errorCount").asInt()).isEqualTo(codes);
		assertThat(problem.get("detail").asString())
			.isEqualTo(codes + " answers are not valid; the first " + NAMED + " are named.");
	}

	/** A form body is read by the limit, not by the container: its parameters must still all arrive. */
	@Test
	void aFormKeepsItsParametersAsTheContainerWouldReadThem() throws Exception {
		String form = "a=1&a=2&b=&c&d=%C3%A9+x&&e=caf\u00e9";
		Map<String, List<String>> expected = new LinkedHashMap<>();
		expected.put("q", List.of("1"));
		expected.put("a", List.of("0", "1", "2"));
		expected.put("b", List.of(""));
		expected.put("c", List.of(""));
		expected.put("d", List.of("é x"));
		expected.put("e", List.of("café"));
		byte[] body = form.getBytes(StandardCharsets.UTF_8);
		for (boolean chunked : List.of(false, true)) {
			Answer answer = post("/api/test/parameters?q=1&a=0", chunked ? RawHttp.chunked(body, 5) : body,
					"Content-Type: application/x-www-form-urlencoded",
					chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + body.length);
			assertThat(answer.status()).as(answer.text()).isEqualTo(200);
			assertThat(JSON.readValue(answer.body(), Map.class)).as(chunked ? "chunked" : "with a length")
				.isEqualTo(expected);
		}
	}

	/** Spring Security reads the CSRF token from the form body this filter has read. */
	@Test
	void aPagesFormStillCarriesItsCsrfToken() throws Exception {
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		URI base = URI.create("http://127.0.0.1:" + this.port);
		String page = browser.send(HttpRequest.newBuilder(base.resolve("/")).GET().build(), BodyHandlers.ofString())
			.body();
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(token.find()).as(page).isTrue();
		HttpResponse<String> withToken = browser.send(form(base.resolve("/restart"), "_csrf=" + token.group(1)),
				BodyHandlers.ofString());
		assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(302);
		HttpResponse<String> wrongToken = browser.send(form(base.resolve("/restart"), "_csrf=wrong"),
				BodyHandlers.ofString());
		assertThat(wrongToken.statusCode()).isEqualTo(403);
	}

	static HttpRequest form(URI uri, String body) {
		return HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(body))
			.build();
	}

	/** Echoes the parameters as the app sees them (under /api/, so without a CSRF token). */
	@RestController
	static class EchoParameters {

		@PostMapping("/api/test/parameters")
		Map<String, List<String>> parameters(HttpServletRequest request) {
			Map<String, List<String>> parameters = new LinkedHashMap<>();
			request.getParameterMap().forEach((name, values) -> parameters.put(name, List.of(values)));
			return parameters;
		}

	}

}
