package org.backsafe;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.backsafe.rulebase.CurrentRuleBase;
import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.Technique;
import org.backsafe.support.HttpVisitor;
import org.backsafe.support.StaffLogin;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole app over HTTP on a random port, with the real rules folder: the README's example and
 * the one of DESIGN section 8 as a version 1 client sends them, the results vocabulary version 2
 * added, the vocabulary listing, each kind of bad input of DESIGN section 8, the API description,
 * and the health check (its details for a logged-in staff member).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = StaffLogin.PROPERTY)
class BacksafeHttpTests {

	/** The README's curl example, as sent. */
	static final String README_EXAMPLE = """
			{"age": 52, "conditions": ["EPILEPSY"], "unsure": [],
			       "pain": {"areas": ["LOWER_BACK"], "duration": "CHRONIC", "severity": 6, "worsening": false,
			                "patterns": ["KNOTS", "GENERAL_STIFFNESS"]},
			       "setting": "SELF", "equipment": ["FOAM_ROLLER"]}""";

	/** The example request of DESIGN section 8, as a version 1 client sends it. */
	static final String DESIGN_EXAMPLE = """
			{
			  "age": 52,
			  "conditions": ["EPILEPSY"],
			  "unsure": ["BLOOD_CLOTTING_DISORDER"],
			  "pain": {"areas": ["LOWER_BACK"], "duration": "CHRONIC", "severity": 6, "worsening": false,
			           "patterns": ["KNOTS", "GENERAL_STIFFNESS"]},
			  "setting": "SELF",
			  "equipment": ["FOAM_ROLLER"]
			}""";

	/** The fields of an answer in DESIGN section 8 (howTo came with the how-to advice, before version 2). */
	static final List<String> ANSWER_FIELDS = List.of("disposition", "summary", "reasons", "techniques", "advice",
			"ruleBase");

	static final List<String> TECHNIQUE_FIELDS = List.of("technique", "name", "verdict", "professionalOnly", "reasons",
			"howTo");

	static final List<String> REASON_FIELDS = List.of("rule", "text", "source");

	static final List<String> URGENT_FIELDS = List.of("urgentAction", "urgentActionText", "emergencyNumber");

	static final String PAIN = """
			"pain": {"areas": ["LOWER_BACK"], "duration": "CHRONIC", "severity": 6, "worsening": false}""";

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final HttpClient CLIENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@LocalServerPort
	int port;

	@Autowired
	CurrentRuleBase current;

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	HttpResponse<String> post(String contentType, BodyPublisher body, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/screenings"))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", contentType)
			.POST(body);
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return CLIENT.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	HttpResponse<String> postJson(String body, String... headers) throws Exception {
		return post("application/json", BodyPublishers.ofString(body), headers);
	}

	HttpResponse<String> get(String path, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20)).GET();
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return CLIENT.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** The answer to a screening that must succeed. */
	JsonNode screened(String body, String... headers) throws Exception {
		HttpResponse<String> response = postJson(body, headers);
		assertThat(response.statusCode()).as(body + " gave " + response.body()).isEqualTo(200);
		return json(response);
	}

	static String withConditions(String conditions) {
		return "{\"age\": 40, \"conditions\": [" + conditions + "], " + PAIN + ", \"setting\": \"PROFESSIONAL\"}";
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	static List<String> fields(JsonNode problem) {
		List<String> fields = new ArrayList<>();
		problem.get("errors").forEach((e) -> fields.add(e.get("field").asString()));
		return fields;
	}

	/** What every refusal has in common: a problem document, no trace, no markup echoed. */
	static JsonNode problem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).doesNotContain("<script", "Exception", "\tat ", "org.springframework",
				"tools.jackson");
		JsonNode problem = json(response);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("title").asString()).isNotBlank();
		assertThat(problem.has("trace")).isFalse();
		return problem;
	}

	@Nested
	class Screening {

		@Test
		void theReadmeExampleGivesAFullResult() throws Exception {
			HttpResponse<String> response = postJson(README_EXAMPLE);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
					(type) -> assertThat(type).startsWith("application/json"));
			JsonNode result = json(response);
			assertThat(result.get("disposition").asString()).isEqualTo("PROCEED_WITH_CAUTION");
			assertThat(result.get("summary").asString()).isNotBlank();
			assertThat(result.get("reasons")).isNotEmpty();
			JsonNode techniques = result.get("techniques");
			assertThat(techniques).hasSize(12);
			for (int i = 0; i < 12; i++) {
				JsonNode technique = techniques.get(i);
				assertThat(technique.get("technique").asString()).isEqualTo(Technique.values()[i].name());
				assertThat(technique.get("name").asString()).isNotBlank().doesNotStartWith("technique.");
				assertThat(technique.get("verdict").asString()).isIn("RECOMMENDED", "SUITABLE", "MODIFY", "AVOID");
				assertThat(technique.has("professionalOnly")).isTrue();
			}
			// Epilepsy rules out deep tissue massage (DESIGN section 4, invariant 4).
			assertThat(techniques.get(Technique.DEEP_TISSUE.ordinal()).get("verdict").asString()).isEqualTo("AVOID");
			List<JsonNode> reasons = new ArrayList<>();
			result.get("reasons").forEach(reasons::add);
			result.get("advice").forEach(reasons::add);
			techniques.forEach((t) -> {
				t.get("reasons").forEach(reasons::add);
				t.get("howTo").forEach(reasons::add);
			});
			assertThat(reasons).hasSizeGreaterThan(12).allSatisfy((reason) -> {
				assertThat(reason.get("rule").asString()).isNotBlank();
				assertThat(reason.get("text").asString()).isNotBlank().doesNotContain("has no wording", "{0}");
				assertThat(reason.get("source").asString()).isNotBlank();
			});
			assertThat(result.get("ruleBase").get("version").asString())
				.isEqualTo(BacksafeHttpTests.this.current.serving().orElseThrow().version());
			assertThat(result.get("ruleBase").get("loadedAt").asString()).isNotBlank();
		}

		@Test
		void inSpanishWithAcceptLanguage() throws Exception {
			JsonNode english = json(postJson(README_EXAMPLE));
			JsonNode spanish = json(postJson(README_EXAMPLE, "Accept-Language", "es"));
			assertThat(spanish.get("disposition")).isEqualTo(english.get("disposition"));
			assertThat(spanish.get("summary").asString()).isNotEqualTo(english.get("summary").asString());
			assertThat(spanish.get("techniques").get(0).get("name").asString()).isEqualTo("Masaje sueco");
			JsonNode deepTissueReason = spanish.get("techniques").get(Technique.DEEP_TISSUE.ordinal()).get("reasons").get(0);
			JsonNode englishReason = english.get("techniques").get(Technique.DEEP_TISSUE.ordinal()).get("reasons").get(0);
			assertThat(deepTissueReason.get("rule")).isEqualTo(englishReason.get("rule"));
			assertThat(deepTissueReason.get("text").asString()).isNotEqualTo(englishReason.get("text").asString());
		}

		/**
		 * The API keeps no session: ?lang= words this answer alone, and no answer sets a cookie, so
		 * a client screening thousands of times leaves no sessions behind in memory.
		 */
		@Test
		void inSpanishByParameterWithoutASession() throws Exception {
			HttpResponse<String> english = postJson(README_EXAMPLE);
			HttpRequest byParameter = HttpRequest.newBuilder(uri("/api/v1/screenings?lang=es"))
				.timeout(Duration.ofSeconds(20))
				.header("Content-Type", "application/json")
				.POST(BodyPublishers.ofString(README_EXAMPLE))
				.build();
			HttpResponse<String> response = CLIENT.send(byParameter, BodyHandlers.ofString(StandardCharsets.UTF_8));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
			assertThat(english.headers().allValues("Set-Cookie")).isEmpty();
			JsonNode byHeader = screened(README_EXAMPLE, "Accept-Language", "es");
			assertThat(json(response).get("summary")).isEqualTo(byHeader.get("summary"));
			assertThat(json(response).get("summary")).isNotEqualTo(json(english).get("summary"));
			// the next answer, with neither, is in English again
			assertThat(screened(README_EXAMPLE).get("summary")).isEqualTo(json(english).get("summary"));
			assertThat(get("/api/v1/vocabulary?lang=es").headers().allValues("Set-Cookie")).isEmpty();
		}

		/** The API's answers keep the pages' headers: never stored, never framed. */
		@Test
		void theAnswerIsNeverStored() throws Exception {
			HttpResponse<String> response = postJson(README_EXAMPLE);
			assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(
					(value) -> assertThat(value).contains("no-store"));
			assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
			assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
		}

		@Test
		void aRedFlagMeansUrgentCareAndNoTechnique() throws Exception {
			JsonNode result = json(postJson("{\"age\": 60, \"conditions\": [\"SADDLE_NUMBNESS\"], " + PAIN
					+ ", \"setting\": \"PROFESSIONAL\"}"));
			assertThat(result.get("disposition").asString()).isEqualTo("URGENT_CARE");
			result.get("techniques").forEach((t) -> assertThat(t.get("verdict").asString()).isEqualTo("AVOID"));
			assertThat(result.get("urgentAction").asString()).isEqualTo("GO_TO_EMERGENCY_DEPARTMENT");
			assertThat(result.get("urgentActionText").asString())
				.isEqualTo("Go to an emergency department now. Do not drive yourself.");
			assertThat(result.get("emergencyNumber").asString()).isEqualTo("112");
		}

		@Test
		void chestPainMeansCallingTheEmergencyNumber() throws Exception {
			JsonNode result = screened(withConditions("\"CHEST_PAIN_OR_BREATHLESSNESS\""));
			assertThat(result.get("disposition").asString()).isEqualTo("URGENT_CARE");
			assertThat(result.get("urgentAction").asString()).isEqualTo("CALL_EMERGENCY_NUMBER");
			assertThat(result.get("urgentActionText").asString()).isEqualTo("Call 112 now. This is the emergency number.");
			assertThat(result.get("emergencyNumber").asString()).isEqualTo("112");
			JsonNode spanish = screened(withConditions("\"CHEST_PAIN_OR_BREATHLESSNESS\""), "Accept-Language", "es");
			assertThat(spanish.get("urgentAction").asString()).isEqualTo("CALL_EMERGENCY_NUMBER");
			assertThat(spanish.get("urgentActionText").asString()).isEqualTo("Llame ahora al 112. Es el número de emergencias.");
		}

		@Test
		void aColdMeansWaitingUntilWell() throws Exception {
			JsonNode result = screened(withConditions("\"COLD_OR_MINOR_ILLNESS\""));
			assertThat(result.get("disposition").asString()).isEqualTo("WAIT_UNTIL_WELL");
			assertThat(result.get("summary").asString()).isNotBlank().doesNotStartWith("disposition.");
			assertThat(result.get("techniques")).hasSize(12)
				.allSatisfy((t) -> assertThat(t.get("verdict").asString()).isEqualTo("AVOID"));
			assertThat(result.propertyNames()).containsExactlyElementsOf(ANSWER_FIELDS);
		}

	}

	/**
	 * Version 1 clients keep working (DESIGN section 8): their requests, which hold no version 2 code,
	 * get the same answer fields as before, with all twelve techniques.
	 */
	@Nested
	class VersionOneClients {

		@ParameterizedTest(name = "{0}")
		@CsvSource(delimiter = '|', textBlock = """
				README          | PROCEED_WITH_CAUTION
				DESIGN section 8 | SEE_DOCTOR
				""")
		void theExamplesGetTheSameShapeAsBefore(String example, String disposition) throws Exception {
			String body = example.equals("README") ? README_EXAMPLE : DESIGN_EXAMPLE;
			JsonNode result = screened(body);
			assertThat(result.propertyNames()).containsExactlyElementsOf(ANSWER_FIELDS);
			assertThat(result.get("disposition").asString()).isEqualTo(disposition);
			assertThat(result.get("summary").asString()).isNotBlank();
			assertThat(result.get("ruleBase").propertyNames()).containsExactly("version", "loadedAt");
			JsonNode techniques = result.get("techniques");
			assertThat(techniques).hasSize(Technique.values().length).hasSize(12);
			for (int i = 0; i < techniques.size(); i++) {
				JsonNode technique = techniques.get(i);
				assertThat(technique.propertyNames()).containsExactlyElementsOf(TECHNIQUE_FIELDS);
				assertThat(technique.get("technique").asString()).isEqualTo(Technique.values()[i].name());
				assertThat(technique.get("professionalOnly").isBoolean()).isTrue();
			}
			List<JsonNode> reasons = new ArrayList<>();
			result.get("reasons").forEach(reasons::add);
			result.get("advice").forEach(reasons::add);
			techniques.forEach((t) -> t.get("reasons").forEach(reasons::add));
			assertThat(reasons).isNotEmpty()
				.allSatisfy((r) -> assertThat(r.propertyNames()).containsExactlyElementsOf(REASON_FIELDS));
		}

		@Test
		void theExampleOfDesignSectionEightIsScreenedAsBefore() throws Exception {
			// Not sure about a clotting disorder counts as Yes: a doctor first, no technique offered.
			JsonNode result = screened(DESIGN_EXAMPLE);
			assertThat(result.get("techniques"))
				.allSatisfy((t) -> assertThat(t.get("verdict").asString()).isEqualTo("AVOID"));
			assertThat(result.get("techniques").get(Technique.DEEP_TISSUE.ordinal()).get("name").asString())
				.isEqualTo("Deep tissue massage");
		}

	}

	@Nested
	class BadInput {

		@Test
		void anUnknownCode() throws Exception {
			JsonNode problem = problem(postJson(README_EXAMPLE.replace("\"KNOTS\"", "\"KNOTS\", \"ACHY\"")), 400);
			assertThat(fields(problem)).containsExactly("pain.patterns[1]");
			assertThat(problem.get("errors").get(0).get("message").asString()).contains("\"ACHY\" is not a known code");
		}

		@Test
		void anUnknownHealthCodeListingTheVersionTwoCodes() throws Exception {
			JsonNode problem = problem(postJson(withConditions("\"COLD\"")), 400);
			assertThat(problem.get("type").asString()).isEqualTo("https://backsafe.org/problems/invalid-answers");
			assertThat(fields(problem)).containsExactly("conditions[0]");
			String message = problem.get("errors").get(0).get("message").asString();
			assertThat(message).startsWith("\"COLD\" is not a known code");
			for (HealthQuestion question : HealthQuestion.values()) {
				assertThat(message).as("the known codes").contains(question.name());
			}
			JsonNode unsure = problem(postJson(README_EXAMPLE.replace("\"unsure\": []", "\"unsure\": [\"COLD\"]")), 400);
			assertThat(fields(unsure)).containsExactly("unsure[0]");
			assertThat(unsure.get("errors").get(0).get("message").asString()).contains("COLD_OR_MINOR_ILLNESS",
					"CHEST_PAIN_OR_BREATHLESSNESS");
		}

		@Test
		void numbersOutOfRange() throws Exception {
			JsonNode problem = problem(postJson(README_EXAMPLE.replace("52", "121").replace("\"severity\": 6",
					"\"severity\": -1")), 400);
			assertThat(fields(problem)).containsExactlyInAnyOrder("age", "pain.severity");
		}

		@Test
		void aNumberTooLargeForAnyField() throws Exception {
			JsonNode problem = problem(postJson(README_EXAMPLE.replace("\"severity\": 6",
					"\"severity\": 99999999999999999999")), 400);
			assertThat(fields(problem)).containsExactly("pain.severity");
		}

		@ParameterizedTest(name = "{0} as {1}")
		@CsvSource(delimiter = '|', textBlock = """
				age            | "52"
				age            | 52.5
				age            | true
				pain.severity  | "6"
				pain.severity  | 6.0
				pain.worsening | "false"
				pain.worsening | 0
				setting        | 1
				conditions     | "EPILEPSY"
				pain.areas     | {"LOWER_BACK": true}
				pain           | []
				""")
		void aValueOfTheWrongType(String field, String value) throws Exception {
			ObjectNode body = (ObjectNode) JSON.readTree(README_EXAMPLE);
			ObjectNode parent = field.startsWith("pain.") ? (ObjectNode) body.get("pain") : body;
			parent.set(field.substring(field.indexOf('.') + 1), JSON.readTree(value));
			JsonNode problem = problem(postJson(body.toString()), 400);
			assertThat(fields(problem)).as(body.toString()).containsExactly(field);
			assertThat(problem.get("errors").get(0).get("message").asString()).startsWith("has the wrong type");
		}

		@Test
		void aFieldGivenTwice() throws Exception {
			// The first list would otherwise be dropped without a word: here, a red flag.
			String body = README_EXAMPLE.replace("\"conditions\": [\"EPILEPSY\"], \"unsure\": []",
					"\"conditions\": [\"SADDLE_NUMBNESS\"], \"unsure\": [], \"conditions\": []");
			JsonNode problem = problem(postJson(body), 400);
			assertThat(problem.toString()).contains("conditions");
		}

		@Test
		void malformedJson() throws Exception {
			JsonNode problem = problem(postJson(README_EXAMPLE.substring(0, 40)), 400);
			assertThat(problem.get("detail").asString()).isEqualTo("The body is not well-formed JSON.");
		}

		@Test
		void anEmptyBody() throws Exception {
			JsonNode problem = problem(postJson(""), 400);
			assertThat(problem.get("detail").asString()).contains("empty");
		}

		@Test
		void aBodyThatIsNotAnObject() throws Exception {
			problem(postJson("[1, 2]"), 400);
			problem(postJson("null"), 400);
		}

		@Test
		void anUnknownField() throws Exception {
			JsonNode problem = problem(postJson(README_EXAMPLE.replace("\"unsure\": []", "\"smoker\": true")), 400);
			assertThat(fields(problem)).containsExactly("smoker");
			JsonNode nested = problem(postJson(README_EXAMPLE.replace("\"worsening\": false",
					"\"worsening\": false, \"location\": \"here\"")), 400);
			assertThat(fields(nested)).containsExactly("pain.location");
		}

		@Test
		void everyBadFieldNamedInOneAnswer() throws Exception {
			JsonNode problem = problem(postJson("""
					{"age": 130, "conditions": ["FLU"], "unsure": ["EPILEPSY"], "pain": {"areas": [], "duration": "LONG",
					 "severity": 11}, "setting": "HOME", "equipment": ["ROLLER"], "extra": 1}"""), 400);
			assertThat(fields(problem)).containsExactlyInAnyOrder("extra", "age", "conditions[0]", "pain.areas",
					"pain.duration", "pain.severity", "pain.worsening", "setting", "equipment[0]");
		}

		@Test
		void markupIsNeverEchoed() throws Exception {
			problem(postJson("{\"<script>alert(1)</script>\": 1, \"age\": 52, \"conditions\": "
					+ "[\"<script>alert(1)</script>\"], " + PAIN + ", \"setting\": \"<img src=x onerror=alert(1)>\"}"),
					400);
			HttpResponse<String> response = post("application/xml; x=\"<script>alert(1)</script>\"",
					BodyPublishers.ofString("<a/>"));
			problem(response, 415);
			assertThat(response.body()).doesNotContain("<", ">");
		}

		@Test
		void textIsUnsupportedMediaType() throws Exception {
			problem(post("text/plain", BodyPublishers.ofString("age=52")), 415);
			problem(post("application/x-www-form-urlencoded", BodyPublishers.ofString("age=52")), 415);
		}

		/** More than the 128 KiB that any request body may have (README, "The JSON API"). */
		static final int OVER_THE_LIMIT = 129 * 1024;

		@Test
		void tooLargeWithADeclaredLength() throws Exception {
			byte[] body = (README_EXAMPLE + " ".repeat(OVER_THE_LIMIT)).getBytes(StandardCharsets.UTF_8);
			HttpResponse<String> response = post("application/json", BodyPublishers.ofByteArray(body));
			problem(response, 413);
		}

		@Test
		void tooLargeWhenSentInChunks() throws Exception {
			byte[] body = (README_EXAMPLE + " ".repeat(OVER_THE_LIMIT)).getBytes(StandardCharsets.UTF_8);
			// A stream of unknown length goes out chunked, with no Content-Length.
			HttpResponse<String> response = post("application/json",
					BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
			problem(response, 413);
		}

		@Test
		void aSmallChunkedBodyIsFine() throws Exception {
			byte[] body = README_EXAMPLE.getBytes(StandardCharsets.UTF_8);
			HttpResponse<String> response = post("application/json",
					BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
			assertThat(response.statusCode()).isEqualTo(200);
		}

		@Test
		void anUnknownPathUnderTheApi() throws Exception {
			HttpResponse<String> response = get("/api/v1/%3Cscript%3E");
			assertThat(response.statusCode()).isEqualTo(404);
			assertThat(response.body()).doesNotContain("<script", "Exception");
		}

	}

	@Nested
	class Documentation {

		@Test
		void theOpenApiDescriptionDescribesTheScreeningEndpoint() throws Exception {
			HttpResponse<String> response = get("/v3/api-docs");
			assertThat(response.statusCode()).isEqualTo(200);
			JsonNode api = json(response);
			assertThat(api.get("openapi").asString()).startsWith("3.");
			JsonNode post = api.at("/paths/~1api~1v1~1screenings/post");
			assertThat(post.isMissingNode()).as(response.body()).isFalse();
			assertThat(post.at("/requestBody/content/application~1json/schema/$ref").asString())
				.endsWith("/ScreeningRequest");
			assertThat(post.get("responses").propertyNames()).contains("200", "400", "413", "415");
			assertThat(api.at("/components/schemas/ScreeningRequest/required").toString()).contains("age", "pain",
					"setting");
		}

		@Test
		void theOpenApiDescriptionKnowsVocabularyVersionTwo() throws Exception {
			JsonNode api = json(get("/v3/api-docs"));
			JsonNode answer = api.at("/components/schemas/ScreeningResponseJson/properties");
			assertThat(answer.isMissingNode()).as(api.toString()).isFalse();
			assertThat(answer.at("/disposition/enum").toString()).contains("WAIT_UNTIL_WELL", "URGENT_CARE", "SEE_DOCTOR",
					"PROCEED_WITH_CAUTION", "PROCEED");
			assertThat(answer.at("/disposition/description").asString()).contains("WAIT_UNTIL_WELL");
			assertThat(answer.at("/urgentAction/enum").toString()).contains("GO_TO_EMERGENCY_DEPARTMENT",
					"CALL_EMERGENCY_NUMBER");
			assertThat(answer.at("/urgentAction/description").asString()).contains("URGENT_CARE");
			assertThat(answer.propertyNames()).contains("urgentActionText", "emergencyNumber");
			assertThat(api.at("/components/schemas/ScreeningResponseJson/required").toString())
				.doesNotContain("urgentAction");
			// The request lists every health code, version 2 ones too.
			assertThat(api.at("/components/schemas/ScreeningRequest/properties/conditions/items/enum").toString())
				.contains("SADDLE_NUMBNESS", "COLD_OR_MINOR_ILLNESS", "CHEST_PAIN_OR_BREATHLESSNESS");
			JsonNode vocabulary = api.at("/paths/~1api~1v1~1vocabulary/get");
			assertThat(vocabulary.isMissingNode()).as(api.toString()).isFalse();
			assertThat(vocabulary.get("parameters").toString()).contains("\"lang\"", "Accept-Language");
			assertThat(vocabulary.at("/responses/200/content/application~1json/schema/$ref").asString())
				.endsWith("/Vocabulary");
			assertThat(api.at("/components/schemas/Vocabulary/properties").propertyNames()).contains("version",
					"healthQuestions", "dispositions", "urgentActions");
		}

		@Test
		void theSwaggerUiLoads() throws Exception {
			HttpResponse<String> page = CLIENT.send(
					HttpRequest.newBuilder(uri("/swagger-ui.html")).timeout(Duration.ofSeconds(20)).GET().build(),
					BodyHandlers.ofString());
			// /swagger-ui.html redirects to the UI's index page.
			String location = page.headers().firstValue("Location").orElse("/swagger-ui.html");
			HttpResponse<String> index = page.statusCode() / 100 == 3 ? get(URI.create(location).getPath()) : page;
			assertThat(index.statusCode()).isEqualTo(200);
			assertThat(index.body()).contains("swagger-ui");
			HttpResponse<String> config = get("/v3/api-docs/swagger-config");
			assertThat(config.statusCode()).isEqualTo(200);
			assertThat(config.body()).contains("/v3/api-docs");
		}

	}

	@Nested
	class VocabularyListing {

		JsonNode vocabulary(String... headers) throws Exception {
			HttpResponse<String> response = get("/api/v1/vocabulary", headers);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
					(type) -> assertThat(type).startsWith("application/json"));
			return json(response);
		}

		static List<String> codes(JsonNode list) {
			List<String> codes = new ArrayList<>();
			list.forEach((c) -> codes.add(c.get("code").asString()));
			return codes;
		}

		@Test
		void everyHealthCodeListedIsAcceptedAsYesAndAsNotSure() throws Exception {
			JsonNode vocabulary = vocabulary();
			assertThat(vocabulary.get("version").asInt()).isEqualTo(2);
			List<String> questions = codes(vocabulary.get("healthQuestions"));
			assertThat(questions).hasSize(HealthQuestion.values().length);
			Set<String> dispositions = new TreeSet<>();
			Set<String> verdicts = new TreeSet<>();
			Set<String> urgentActions = new TreeSet<>();
			for (String code : questions) {
				for (String field : List.of("conditions", "unsure")) {
					JsonNode result = screened("{\"age\": 40, \"" + field + "\": [\"" + code + "\"], " + PAIN
							+ ", \"setting\": \"SELF\"}");
					dispositions.add(result.get("disposition").asString());
					result.get("techniques").forEach((t) -> verdicts.add(t.get("verdict").asString()));
					if (result.has("urgentAction")) {
						urgentActions.add(result.get("urgentAction").asString());
					}
				}
			}
			// What came back is in the vocabulary too, and the outputs version 2 added did come back.
			assertThat(codes(vocabulary.get("dispositions"))).containsAll(dispositions);
			assertThat(codes(vocabulary.get("verdicts"))).containsAll(verdicts);
			assertThat(codes(vocabulary.get("urgentActions"))).containsAll(urgentActions);
			assertThat(dispositions).contains("URGENT_CARE", "SEE_DOCTOR", "WAIT_UNTIL_WELL", "PROCEED_WITH_CAUTION");
			assertThat(urgentActions).containsExactlyInAnyOrder("GO_TO_EMERGENCY_DEPARTMENT", "CALL_EMERGENCY_NUMBER");
		}

		@Test
		void everyOtherCodeListedIsAcceptedInItsField() throws Exception {
			JsonNode vocabulary = vocabulary();
			for (String pattern : codes(vocabulary.get("painPatterns"))) {
				screened(README_EXAMPLE.replace("\"KNOTS\", \"GENERAL_STIFFNESS\"", "\"" + pattern + "\""));
			}
			for (String area : codes(vocabulary.get("painAreas"))) {
				screened(README_EXAMPLE.replace("\"LOWER_BACK\"", "\"" + area + "\""));
			}
			for (String duration : codes(vocabulary.get("durations"))) {
				screened(README_EXAMPLE.replace("\"CHRONIC\"", "\"" + duration + "\""));
			}
			for (String setting : codes(vocabulary.get("settings"))) {
				screened(README_EXAMPLE.replace("\"SELF\"", "\"" + setting + "\""));
			}
			for (String equipment : codes(vocabulary.get("equipment"))) {
				screened(README_EXAMPLE.replace("\"FOAM_ROLLER\"", "\"" + equipment + "\""));
			}
			assertThat(codes(vocabulary.get("techniques"))).containsExactlyElementsOf(
					Stream.of(Technique.values()).map(Technique::name).toList());
		}

		@Test
		void inSpanishByHeaderOrParameter() throws Exception {
			JsonNode english = vocabulary();
			JsonNode byHeader = vocabulary("Accept-Language", "es");
			JsonNode byParameter = json(get("/api/v1/vocabulary?lang=es"));
			assertThat(byHeader.get("language").asString()).isEqualTo("es");
			assertThat(byParameter.get("language").asString()).isEqualTo("es");
			assertThat(byHeader.at("/healthQuestions/0/text").asString())
				.isNotEqualTo(english.at("/healthQuestions/0/text").asString());
			assertThat(byParameter.get("healthQuestions")).isEqualTo(byHeader.get("healthQuestions"));
			assertThat(json(get("/api/v1/vocabulary?lang=xx")).get("language").asString()).isEqualTo("en");
		}

	}

	@Nested
	class Health {

		@Test
		void showsAnyoneTheStatusAlone() throws Exception {
			HttpResponse<String> response = get("/actuator/health");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(json(response).propertyNames()).contains("status").isSubsetOf("status", "groups");
			assertThat(response.body()).doesNotContain("components", "details");
			assertThat(json(response).get("status").asString()).isEqualTo("UP");
		}

		@Test
		void showsLoggedInStaffTheRuleBaseUpWithItsVersion() throws Exception {
			HttpVisitor staff = HttpVisitor.of(BacksafeHttpTests.this.port);
			assertThat(staff.logIn(StaffLogin.USER, StaffLogin.PASSWORD).location()).endsWith("/staff");
			HttpVisitor.Answer response = staff.get("/actuator/health");
			assertThat(response.status()).isEqualTo(200);
			JsonNode health = JSON.readTree(response.body());
			assertThat(health.get("status").asString()).isEqualTo("UP");
			JsonNode ruleBase = health.at("/components/ruleBase");
			assertThat(ruleBase.get("status").asString()).isEqualTo("UP");
			assertThat(ruleBase.at("/details/version").asString())
				.isEqualTo(BacksafeHttpTests.this.current.serving().orElseThrow().version());
			assertThat(ruleBase.at("/details/rules").asInt()).isPositive();
		}

	}

}
