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
import java.util.Map;

import org.backsafe.rulebase.ImpactEdits;
import org.backsafe.rulebase.ImpactReport;
import org.backsafe.rulebase.RulesFolder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The impact report where a rule author reads it, with the app running on its own copy of the rules:
 * a more cautious edit serves, and the catalogue and the new version's page say what it changed, with
 * a link back to the version it replaced; a less cautious edit without a reviewed note is refused, and
 * the catalogue says what it would have done.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RuleCatalogueImpactTests {

	static final Path RULES;

	static {
		try {
			RULES = RulesFolder.copyOfProjectRules(Files.createTempDirectory("backsafe-impact").resolve("rules"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * How long an edit may take to be taken up or refused: a bound on a busy shared machine. The first
	 * edit's gate also screens what the sweep ahead would have (the test contexts leave it out), and
	 * has taken over a minute on CI; what this test checks is the report, not the time.
	 */
	private static final Duration EDIT_BOUND = Duration.ofMinutes(3);

	@DynamicPropertySource
	static void rules(DynamicPropertyRegistry registry) {
		registry.add("backsafe.rules.dir", RULES::toString);
		registry.add("backsafe.rules.debounce", () -> "100ms");
	}

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	int port;

	String page(String path) {
		try {
			HttpResponse<String> response = this.client.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
						.timeout(Duration.ofSeconds(30))
						.build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as("GET " + path).isEqualTo(200);
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	String servingVersion() {
		return (String) JsonMapper.shared().readValue(page("/api/v1/rules"), Map.class).get("version");
	}

	@Test
	void theCatalogueShowsWhatAnEditChangedAndWhatARefusedOneWouldHave() {
		String first = servingVersion();
		assertThat(page("/rules/versions/" + first + "?lang=en")).contains("id=\"impact\"")
			.contains("the first version since the app started");

		// More cautious: a new rule keeps two techniques from a person with epilepsy.
		RulesFolder.addNewRule(RULES);
		assertThat(RulesFolder.within(EDIT_BOUND, () -> !servingVersion().equals(first))).isTrue();
		String second = servingVersion();
		String catalogue = page("/rules?lang=en");
		assertThat(catalogue).contains("id=\"serving-impact\"")
			.contains("id=\"serving-impact-" + ImpactReport.Kind.AVOID_ADDED + "\"")
			.contains("More cautious")
			.contains("A technique now to avoid")
			.contains("EPILEPSY")
			.contains("href=\"/rules/versions/" + first + "\"")
			.doesNotContain(RULES.toString());
		assertThat(page("/rules/versions/" + second + "?lang=en")).contains("id=\"impact-AVOID_ADDED\"")
			.containsPattern("The checks screened [0-9,]+ sets of answers with the rules before \\(" + first + "\\)");
		assertThat(page("/rules/versions/" + second + "?lang=es")).contains("Qué cambia esta versión")
			.contains("Una técnica que ahora hay que evitar");

		// Less cautious, with no reviewed note: refused, and the old rules keep serving.
		ImpactEdits.minorFallFromSixty(RULES);
		assertThat(RulesFolder.within(EDIT_BOUND, () -> page("/rules?lang=en").contains("id=\"refused-impact\"")))
			.isTrue();
		assertThat(servingVersion()).isEqualTo(second);
		assertThat(page("/rules?lang=en")).contains("Less cautious, not reviewed")
			.contains("id=\"refused-impact-" + ImpactReport.Kind.DISPOSITION_MILDER + "\"")
			.contains("A milder level of care")
			.contains("PAIN_AFTER_MINOR_FALL");
	}

}
