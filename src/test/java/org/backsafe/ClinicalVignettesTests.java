package org.backsafe;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clinical vignettes written apart from the rule base (src/test/resources/vignettes), each posted
 * to the JSON API over real HTTP with the real rules folder. The expected levels come only from the
 * YAML, and the orders below are written out here, so that neither the rules nor the project's
 * enums can move the goalposts.
 */
// Watching is off so that a rule edit made while this runs cannot swap the rule base mid-way.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "backsafe.rules.watch=false")
class ClinicalVignettesTests {

	static final String VIGNETTES = "/vignettes/clinical-vignettes.yaml";

	/** Least to most severe (DESIGN section 2). */
	static final List<String> DISPOSITIONS = List.of("PROCEED", "PROCEED_WITH_CAUTION", "WAIT_UNTIL_WELL",
			"SEE_DOCTOR", "URGENT_CARE");

	/** Least to most urgent. */
	static final List<String> URGENT_ACTIONS = List.of("GO_TO_EMERGENCY_DEPARTMENT", "CALL_EMERGENCY_NUMBER");

	static final Set<String> KEYS = Set.of("id", "story", "request", "atLeast", "atMost", "urgentAction",
			"urgentActionAtLeast", "avoid", "notRecommended", "notAvoided");

	/** In an {@code avoid} list: every technique the answer lists. */
	static final String ALL = "ALL";

	static final int TECHNIQUES = 12;

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final HttpClient CLIENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	/** One answer per vignette, shared by the per-vignette tests and the summary. */
	static final Map<String, Screened> ANSWERS = new ConcurrentHashMap<>();

	@LocalServerPort
	int port;

	record Vignette(String id, String story, Map<String, Object> request, String atLeast, String atMost,
			String urgentAction, String urgentActionAtLeast, List<String> avoid, List<String> notRecommended,
			List<String> notAvoided) {

		String expected() {
			StringBuilder text = new StringBuilder("at least " + this.atLeast);
			if (this.atMost != null) {
				text.append(", at most ").append(this.atMost);
			}
			if (this.urgentAction != null) {
				text.append(", action ").append(this.urgentAction);
			}
			if (this.urgentActionAtLeast != null) {
				text.append(", action at least ").append(this.urgentActionAtLeast);
			}
			if (!this.avoid.isEmpty()) {
				text.append(", avoid ").append(this.avoid);
			}
			if (!this.notRecommended.isEmpty()) {
				text.append(", not recommended ").append(this.notRecommended);
			}
			if (!this.notAvoided.isEmpty()) {
				text.append(", not avoided ").append(this.notAvoided);
			}
			return text.toString();
		}

	}

	/** The answer: HTTP status, body, and (when 200) the parsed result. */
	record Screened(int status, String body, JsonNode result) {

		String got() {
			if (this.result == null) {
				return "HTTP " + this.status + ": " + this.body;
			}
			String action = this.result.path("urgentAction").asString("");
			Map<String, String> notSuitable = verdicts(this.result).entrySet()
				.stream()
				.filter((e) -> !e.getValue().equals("SUITABLE"))
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
			return this.result.path("disposition").asString() + (action.isEmpty() ? "" : ", action " + action)
					+ ", verdicts other than SUITABLE " + notSuitable;
		}

	}

	enum Kind {

		/** Less cautious than the vignette allows: what the summary counts. */
		UNDER_TRIAGE,
		/** The vignette could not be checked, so it may hide under-triage. */
		NOT_SCREENED,
		/** More cautious than needed: fails the vignette, not the summary. */
		OVER_TRIAGE

	}

	record Finding(Kind kind, String text) {

		@Override
		public String toString() {
			return this.kind + ": " + this.text;
		}

	}

	// --- the vignettes --------------------------------------------------------------------------

	static List<Vignette> vignettes() {
		Map<String, Object> file;
		try (InputStream in = ClinicalVignettesTests.class.getResourceAsStream(VIGNETTES)) {
			assertThat(in).as(VIGNETTES).isNotNull();
			file = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<Vignette> vignettes = new ArrayList<>();
		for (Object entry : (List<?>) file.get("vignettes")) {
			vignettes.add(vignette(asMap(entry)));
		}
		return vignettes;
	}

	/** Refuses misspelt keys and levels: a typo must not quietly drop a check. */
	static Vignette vignette(Map<String, Object> entry) {
		Object id = entry.get("id");
		assertThat(KEYS).as("keys of vignette %s", id).containsAll(entry.keySet());
		assertThat(entry).as("vignette %s", id).containsKeys("id", "story", "request", "atLeast");
		Vignette v = new Vignette((String) id, (String) entry.get("story"), asMap(entry.get("request")),
				(String) entry.get("atLeast"), (String) entry.get("atMost"), (String) entry.get("urgentAction"),
				(String) entry.get("urgentActionAtLeast"), strings(entry.get("avoid")),
				strings(entry.get("notRecommended")), strings(entry.get("notAvoided")));
		assertThat(DISPOSITIONS).as("atLeast of %s", id).contains(v.atLeast());
		if (v.atMost() != null) {
			assertThat(DISPOSITIONS.indexOf(v.atMost())).as("atMost of %s", id)
				.isGreaterThanOrEqualTo(DISPOSITIONS.indexOf(v.atLeast()));
		}
		for (String action : Stream.of(v.urgentAction(), v.urgentActionAtLeast()).filter((a) -> a != null).toList()) {
			assertThat(URGENT_ACTIONS).as("urgent action of %s", id).contains(action);
			assertThat(v.atLeast()).as("an urgent action needs atLeast URGENT_CARE in %s", id).isEqualTo("URGENT_CARE");
		}
		return v;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> asMap(Object value) {
		assertThat(value).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	static List<String> strings(Object value) {
		if (value == null) {
			return List.of();
		}
		assertThat(value).isInstanceOf(List.class);
		return ((List<?>) value).stream().map(String::valueOf).toList();
	}

	// --- screening over HTTP --------------------------------------------------------------------

	Screened screen(Vignette v) {
		return ANSWERS.computeIfAbsent(v.id(), (id) -> post(v));
	}

	Screened post(Vignette v) {
		try {
			HttpRequest request = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/screenings"))
				.timeout(Duration.ofSeconds(20))
				.header("Content-Type", "application/json")
				.header("Accept", "application/json")
				.POST(BodyPublishers.ofString(JSON.writeValueAsString(v.request())))
				.build();
			HttpResponse<String> response = CLIENT.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
			JsonNode result = (response.statusCode() == 200) ? JSON.readTree(response.body()) : null;
			return new Screened(response.statusCode(), response.body(), result);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static Map<String, String> verdicts(JsonNode result) {
		Map<String, String> verdicts = new LinkedHashMap<>();
		result.path("techniques")
			.forEach((t) -> verdicts.put(t.path("technique").asString(), t.path("verdict").asString()));
		return verdicts;
	}

	// --- the checks -----------------------------------------------------------------------------

	static List<Finding> check(Vignette v, Screened screened) {
		List<Finding> findings = new ArrayList<>();
		JsonNode result = screened.result();
		if (result == null) {
			findings.add(new Finding(Kind.NOT_SCREENED, "HTTP " + screened.status() + ": " + screened.body()));
			return findings;
		}
		// The fail-safe answer (no rule base) is SEE_DOCTOR: it would pass most checks for nothing.
		if (result.path("ruleBase").path("version").asString("").isEmpty()) {
			findings.add(new Finding(Kind.NOT_SCREENED, "no rule base was serving"));
		}
		String disposition = result.path("disposition").asString("");
		int got = DISPOSITIONS.indexOf(disposition);
		if (got < 0) {
			findings.add(new Finding(Kind.NOT_SCREENED, "unknown disposition \"" + disposition + "\""));
			return findings;
		}
		if (got < DISPOSITIONS.indexOf(v.atLeast())) {
			findings.add(new Finding(Kind.UNDER_TRIAGE, disposition + " is milder than " + v.atLeast()));
		}
		if (v.atMost() != null && got > DISPOSITIONS.indexOf(v.atMost())) {
			findings.add(new Finding(Kind.OVER_TRIAGE, disposition + " is more severe than " + v.atMost()));
		}
		checkUrgentAction(v, result, findings);
		checkTechniques(v, verdicts(result), findings);
		return findings;
	}

	static void checkUrgentAction(Vignette v, JsonNode result, List<Finding> findings) {
		if (v.urgentAction() == null && v.urgentActionAtLeast() == null) {
			return;
		}
		String action = result.path("urgentAction").asString("");
		int got = URGENT_ACTIONS.indexOf(action);
		String shown = action.isEmpty() ? "no urgentAction" : "urgentAction " + action;
		if (v.urgentAction() != null && !v.urgentAction().equals(action)) {
			// A milder action, or none, is under-triage; only a more urgent one would be over-triage,
			// and none is more urgent than the emergency number.
			Kind kind = (got > URGENT_ACTIONS.indexOf(v.urgentAction())) ? Kind.OVER_TRIAGE : Kind.UNDER_TRIAGE;
			findings.add(new Finding(kind, shown + ", expected exactly " + v.urgentAction()));
		}
		if (v.urgentActionAtLeast() != null && got < URGENT_ACTIONS.indexOf(v.urgentActionAtLeast())) {
			findings.add(new Finding(Kind.UNDER_TRIAGE, shown + ", expected at least " + v.urgentActionAtLeast()));
		}
	}

	static void checkTechniques(Vignette v, Map<String, String> verdicts, List<Finding> findings) {
		Set<String> mentioned = new HashSet<>(v.avoid());
		mentioned.addAll(v.notRecommended());
		mentioned.addAll(v.notAvoided());
		mentioned.remove(ALL);
		for (String technique : mentioned) {
			if (!verdicts.containsKey(technique)) {
				findings.add(new Finding(Kind.NOT_SCREENED, technique + " is missing from the answer"));
			}
		}
		// DESIGN section 8: always all twelve, so that "avoid [ALL]" cannot pass on a short list.
		if (verdicts.size() != TECHNIQUES) {
			findings.add(new Finding(Kind.NOT_SCREENED, "the answer lists " + verdicts.size() + " techniques, not 12"));
		}
		List<String> avoid = v.avoid().contains(ALL) ? List.copyOf(verdicts.keySet()) : v.avoid();
		for (String technique : avoid) {
			String verdict = verdicts.get(technique);
			if (verdict != null && !verdict.equals("AVOID")) {
				findings.add(new Finding(Kind.UNDER_TRIAGE, technique + " is " + verdict + ", expected AVOID"));
			}
		}
		for (String technique : v.notRecommended()) {
			if ("RECOMMENDED".equals(verdicts.get(technique))) {
				findings.add(new Finding(Kind.UNDER_TRIAGE, technique + " is RECOMMENDED"));
			}
		}
		for (String technique : v.notAvoided()) {
			if ("AVOID".equals(verdicts.get(technique))) {
				findings.add(new Finding(Kind.OVER_TRIAGE, technique + " is AVOID"));
			}
		}
	}

	static String report(Vignette v, Screened screened, List<Finding> findings) {
		return v.id() + ": " + v.story() + "\n    expected: " + v.expected() + "\n    got:      " + screened.got()
				+ findings.stream().map((f) -> "\n    " + f).collect(Collectors.joining());
	}

	// --- the tests ------------------------------------------------------------------------------

	@Test
	void theVignettesAreWellFormed() {
		List<Vignette> vignettes = vignettes();
		assertThat(vignettes).hasSizeGreaterThanOrEqualTo(45);
		assertThat(vignettes.stream().map(Vignette::id)).doesNotHaveDuplicates();
		assertThat(vignettes).allSatisfy((v) -> assertThat(v.story()).as(v.id()).isNotBlank());
	}

	@TestFactory
	Stream<DynamicTest> eachVignette() {
		return vignettes().stream().map((v) -> DynamicTest.dynamicTest(v.id() + ": " + v.story(), () -> {
			Screened screened = screen(v);
			List<Finding> findings = check(v, screened);
			assertThat(findings).as(report(v, screened, findings)).isEmpty();
		}));
	}

	/** Semigran et al. (BMJ 2015) found symptom checkers under-triage; the aim here is none at all. */
	@Test
	void noVignetteIsUnderTriaged() {
		List<String> underTriaged = new ArrayList<>();
		List<String> notScreened = new ArrayList<>();
		List<Vignette> vignettes = vignettes();
		for (Vignette v : vignettes) {
			Screened screened = screen(v);
			List<Finding> findings = check(v, screened);
			if (findings.stream().anyMatch((f) -> f.kind() == Kind.UNDER_TRIAGE)) {
				underTriaged.add(report(v, screened, findings));
			}
			else if (findings.stream().anyMatch((f) -> f.kind() == Kind.NOT_SCREENED)) {
				notScreened.add(report(v, screened, findings));
			}
		}
		String summary = underTriaged.size() + " of " + vignettes.size() + " vignettes under-triaged, "
				+ notScreened.size() + " not screened";
		System.out.println("Clinical vignettes: " + summary);
		underTriaged.forEach((r) -> System.out.println("UNDER-TRIAGED " + r));
		notScreened.forEach((r) -> System.out.println("NOT SCREENED " + r));
		assertThat(underTriaged).as(summary + "\n" + String.join("\n", underTriaged)).isEmpty();
		assertThat(notScreened).as(summary + "\n" + String.join("\n", notScreened)).isEmpty();
	}

}
