package org.backsafe.authoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.backsafe.rulebase.RuleBaseLoader;
import org.backsafe.rulebase.RuleFiles;
import org.backsafe.rulebase.RulesFolder;
import org.backsafe.rulebase.scenario.ScenarioParser;
import org.backsafe.screening.HealthQuestion;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule author's work, tried on the running app: the catalogue, then a new rule with its scenario
 * saved and serving within seconds, then a syntax error, a failing scenario and a red flag made
 * anything but urgent care, each refused with a clear message while screenings go on unharmed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(OrderAnnotation.class)
class RuleAuthoringTests {

	/**
	 * How long an edit may take to be taken up or refused here: a bound on a busy shared machine, not
	 * a speed target (the time is printed; docs/performance.md has the measured figures).
	 */
	private static final Duration SECONDS = Duration.ofSeconds(40);

	static final Path RULES;

	static final Path SOURCES;

	static {
		try {
			Path temp = Files.createTempDirectory("backsafe-authoring");
			RULES = RulesFolder.copyOfProjectRules(temp.resolve("rules"));
			SOURCES = Files.createDirectories(temp.resolve("sources"));
			// Stand-ins for the cited documents: the real headings, none of the real text.
			Files.writeString(SOURCES.resolve("001_3749b9a02460a9d9.txt"), """
					A test stand-in for the cited document
					1. Swedish Massage – For Gentle, Overall Relaxation
					Some words of our own stand here.
					When to Avoid Massage
					More words of our own.
					""");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@DynamicPropertySource
	static void rules(DynamicPropertyRegistry registry) {
		registry.add("backsafe.rules.dir", RULES::toString);
		registry.add("backsafe.rules.debounce", () -> "100ms");
		registry.add("backsafe.sources.dir", SOURCES::toString);
		// as an author runs the app: the rules gated again after start-up, and the sweep ahead that
		// keeps the first edit's gate to seconds (the test contexts' default leaves both out)
		registry.add("backsafe.rules.check-after-start", () -> "true");
		// as on an author's own machine: the rule base's health details (version, last failure) for
		// anyone, where production shows them to logged-in staff only
		registry.add("management.endpoint.health.show-details", () -> "always");
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	int port;

	@Autowired
	RuleBaseLoader loader;

	/** A plain HTTP exchange with the running app, as a browser or script would make it. */
	private HttpResponse<String> send(String method, String path, String body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(20))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body));
		if (headers.length > 0) {
			request.headers(headers);
		}
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private String get(String path, String... headers) {
		HttpResponse<String> response = send("GET", path, null, headers);
		assertThat(response.statusCode()).as("GET " + path).isEqualTo(200);
		return response.body();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> json(String path) {
		return JSON.readValue(get(path), Map.class);
	}

	private Map<String, Object> ruleBaseHealth() {
		return json("/actuator/health/ruleBase");
	}

	private String version() {
		return (String) ((Map<?, ?>) ruleBaseHealth().get("details")).get("version");
	}

	private String status() {
		return (String) ruleBaseHealth().get("status");
	}

	private boolean within(java.util.function.BooleanSupplier condition) {
		return RulesFolder.within(SECONDS, condition);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> screen(String conditions, String patterns) {
		String body = """
				{"age": 40, "conditions": [%s], "pain": {"areas": ["LOWER_BACK"], "duration": "CHRONIC",
				 "severity": 4, "worsening": false, "patterns": [%s]}, "setting": "SELF", "equipment": []}
				""".formatted(conditions, patterns);
		HttpResponse<String> response = send("POST", "/api/v1/screenings", body, "Content-Type", "application/json");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readValue(response.body(), Map.class);
	}

	@SuppressWarnings("unchecked")
	private static String verdictOn(Map<String, Object> result, String technique) {
		return ((List<Map<String, Object>>) result.get("techniques")).stream()
			.filter((t) -> technique.equals(t.get("technique")))
			.map((t) -> (String) t.get("verdict"))
			.findFirst()
			.orElseThrow();
	}

	private static String versionOf(Map<String, Object> result) {
		return (String) ((Map<?, ?>) result.get("ruleBase")).get("version");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> rule(String id) {
		return ((List<Map<String, Object>>) json("/api/v1/rules").get("rules")).stream()
			.filter((r) -> id.equals(r.get("id")))
			.findFirst()
			.orElseThrow();
	}

	@SuppressWarnings("unchecked")
	private String lastFailure() {
		Object failure = json("/api/v1/rules").get("lastFailure");
		return failure == null ? "" : String.valueOf(((Map<String, Object>) failure).get("problems"));
	}

	@Nested
	class Catalogue {

		@Test
		@SuppressWarnings("unchecked")
		void listsEachRuleWithWhereItIsWrittenWhatItReadsAndWhatItCites() {
			Map<String, Object> catalogue = json("/api/v1/rules");
			assertThat(catalogue.get("version")).isEqualTo(version());
			Map<String, Object> swedish = rule("swedish-for-everyday-tension");
			assertThat(swedish).containsEntry("file", "technique-indications.drl.csv")
				.containsEntry("line", 10)
				.containsEntry("codes", List.of("LONG_DAY_FATIGUE", "GENERAL_STIFFNESS", "PREVENTION"))
				.containsEntry("techniques", List.of("SWEDISH"));
			assertThat((List<?>) swedish.get("citations")).first().isEqualTo(Map.of("text",
					"001_3749b9a02460a9d9.txt, 1. Swedish Massage – For Gentle, Overall Relaxation", "title",
					"Massage Techniques for Relieving Back Pain", "href",
					"/rules/sources/001_3749b9a02460a9d9.txt#1-swedish-massage-for-gentle-overall-relaxation"));
			Map<String, Object> redFlag = rule("red-flag-saddle-numbness");
			assertThat(redFlag).containsEntry("file", "clinical-pack-red-flags.drl")
				.containsEntry("codes", List.of("SADDLE_NUMBNESS"))
				.containsEntry("exercised", true);
			assertThat((Integer) redFlag.get("scenarios")).isPositive();
			assertThat((List<Map<String, Object>>) redFlag.get("citations"))
				.allSatisfy((c) -> assertThat(c.get("href")).isNull());
			assertThat((List<Map<String, Object>>) catalogue.get("rules")).allSatisfy((r) -> assertThat(r.get("exercised"))
				.isEqualTo((Integer) r.get("scenarios") > 0));
		}

		@Test
		@SuppressWarnings("unchecked")
		void pageShowsEveryRuleAndLinksTheCitedPassage() {
			String page = get("/rules");
			assertThat(page).contains("Rule catalogue")
				.contains("id=\"rule-red-flag-saddle-numbness\"")
				.contains("technique-indications.drl.csv:10")
				.contains("href=\"/rules/sources/001_3749b9a02460a9d9.txt#when-to-avoid-massage\"")
				.contains("Massage Techniques for Relieving Back Pain, &quot;When to Avoid Massage&quot;</a>")
				.contains("The Art of Self-Massage: A Guide to Back Pain Relief, &quot;");
			for (Map<String, Object> r : (List<Map<String, Object>>) json("/api/v1/rules").get("rules")) {
				String card = "<article class=\"rule" + (Boolean.TRUE.equals(r.get("exercised")) ? "" : " unexercised")
						+ "\" id=\"rule-" + r.get("id") + "\"";
				assertThat(page).contains(card);
			}
			String source = get("/rules/sources/001_3749b9a02460a9d9.txt");
			assertThat(source).contains("<h1>Massage Techniques for Relieving Back Pain</h1>")
				.contains("<h2 id=\"when-to-avoid-massage\">When to Avoid Massage</h2>");
			assertThat(send("GET", "/rules/sources/000_e142765fd6634e76.txt", null).statusCode()).isEqualTo(404);
			assertThat(send("GET", "/rules/sources/..%2Fsecret.txt", null).statusCode()).isBetween(400, 404);
		}

		@Test
		void pageIsInSpanishToo() {
			String page = get("/rules", "Accept-Language", "es");
			assertThat(page).contains("Catálogo de reglas").contains("Se basa en");
		}

	}

	@Test
	@Order(1)
	void aNewRuleWithItsScenarioServesWithinSeconds() throws InterruptedException {
		assertThat(this.loader.awaitAhead(Duration.ofMinutes(3))).as("the work after the first load ended").isTrue();
		String before = version();
		long saved = System.nanoTime();
		RulesFolder.addNewRule(RULES);
		assertThat(within(() -> !version().equals(before) && "UP".equals(status()))).isTrue();
		System.out.printf("New rule serving %d ms after it was saved%n", (System.nanoTime() - saved) / 1_000_000);

		Map<String, Object> result = screen("\"EPILEPSY\"", "\"KNOTS\"");
		assertThat(versionOf(result)).isEqualTo(version());
		assertThat(verdictOn(result, "TRIGGER_POINT")).isEqualTo("AVOID");
		assertThat(result.toString()).contains("trigger-point-not-with-epilepsy")
			.contains("deep pressure held on one spot needs a doctor's permission first");
		// The new scenario, and every scenario already there that answers epilepsy.
		assertThat(rule("trigger-point-not-with-epilepsy")).containsEntry("file", "epilepsy.drl")
			.containsEntry("scenarios", scenariosAnswering(HealthQuestion.EPILEPSY));
	}

	private static int scenariosAnswering(HealthQuestion question) {
		RuleFiles files = RuleFiles.fromFolder(RULES);
		return (int) files.all()
			.keySet()
			.stream()
			.filter((name) -> name.startsWith("scenarios/"))
			.flatMap((name) -> ScenarioParser.parse(name, files.text(name)).stream())
			.filter((scenario) -> scenario.request().answers().containsKey(question))
			.count();
	}

	@Test
	@Order(2)
	void aSyntaxErrorIsRefusedWithFileAndLineWhileScreeningsGoOn() {
		String serving = version();
		RulesFolder.write(RULES, "epilepsy.drl", RulesFolder.SYNTAX_ERROR);
		assertThat(within(() -> "DEGRADED".equals(status()))).isTrue();
		assertThat(version()).isEqualTo(serving);
		assertThat(String.valueOf(ruleBaseHealth().get("details"))).contains("epilepsy.drl:1");
		assertThat(lastFailure()).contains("kind=COMPILE, file=epilepsy.drl, line=1");
		assertThat(get("/rules"))
			.contains("The last change to the rules was not taken up")
			.containsPattern("<code>epilepsy\\.drl:1\\d(:\\d+)?</code>");

		Map<String, Object> result = screen("\"EPILEPSY\"", "\"KNOTS\"");
		assertThat(versionOf(result)).isEqualTo(serving);
		assertThat(verdictOn(result, "TRIGGER_POINT")).isEqualTo("AVOID");

		RulesFolder.write(RULES, "epilepsy.drl", RulesFolder.NEW_RULE);
		assertThat(within(() -> "UP".equals(status()))).isTrue();
		assertThat(lastFailure()).isEmpty();
	}

	@Test
	@Order(3)
	void aFailingScenarioIsRefusedByNameWhileScreeningsGoOn() {
		String serving = version();
		RulesFolder.write(RULES, "scenarios/wrong.yaml", RulesFolder.FAILING_SCENARIO);
		assertThat(within(() -> "DEGRADED".equals(status()))).isTrue();
		assertThat(lastFailure()).contains("kind=SCENARIO, file=scenarios/wrong.yaml, line=1")
			.contains("Epilepsy with knots still recommends trigger point therapy")
			.contains("TRIGGER_POINT: expected RECOMMENDED but was AVOID");
		assertThat(versionOf(screen("", "\"KNOTS\""))).isEqualTo(serving);

		RulesFolder.delete(RULES.resolve("scenarios/wrong.yaml"));
		assertThat(within(() -> "UP".equals(status()))).isTrue();
	}

	@Test
	@Order(4)
	void aRedFlagMadeAnythingButUrgentCareIsRefusedWhileScreeningsGoOn() {
		String serving = version();
		String redFlags = RulesFolder.read(RULES, RulesFolder.RED_FLAGS);
		RulesFolder.write(RULES, RulesFolder.RED_FLAGS, RulesFolder.redFlagMadeDoctorFirst(RULES));
		assertThat(within(() -> "DEGRADED".equals(status()))).isTrue();
		assertThat(lastFailure()).contains("safety invariant 1 (a red flag means URGENT_CARE and every technique AVOID)")
			.contains("yes: [SADDLE_NUMBNESS], unsure: []");
		Map<String, Object> result = screen("\"SADDLE_NUMBNESS\"", "");
		assertThat(result).containsEntry("disposition", "URGENT_CARE");
		assertThat(versionOf(result)).isEqualTo(serving);

		RulesFolder.write(RULES, RulesFolder.RED_FLAGS, redFlags);
		assertThat(within(() -> "UP".equals(status()))).isTrue();
	}

}
