package org.backsafe.cdshooks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.backsafe.screening.Disposition;
import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.Response;
import org.backsafe.screening.ScreeningRequest;
import org.backsafe.screening.ScreeningService;
import org.backsafe.screening.Setting;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CDS services over real HTTP, on the real rules and the shipped table of record codes. The same
 * properties as ClinicalVignettesTests, so that both share one application context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "backsafe.rules.watch=false")
class CdsHooksHttpTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final HttpClient CLIENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	static final String APPOINTMENT = "/cds-services/backsafe-appointment-book";

	static final String PATIENT_VIEW = "/cds-services/backsafe-patient-view";

	static final String ATC = "http://www.whocc.no/atc";

	static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

	static final String SNOMED = "http://snomed.info/sct";

	/** Someone of 40 today. */
	static final String BORN = LocalDate.now().minusYears(40).minusDays(10).toString();

	@LocalServerPort
	int port;

	@Autowired
	ScreeningService screenings;

	@Autowired
	RecordCodes codes;

	record Answer(int status, String contentType, JsonNode json) {
	}

	Answer get(String path) throws Exception {
		HttpResponse<String> response = CLIENT.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET().build(),
				BodyHandlers.ofString());
		return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				JSON.readTree(response.body()));
	}

	Answer post(String path, String body) throws Exception {
		HttpResponse<String> response = CLIENT.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(body))
			.build(), BodyHandlers.ofString());
		return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				JSON.readTree(response.body()));
	}

	/** The one card of a call that must succeed. */
	JsonNode card(String path, String body) throws Exception {
		Answer answer = post(path, body);
		assertThat(answer.status()).as(answer.json().toString()).isEqualTo(200);
		assertThat(answer.contentType()).startsWith("application/json");
		assertThat(answer.json().get("cards")).hasSize(1);
		JsonNode card = answer.json().get("cards").get(0);
		assertThat(card.get("summary").stringValue()).hasSizeLessThan(140);
		assertThat(card.get("uuid").stringValue()).matches("[0-9a-f-]{36}");
		assertThat(card.get("source").get("label").stringValue()).contains("Backsafe").matches(".* [0-9a-f]{12}, .* [0-9a-f]{8}");
		List<String> links = new ArrayList<>();
		card.get("links").forEach((l) -> {
			assertThat(l.get("type").stringValue()).isEqualTo("absolute");
			links.add(l.get("url").stringValue());
		});
		assertThat(links).containsExactly("http://localhost:" + this.port + "/",
				"http://localhost:" + this.port + "/fhir/Questionnaire/backsafe");
		return card;
	}

	// ---- building requests

	static String request(String hook, String patient, String conditions, String medications) {
		String context = hook.equals("appointment-book")
				? "{\"userId\": \"Practitioner/7\", \"patientId\": \"p1\", \"appointments\": {\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": []}}"
				: "{\"userId\": \"Practitioner/7\", \"patientId\": \"p1\"}";
		return "{\"hook\": \"" + hook + "\", \"hookInstance\": \"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea\", \"context\": "
				+ context + ", \"prefetch\": {\"patient\": " + patient + ", \"conditions\": " + conditions
				+ ", \"medications\": " + medications + "}}";
	}

	static String patient(String birthDate) {
		return "{\"resourceType\": \"Patient\", \"id\": \"p1\"" + ((birthDate != null) ? ", \"birthDate\": \"" + birthDate + "\"" : "") + "}";
	}

	static String bundle(String... resources) {
		StringBuilder json = new StringBuilder("{\"resourceType\": \"Bundle\", \"type\": \"searchset\", \"entry\": [");
		for (int i = 0; i < resources.length; i++) {
			json.append(i > 0 ? "," : "").append("{\"resource\": ").append(resources[i]).append('}');
		}
		return json.append("]}").toString();
	}

	static String coding(String system, String code, String display) {
		return "{\"system\": \"" + system + "\", \"code\": \"" + code + "\""
				+ ((display != null) ? ", \"display\": \"" + display + "\"" : "") + "}";
	}

	static String condition(String system, String code, String clinical, String verification) {
		return "{\"resourceType\": \"Condition\", \"subject\": {\"reference\": \"Patient/p1\"}"
				+ ((clinical != null) ? ", \"clinicalStatus\": {\"coding\": [{\"system\": \"http://terminology.hl7.org/CodeSystem/condition-clinical\", \"code\": \"" + clinical + "\"}]}" : "")
				+ ((verification != null) ? ", \"verificationStatus\": {\"coding\": [{\"system\": \"http://terminology.hl7.org/CodeSystem/condition-ver-status\", \"code\": \"" + verification + "\"}]}" : "")
				+ ", \"code\": {\"coding\": [" + coding(system, code, null) + "]}}";
	}

	static String prescription(String coding) {
		return "{\"resourceType\": \"MedicationRequest\", \"status\": \"active\", \"intent\": \"order\", \"subject\": {\"reference\": \"Patient/p1\"}, \"medicationCodeableConcept\": {\"coding\": [" + coding + "]}}";
	}

	static String withContainedMedication(String coding) {
		return "{\"resourceType\": \"MedicationRequest\", \"contained\": [{\"resourceType\": \"Medication\", \"id\": \"m1\", \"code\": {\"coding\": [" + coding + "]}}], \"status\": \"active\", \"intent\": \"order\", \"subject\": {\"reference\": \"Patient/p1\"}, \"medicationReference\": {\"reference\": \"#m1\"}}";
	}

	static final String UNRELATED_CONDITION = condition(SNOMED, "44054006", "active", "confirmed"); // diabetes type 2

	static final String UNRELATED_MEDICINE = prescription(coding(ATC, "A10BA02", "metformin"));

	static List<String> warningSigns() {
		return Stream.of(HealthQuestion.values()).filter(HealthQuestion::isWarningSign).map(Enum::name).toList();
	}

	static void listsEveryWarningSignToAsk(JsonNode card) {
		String detail = card.get("detail").stringValue();
		String toAsk = detail.substring(detail.indexOf("**Still to ask the patient**"));
		// the English words of each warning sign, from the bundle the card is worded from
		java.util.Properties engine = new java.util.Properties();
		try (var in = CdsHooksHttpTests.class.getResourceAsStream("/messages/engine.properties")) {
			engine.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		for (String sign : warningSigns()) {
			assertThat(toAsk).contains("- " + engine.getProperty("question." + sign) + "\n");
		}
	}

	// ---- discovery

	@Test
	void discoveryListsBothServicesWithTheFieldsTheSpecificationRequires() throws Exception {
		Answer answer = get("/cds-services");
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.contentType()).startsWith("application/json");
		JsonNode services = answer.json().get("services");
		assertThat(services).hasSize(2);
		Map<String, String> hooks = new java.util.HashMap<>();
		for (JsonNode service : services) {
			for (String field : List.of("hook", "id", "title", "description")) {
				assertThat(service.get(field).stringValue()).as(field).isNotBlank();
			}
			hooks.put(service.get("id").stringValue(), service.get("hook").stringValue());
			JsonNode prefetch = service.get("prefetch");
			assertThat(prefetch.get("patient").stringValue()).isEqualTo("Patient/{{context.patientId}}");
			assertThat(prefetch.get("conditions").stringValue())
				.isEqualTo("Condition?patient={{context.patientId}}&clinical-status=active");
			assertThat(prefetch.get("medications").stringValue())
				.isEqualTo("MedicationRequest?patient={{context.patientId}}&status=active");
		}
		assertThat(hooks).containsExactlyInAnyOrderEntriesOf(Map.of("backsafe-appointment-book", "appointment-book",
				"backsafe-patient-view", "patient-view"));
	}

	// ---- cards

	@Test
	void warfarinByAtcGivesAWarningNamingItAndEveryWarningSignToAsk() throws Exception {
		JsonNode card = card(APPOINTMENT, request("appointment-book", patient(BORN), bundle(UNRELATED_CONDITION),
				bundle(prescription(coding(ATC, "B01AA03", "warfarin")), UNRELATED_MEDICINE)));
		assertThat(card.get("indicator").stringValue()).isEqualTo("warning");
		assertThat(card.get("summary").stringValue())
			.isEqualTo("Blood thinners on record (warfarin): see a doctor before massage. Ask the warning signs.");
		String detail = card.get("detail").stringValue();
		assertThat(detail).contains("Blood thinners: Yes (from the record: warfarin, ATC B01AA03)")
			.contains("Age: 40")
			.contains("(rule ")
			.contains("**Techniques to avoid or change**");
		listsEveryWarningSignToAsk(card);
		// the record answered blood thinners; it did not answer epilepsy, which is still to ask
		String toAsk = detail.substring(detail.indexOf("**Still to ask the patient**"));
		assertThat(toAsk).doesNotContain("- Blood thinners\n").contains("- Epilepsy");
	}

	@Test
	void apixabanByRxNormInAContainedMedicationGivesAWarning() throws Exception {
		JsonNode card = card(PATIENT_VIEW, request("patient-view", patient(BORN), bundle(),
				bundle(withContainedMedication(coding(RXNORM, "1364430", null)))));
		assertThat(card.get("indicator").stringValue()).isEqualTo("warning");
		assertThat(card.get("summary").stringValue()).startsWith("Blood thinners on record (apixaban)");
		assertThat(card.get("detail").stringValue()).contains("Blood thinners: Yes (from the record: apixaban, RxNorm 1364430)");
		listsEveryWarningSignToAsk(card);
	}

	@Test
	void aRecordWithNothingRelevantGivesInfoThatDoesNotCallMassageSafe() throws Exception {
		JsonNode card = card(APPOINTMENT, request("appointment-book", patient(BORN), bundle(UNRELATED_CONDITION),
				bundle(UNRELATED_MEDICINE, prescription(coding(ATC, "B01AC06", "aspirin")))));
		assertThat(card.get("indicator").stringValue()).isEqualTo("info");
		String summary = card.get("summary").stringValue();
		String detail = card.get("detail").stringValue();
		assertThat(summary).contains("shows nothing against massage").contains("warning signs");
		assertThat(summary + detail).doesNotContainIgnoringCase("massage is safe.")
			.doesNotContainIgnoringCase("safe for massage")
			.doesNotContain("Nothing we asked about stands against massage");
		assertThat(detail).contains("does not mean massage is safe");
		listsEveryWarningSignToAsk(card);
	}

	@Test
	void aRefutedOrResolvedConditionDoesNotCount() throws Exception {
		for (String[] status : new String[][] { { "active", "refuted" }, { "resolved", "confirmed" },
				{ "active", "entered-in-error" }, { "inactive", null } }) {
			JsonNode card = card(PATIENT_VIEW, request("patient-view", patient(BORN),
					bundle(condition(SNOMED, "64779008", status[0], status[1])), bundle()));
			assertThat(card.get("indicator").stringValue()).as(String.join("/", status[0], String.valueOf(status[1])))
				.isEqualTo("info");
		}
		JsonNode counted = card(PATIENT_VIEW, request("patient-view", patient(BORN),
				bundle(condition(SNOMED, "64779008", "recurrence", "unconfirmed")), bundle()));
		assertThat(counted.get("indicator").stringValue()).isEqualTo("warning");
		assertThat(counted.get("detail").stringValue()).contains("SNOMED CT 64779008");
	}

	@Test
	void everyRowOfTheTableAloneGivesACardAtLeastAsSevereAsThatQuestionAnsweredYes() throws Exception {
		List<String> indicators = List.of("info", "warning", "critical");
		for (RecordCodes.Row row : this.codes.rows()) {
			String entry = row.system().equals(SNOMED) ? condition(SNOMED, row.code(), null, null)
					: prescription(coding(row.system(), row.code(), null));
			String request = row.system().equals(SNOMED)
					? request("patient-view", patient(BORN), bundle(entry), bundle())
					: request("patient-view", patient(BORN), bundle(), bundle(entry));
			JsonNode card = card(PATIENT_VIEW, request);
			Disposition alone = this.screenings
				.screen(new ScreeningRequest(40, Map.of(row.question(), Response.YES), RecordScreening.NEUTRAL_PAIN,
						Setting.PROFESSIONAL, Set.of()))
				.disposition();
			String expected = switch (alone) {
				case URGENT_CARE -> "critical";
				case SEE_DOCTOR, WAIT_UNTIL_WELL -> "warning";
				default -> "info";
			};
			assertThat(indicators.indexOf(card.get("indicator").stringValue()))
				.as(row.system() + " " + row.code() + " (line " + row.line() + ")")
				.isGreaterThanOrEqualTo(indicators.indexOf(expected));
			assertThat(card.get("detail").stringValue()).as(row.code()).contains(row.code());
		}
	}

	@Test
	void withoutABirthDateTheAgeThatNeedsTheMostCareIsTakenAndSaid() throws Exception {
		JsonNode card = card(PATIENT_VIEW, request("patient-view", patient(null), bundle(), bundle()));
		assertThat(card.get("indicator").stringValue()).isEqualTo("warning");
		assertThat(card.get("detail").stringValue()).contains("the record has no birth date");
	}

	@Test
	void theCardIsInSpanishWhenAsked() throws Exception {
		JsonNode card = card(APPOINTMENT + "?lang=es", request("appointment-book", patient(BORN), bundle(),
				bundle(prescription(coding(ATC, "B01AA03", "warfarin")))));
		assertThat(card.get("summary").stringValue()).contains("en la historia").contains("señales de alarma");
	}

	// ---- errors

	@Test
	void anUnknownServiceIs404() throws Exception {
		Answer answer = post("/cds-services/backsafe-nothing", request("patient-view", patient(BORN), bundle(), bundle()));
		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.json().get("detail").stringValue()).contains("no CDS service");
	}

	@Test
	void badRequestsAre400NamingWhatIsWrong() throws Exception {
		String good = request("patient-view", patient(BORN), bundle(), bundle());
		Map<String, String> cases = Map.of(
				request("appointment-book", patient(BORN), bundle(), bundle()), "hook must be 'patient-view'",
				good.replace("\"patientId\": \"p1\"", "\"encounterId\": \"e1\""), "context.patientId is missing",
				good.replace("\"hookInstance\": \"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea\", ", ""), "hookInstance is missing",
				good.substring(0, good.length() - 3), "not well-formed JSON",
				request("patient-view", bundle(), bundle(), bundle()), "prefetch.patient must be a FHIR Patient, not a Bundle",
				request("patient-view", patient(BORN), bundle(prescription(coding(ATC, "B01AA03", null))), bundle()),
				"prefetch.conditions.entry[0] is a MedicationRequest",
				request("patient-view", "{\"resourceType\": \"Patient\", \"id\": \"p1\", \"colour\": \"blue\"}", bundle(), bundle()),
				"prefetch.patient is not valid FHIR",
				good.replace("\"hook\":", "\"mood\": 1, \"hook\":"), "'mood' is not a field");
		for (Map.Entry<String, String> bad : cases.entrySet()) {
			Answer answer = post(PATIENT_VIEW, bad.getKey());
			assertThat(answer.status()).as(bad.getValue()).isEqualTo(400);
			assertThat(answer.contentType()).startsWith("application/problem+json");
			assertThat(answer.json().get("detail").stringValue()).contains(bad.getValue());
		}
	}

	@Test
	void withoutPrefetchItIs412() throws Exception {
		String none = "{\"hook\": \"patient-view\", \"hookInstance\": \"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea\","
				+ " \"fhirServer\": \"https://ehr.example/fhir\", \"context\": {\"userId\": \"Practitioner/7\", \"patientId\": \"p1\"}}";
		Answer answer = post(PATIENT_VIEW, none);
		assertThat(answer.status()).isEqualTo(412);
		assertThat(answer.json().get("detail").stringValue()).contains("does not fetch the record");
		String partly = request("patient-view", patient(BORN), "null", bundle());
		Answer lacking = post(PATIENT_VIEW, partly);
		assertThat(lacking.status()).isEqualTo(412);
		assertThat(lacking.json().get("detail").stringValue()).contains("lacks conditions");
	}

}
