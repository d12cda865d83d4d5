package org.backsafe.fhir;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import ca.uhn.fhir.context.FhirContext;
import org.backsafe.kiosk.KioskScreening;
import org.backsafe.kiosk.KioskScreenings;
import org.backsafe.result.WordedResults;
import org.backsafe.screening.Disposition;
import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.PainArea;
import org.backsafe.screening.PainDuration;
import org.backsafe.screening.PainProfile;
import org.backsafe.screening.Response;
import org.backsafe.screening.ScreeningRequest;
import org.backsafe.screening.ScreeningResult;
import org.backsafe.screening.ScreeningService;
import org.backsafe.screening.Setting;
import org.backsafe.screening.Technique;
import org.backsafe.screening.Triage;
import org.backsafe.support.StaffLogin;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.hl7.fhir.r4.model.RiskAssessment.RiskAssessmentPredictionComponent;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import java.util.EnumSet;
import java.util.stream.Stream;
import org.backsafe.questionnaire.QuestionsThatApply;
import org.backsafe.screening.Equipment;
import org.backsafe.screening.PainPattern;
import org.backsafe.screening.Vocabulary;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.MessageSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A {@code QuestionnaireResponse} screened over HTTP: the same result as the same answers through
 * the JSON API over hundreds of answer sets; a bundle of every disposition valid FHIR R4 by HAPI's
 * validator; each kind of malformed response refused with an {@code OperationOutcome} naming the
 * item; a stored kiosk screening downloaded by staff as the same bundle; and the questionnaire
 * itself. One class, so that HAPI's validator (its first use takes half a minute) starts once.
 */
// the same configuration as StaffPagesTests, so that they share one application context
@SpringBootTest(properties = { StaffLogin.PROPERTY, "backsafe.staff.max-failed-logins=3" })
@AutoConfigureMockMvc
class FhirScreeningTests {

	static final String SCREEN = "/fhir/QuestionnaireResponse/$screen";

	static final FhirContext FHIR = FhirContext.forR4();

	static final JsonMapper JSON = JsonMapper.builder().build();

	static FhirValidation validation;

	@Autowired
	MockMvc mvc;

	@Autowired
	FhirScreenings fhir;

	@Autowired
	ScreeningService screenings;

	@Autowired
	WordedResults words;

	@Autowired
	ScreeningBundles bundles;

	@Autowired
	KioskScreenings kiosk;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeAll
	static void validator() {
		validation = FhirValidation.shared();
	}

	static String write(QuestionnaireResponse response) {
		return FHIR.newJsonParser().encodeResourceToString(response);
	}

	MockHttpServletResponse screen(String body, String language) throws Exception {
		return this.mvc.perform(post(SCREEN).contentType(FhirJson.MEDIA_TYPE).param("lang", language).content(body))
			.andReturn()
			.getResponse();
	}

	Bundle screened(ScreeningRequest answers, String language) throws Exception {
		MockHttpServletResponse response = screen(write(Responses.response(answers)), language);
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		assertThat(response.getContentType()).startsWith(FhirJson.MEDIA_TYPE);
		return FHIR.newJsonParser().parseResource(Bundle.class, response.getContentAsString());
	}

	JsonNode api(ScreeningRequest answers, String language) throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(post("/api/v1/screenings").contentType(MediaType.APPLICATION_JSON)
				.param("lang", language)
				.content(Responses.json(answers)))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return JSON.readTree(response.getContentAsString());
	}

	static RiskAssessment assessment(Bundle bundle) {
		return bundle.getEntry()
			.stream()
			.map(Bundle.BundleEntryComponent::getResource)
			.filter(RiskAssessment.class::isInstance)
			.map(RiskAssessment.class::cast)
			.findFirst()
			.orElseThrow();
	}

	/** Every answer set that gives each disposition, from seeded sets, with each question alone first. */
	static List<ScreeningRequest> answerSets() {
		List<ScreeningRequest> sets = new ArrayList<>();
		PainProfile quiet = new PainProfile(Set.of(PainArea.LOWER_BACK), PainDuration.ACUTE, 3, false, Set.of());
		for (HealthQuestion question : HealthQuestion.values()) {
			for (Response response : Response.values()) {
				sets.add(new ScreeningRequest(40, Map.of(question, response), quiet, Setting.SELF, Set.of()));
			}
		}
		SplittableRandom random = new SplittableRandom(20261203L);
		for (int i = 0; i < 250; i++) {
			sets.add(Responses.answerSet(random));
		}
		return sets;
	}

	@Test
	void aResponseScreensToWhatTheSameAnswersGiveThroughTheJsonApi() throws Exception {
		Map<Disposition, Integer> seen = new EnumMap<>(Disposition.class);
		List<ScreeningRequest> sets = answerSets();
		for (int i = 0; i < sets.size(); i++) {
			ScreeningRequest answers = sets.get(i);
			String language = (i % 2 == 0) ? "en" : "es";
			JsonNode expected = api(answers, language);
			RiskAssessment assessment = assessment(screened(answers, language));
			String about = "answer set " + i + ": " + Responses.json(answers);
			RiskAssessmentPredictionComponent outcome = assessment.getPredictionFirstRep();
			String disposition = expected.get("disposition").asString();
			assertThat(outcome.getOutcome().getCodingFirstRep().getCode()).as(about).isEqualTo(disposition);
			assertThat(outcome.getOutcome().getText()).as(about).isEqualTo(expected.get("summary").asString());
			assertThat(assessment.getMethod().getText()).as(about)
				.contains(expected.get("ruleBase").get("version").asString());
			if (expected.has("urgentActionText")) {
				assertThat(assessment.getMitigation()).as(about).startsWith(expected.get("urgentActionText").asString());
			}
			for (JsonNode reason : expected.get("reasons")) {
				assertThat(outcome.getRationale()).as(about)
					.contains(reason.get("text").asString())
					.contains("[" + reason.get("rule").asString() + ";");
			}
			List<RiskAssessmentPredictionComponent> techniques = assessment.getPrediction().subList(1,
					assessment.getPrediction().size());
			assertThat(techniques).as(about).hasSize(Technique.values().length);
			for (int t = 0; t < techniques.size(); t++) {
				JsonNode technique = expected.get("techniques").get(t);
				RiskAssessmentPredictionComponent prediction = techniques.get(t);
				assertThat(prediction.getOutcome().getCodingFirstRep().getCode()).as(about)
					.isEqualTo(technique.get("technique").asString());
				assertThat(prediction.getQualitativeRisk().getCodingFirstRep().getCode()).as(about)
					.isEqualTo(technique.get("verdict").asString());
				for (JsonNode reason : technique.get("reasons")) {
					assertThat(prediction.getRationale()).as(about)
						.contains(reason.get("text").asString())
						.contains("[" + reason.get("rule").asString() + ";");
				}
			}
			seen.merge(Disposition.valueOf(disposition), 1, Integer::sum);
		}
		assertThat(seen).as("answer sets of every disposition were compared").containsOnlyKeys(Disposition.values());
	}

	@ParameterizedTest
	@EnumSource(Disposition.class)
	void aBundleOfEveryDispositionIsValidFhir(Disposition disposition) throws Exception {
		ScreeningRequest answers = answerSets().stream()
			.filter((a) -> this.screenings.screen(a).disposition() == disposition)
			.findFirst()
			.orElseThrow();
		for (String language : List.of("en", "es")) {
			MockHttpServletResponse response = screen(write(Responses.response(answers)), language);
			assertThat(validation.errors(response.getContentAsString())).as(disposition + " in " + language).isEmpty();
			assertThat(assessment(FHIR.newJsonParser().parseResource(Bundle.class, response.getContentAsString()))
				.getPredictionFirstRep()
				.getOutcome()
				.getCodingFirstRep()
				.getCode()).isEqualTo(disposition.name());
		}
	}

	@Test
	void aScreeningThatFailedIsAValidBundleThatSendsToADoctor() {
		ScreeningResult failed = Triage.failed(null);
		ScreeningRequest answers = answerSets().get(0);
		Bundle bundle = this.bundles.bundle(this.bundles.response(answers, Instant.now(), Locale.ENGLISH),
				this.words.word(failed, Locale.ENGLISH), Instant.now(), Locale.ENGLISH);
		assertThat(validation.errors(bundle)).isEmpty();
		RiskAssessment assessment = assessment(bundle);
		assertThat(assessment.getPredictionFirstRep().getOutcome().getCodingFirstRep().getCode())
			.isEqualTo(Disposition.SEE_DOCTOR.name());
		assertThat(assessment.getPrediction().subList(1, assessment.getPrediction().size()))
			.allSatisfy((p) -> assertThat(p.getQualitativeRisk().getCodingFirstRep().getCode()).isEqualTo("AVOID"));
		assertThat(assessment.getMitigation()).contains("could not be finished");
	}

	/** One malformed response: what is wrong with it, the status, and what the outcome must name. */
	record Malformed(String what, String body, int status, String named) {
	}

	static List<Malformed> malformed() {
		ScreeningRequest answers = new ScreeningRequest(40, Map.of(), new PainProfile(Set.of(PainArea.LOWER_BACK),
				PainDuration.ACUTE, 3, false, Set.of()), Setting.SELF, Set.of());
		String good = write(Responses.response(answers));
		QuestionnaireResponse unknownItem = Responses.response(answers);
		unknownItem.getItem().get(2).addItem().setLinkId("HOROSCOPE").addAnswer().setValue(new StringType("Leo"));
		QuestionnaireResponse wrongType = Responses.response(answers);
		wrongType.getItem().get(1).getItemFirstRep().getAnswerFirstRep().setValue(new StringType("no"));
		QuestionnaireResponse missing = Responses.response(answers);
		missing.getItem().get(1).getItem().removeIf((i) -> i.getLinkId().equals("SADDLE_NUMBNESS"));
		QuestionnaireResponse outOfRange = Responses.response(answers);
		outOfRange.getItem().get(0).getItem().get(2).getAnswerFirstRep()
			.setValue(new org.hl7.fhir.r4.model.IntegerType(11));
		QuestionnaireResponse twice = Responses.response(answers);
		twice.getItem().get(0).getItem().get(1).addAnswer()
			.setValue(new org.hl7.fhir.r4.model.Coding("http://backsafe.org/fhir/CodeSystem/pain-duration", "CHRONIC",
					null));
		QuestionnaireResponse unknownCode = Responses.response(answers);
		unknownCode.getItem().get(1).getItemFirstRep().getAnswerFirstRep()
			.setValue(new org.hl7.fhir.r4.model.Coding("http://terminology.hl7.org/CodeSystem/v2-0136", "MAYBE", null));
		QuestionnaireResponse misplaced = Responses.response(answers);
		misplaced.getItem().get(2).addItem(misplaced.getItem().get(1).getItem().remove(0));
		return List.of(new Malformed("an unknown linkId", write(unknownItem), 422, "HOROSCOPE"),
				new Malformed("a wrong answer type", write(wrongType), 422, "SADDLE_NUMBNESS takes valueCoding"),
				new Malformed("a required question not answered", write(missing), 422, "SADDLE_NUMBNESS is required"),
				new Malformed("a severity out of range", write(outOfRange), 422, "pain.severity must be"),
				new Malformed("two answers to a one-answer question", write(twice), 422, "pain.duration takes one"),
				new Malformed("an answer not in the value set", write(unknownCode), 422, "MAYBE is not one of"),
				new Malformed("an item in the wrong group", write(misplaced), 422, "belongs in the group warning-signs"),
				new Malformed("a response to another questionnaire",
						good.replace(Responses.URL, "http://example.org/Questionnaire/phq-9"), 422, "another questionnaire"),
				new Malformed("an unknown version", good.replace(Responses.URL, Responses.URL + "|7"), 422, "version 7"),
				new Malformed("a response still in progress", good.replace("\"completed\"", "\"in-progress\""), 422,
						"status must be completed"),
				new Malformed("not a QuestionnaireResponse", "{\"resourceType\": \"Patient\"}", 400,
						"not a QuestionnaireResponse"),
				new Malformed("an unknown element", good.replace("\"status\"", "\"mood\": \"good\", \"status\""), 400,
						"not a QuestionnaireResponse"),
				new Malformed("not JSON", "<QuestionnaireResponse/>", 400, "not a QuestionnaireResponse"),
				new Malformed("no body", "", 400, "the body is empty"));
	}

	@Test
	void aMalformedResponseGetsAnOperationOutcomeNamingWhatIsWrong() throws Exception {
		for (Malformed bad : malformed()) {
			MockHttpServletResponse response = screen(bad.body(), "en");
			assertThat(response.getStatus()).as(bad.what()).isEqualTo(bad.status());
			assertThat(response.getContentType()).as(bad.what()).startsWith(FhirJson.MEDIA_TYPE);
			OperationOutcome outcome = FHIR.newJsonParser()
				.parseResource(OperationOutcome.class, response.getContentAsString());
			assertThat(outcome.getIssue()).as(bad.what())
				.anySatisfy((issue) -> assertThat(issue.getDiagnostics()).contains(bad.named()))
				.allSatisfy((issue) -> assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR));
			assertThat(validation.errors(outcome)).as(bad.what()).isEmpty();
		}
		MockHttpServletResponse xml = this.mvc
			.perform(post(SCREEN).contentType("application/fhir+xml").content("<QuestionnaireResponse/>"))
			.andReturn()
			.getResponse();
		assertThat(xml.getStatus()).isEqualTo(415);
		assertThat(xml.getContentAsString()).contains("OperationOutcome", "application/fhir+json");
	}

	@Test
	void theExampleResponseInTheDocsIsValidAndScreensAsTheReadmeExample() throws Exception {
		String example = java.nio.file.Files.readString(java.nio.file.Path.of("docs", "examples",
				"questionnaire-response.json"));
		assertThat(validation.errors(example)).isEmpty();
		MockHttpServletResponse screened = screen(example, "en");
		assertThat(screened.getStatus()).isEqualTo(200);
		ScreeningRequest readme = this.fhir.read(example);
		JsonNode expected = api(readme, "en");
		assertThat(Responses.json(readme)).contains("\"age\": 52", "\"conditions\": [\"EPILEPSY\"]", "FOAM_ROLLER");
		assertThat(assessment(FHIR.newJsonParser().parseResource(Bundle.class, screened.getContentAsString()))
			.getPredictionFirstRep().getOutcome().getCodingFirstRep().getCode())
			.isEqualTo(expected.get("disposition").asString());
	}

	@Test
	void aWarningSignAnsweredYesCountsEvenWhenThePainAreasDoNotAskIt() throws Exception {
		ScreeningRequest noNeckPain = new ScreeningRequest(40, Map.of(), new PainProfile(Set.of(PainArea.LOWER_BACK),
				PainDuration.ACUTE, 3, false, Set.of()), Setting.SELF, Set.of());
		QuestionnaireResponse response = Responses.response(noNeckPain);
		response.getItem().get(1).addItem().setLinkId("NECK_WARNING_SIGNS").addAnswer()
			.setValue(new org.hl7.fhir.r4.model.Coding("http://terminology.hl7.org/CodeSystem/v2-0136", "Y", null));
		MockHttpServletResponse screened = screen(write(response), "en");
		assertThat(screened.getStatus()).isEqualTo(200);
		assertThat(assessment(FHIR.newJsonParser().parseResource(Bundle.class, screened.getContentAsString()))
			.getPredictionFirstRep().getOutcome().getCodingFirstRep().getCode()).isEqualTo("URGENT_CARE");
	}

	@Test
	void staffDownloadAStoredScreeningAsTheSameBundle() throws Exception {
		ScreeningRequest answers = new ScreeningRequest(52,
				Map.of(HealthQuestion.EPILEPSY, Response.YES, HealthQuestion.BLOOD_CLOTTING_DISORDER, Response.UNSURE),
				new PainProfile(Set.of(PainArea.LOWER_BACK, PainArea.NECK_SHOULDERS), PainDuration.CHRONIC, 6, false,
						Set.of(org.backsafe.screening.PainPattern.KNOTS)),
				Setting.SELF, Set.of(org.backsafe.screening.Equipment.FOAM_ROLLER));
		ScreeningResult result = this.screenings.screen(answers);
		KioskScreening stored = this.kiosk.store(answers, result, Locale.ENGLISH);
		String url = "/staff/screenings/" + stored.getDisplayCode() + "/fhir";

		assertThat(this.mvc.perform(get(url)).andReturn().getResponse().getStatus()).as("not logged in").isEqualTo(302);

		MockHttpSession session = (MockHttpSession) this.mvc
			.perform(formLogin("/staff/login").user(StaffLogin.USER).password(StaffLogin.PASSWORD))
			.andExpect(authenticated())
			.andReturn()
			.getRequest()
			.getSession(false);
		for (String language : List.of("en", "es")) {
			MockHttpServletResponse download = this.mvc.perform(get(url).session(session).param("lang", language))
				.andReturn()
				.getResponse();
			assertThat(download.getStatus()).isEqualTo(200);
			assertThat(download.getHeader("Content-Disposition")).startsWith("attachment")
				.contains("backsafe-" + stored.getDisplayCode() + ".json");
			assertThat(download.getHeader("Cache-Control")).isEqualTo("no-store");
			String json = download.getContentAsString();
			assertThat(validation.errors(json)).as(language).isEmpty();
			Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, json);
			QuestionnaireResponse response = (QuestionnaireResponse) bundle.getEntryFirstRep().getResource();
			assertThat(response.getSubject().getIdentifier().getValue()).isEqualTo(stored.getDisplayCode());
			assertThat(this.fhir.read(write(response))).as("the answers read back are the answers stored")
				.isEqualTo(answers);
			RiskAssessment assessment = assessment(bundle);
			assertThat(assessment.getPredictionFirstRep().getOutcome().getCodingFirstRep().getCode())
				.isEqualTo(result.disposition().name());
			assertThat(assessment.getPredictionFirstRep().getOutcome().getText())
				.isEqualTo(stored.wording(Locale.forLanguageTag(language)).orElseThrow().summary());
		}
		Integer exports = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM staff_audit WHERE action = 'EXPORTED' AND reference_code = ?", Integer.class,
				stored.getReferenceCode());
		assertThat(exports).as("each download is audited").isEqualTo(2);
		assertThat(this.mvc.perform(get("/staff/screenings/ZZZZ-ZZZZ/fhir").session(session))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
	}


	/**
	 * The questionnaire as FHIR, fetched over HTTP as a form filler would: valid R4 in both
	 * languages, every code of the vocabulary in it, each text with its translation, and
	 * {@code enableWhen} saying exactly what the web form's rule says.
	 */
	@Nested
	class TheQuestionnaire {

		@Autowired
		MessageSource messages;

		MockHttpServletResponse fetch(String url, String language) throws Exception {
			return FhirScreeningTests.this.mvc.perform(get(url).param("lang", language)).andReturn().getResponse();
		}

		Questionnaire questionnaire(String language) throws Exception {
			MockHttpServletResponse response = fetch("/fhir/Questionnaire/backsafe", language);
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getContentType()).startsWith("application/fhir+json");
			return FHIR.newJsonParser().parseResource(Questionnaire.class, response.getContentAsString());
		}

		static List<QuestionnaireItemComponent> questions(Questionnaire questionnaire) {
			List<QuestionnaireItemComponent> all = new ArrayList<>();
			questionnaire.getItem().forEach((group) -> all.addAll(group.getItem()));
			return all;
		}

		static QuestionnaireItemComponent item(Questionnaire questionnaire, String linkId) {
			return questions(questionnaire).stream().filter((i) -> i.getLinkId().equals(linkId)).findFirst().orElseThrow();
		}

		@ParameterizedTest
		@ValueSource(strings = { "en", "es" })
		void theQuestionnaireIsValidFhirInEachLanguage(String language) throws Exception {
			String json = fetch("/fhir/Questionnaire/backsafe", language).getContentAsString();
			assertThat(validation.errors(json)).isEmpty();
			Questionnaire questionnaire = questionnaire(language);
			assertThat(questionnaire.getLanguage()).isEqualTo(language);
			assertThat(questionnaire.getUrl()).isEqualTo(Responses.URL);
			assertThat(questionnaire.getVersion()).isEqualTo(Integer.toString(Vocabulary.VERSION));
		}

		@Test
		void everyCodeOfTheVocabularyIsAQuestionOrAnAnswer() throws Exception {
			Questionnaire questionnaire = questionnaire("en");
			assertThat(questionnaire.getItem()).extracting(QuestionnaireItemComponent::getLinkId)
				.containsExactly("pain", "warning-signs", "health", "massage");
			for (HealthQuestion question : HealthQuestion.values()) {
				QuestionnaireItemComponent item = item(questionnaire, question.name());
				assertThat(item.getType()).isEqualTo(Questionnaire.QuestionnaireItemType.CHOICE);
				assertThat(item.getRequired()).isTrue();
				assertThat(item.getCodeFirstRep().getCode()).isEqualTo(question.name());
				assertThat(item.getAnswerValueSet()).isEqualTo("#yes-no-unsure");
				assertThat(item.getText()).isEqualTo(this.messages.getMessage("question." + question.name(), null, Locale.ENGLISH));
				String group = questionnaire.getItem()
					.stream()
					.filter((g) -> g.getItem().contains(item))
					.findFirst()
					.orElseThrow()
					.getLinkId();
				assertThat(group).as(question.name()).isEqualTo(question.isWarningSign() ? "warning-signs" : "health");
			}
			assertThat(options(questionnaire, "pain.areas")).containsExactlyElementsOf(codes(PainArea.values()));
			assertThat(options(questionnaire, "pain.duration")).containsExactlyElementsOf(codes(PainDuration.values()));
			assertThat(options(questionnaire, "pain.patterns")).containsExactlyElementsOf(codes(PainPattern.values()));
			assertThat(options(questionnaire, "setting")).containsExactlyElementsOf(codes(Setting.values()));
			assertThat(options(questionnaire, "equipment")).containsExactlyElementsOf(codes(Equipment.values()));
			assertThat(item(questionnaire, "age").getType()).isEqualTo(Questionnaire.QuestionnaireItemType.INTEGER);
			assertThat(item(questionnaire, "pain.severity").getType()).isEqualTo(Questionnaire.QuestionnaireItemType.INTEGER);
			assertThat(item(questionnaire, "pain.worsening").getType()).isEqualTo(Questionnaire.QuestionnaireItemType.BOOLEAN);

			org.hl7.fhir.r4.model.ValueSet answers = (org.hl7.fhir.r4.model.ValueSet) questionnaire.getContained().get(0);
			assertThat(answers.getExpansion().getContains()).extracting((c) -> c.getSystem() + "|" + c.getCode())
				.containsExactly("http://terminology.hl7.org/CodeSystem/v2-0136|Y",
						"http://terminology.hl7.org/CodeSystem/v2-0136|N",
						"http://terminology.hl7.org/CodeSystem/data-absent-reason|asked-unknown");
		}

		static List<String> options(Questionnaire questionnaire, String linkId) {
			return item(questionnaire, linkId).getAnswerOption()
				.stream()
				.map((o) -> ((Coding) o.getValue()).getCode())
				.toList();
		}

		static List<String> codes(Enum<?>[] codes) {
			return Stream.of(codes).map(Enum::name).toList();
		}

		@Test
		void eachTextIsInTheLanguageAskedWithTheOtherAsATranslation() throws Exception {
			Questionnaire english = questionnaire("en");
			Questionnaire spanish = questionnaire("es");
			for (HealthQuestion question : HealthQuestion.values()) {
				QuestionnaireItemComponent en = item(english, question.name());
				QuestionnaireItemComponent es = item(spanish, question.name());
				assertThat(es.getText()).as(question.name())
					.isEqualTo(this.messages.getMessage("question." + question.name(), null, Locale.forLanguageTag("es")));
				assertThat(translation(en.getTextElement().getExtension(), "es")).isEqualTo(es.getText());
				assertThat(translation(es.getTextElement().getExtension(), "en")).isEqualTo(en.getText());
				assertThat(en.getItemFirstRep().getType()).as("its help").isEqualTo(Questionnaire.QuestionnaireItemType.DISPLAY);
				assertThat(en.getItemFirstRep().getText())
					.isEqualTo(this.messages.getMessage("question." + question.name() + ".help", null, Locale.ENGLISH));
			}
		}

		static String translation(List<Extension> extensions, String language) {
			return extensions.stream()
				.filter((e) -> e.getUrl().equals("http://hl7.org/fhir/StructureDefinition/translation"))
				.filter((e) -> e.getExtensionByUrl("lang").getValue().primitiveValue().equals(language))
				.map((e) -> e.getExtensionByUrl("content").getValue().primitiveValue())
				.findFirst()
				.orElse(null);
		}

		@Test
		void enableWhenSaysWhatTheWebFormAsks() throws Exception {
			Questionnaire questionnaire = questionnaire("en");
			for (HealthQuestion question : HealthQuestion.values()) {
				QuestionnaireItemComponent item = item(questionnaire, question.name());
				for (int subset = 0; subset < (1 << PainArea.values().length); subset++) {
					Set<PainArea> areas = EnumSet.noneOf(PainArea.class);
					for (PainArea area : PainArea.values()) {
						if ((subset & (1 << area.ordinal())) != 0) {
							areas.add(area);
						}
					}
					boolean enabled = !item.hasEnableWhen() || item.getEnableWhen()
						.stream()
						.anyMatch((when) -> when.getQuestion().equals("pain.areas")
								&& areas.stream().anyMatch((a) -> a.name().equals(when.getAnswerCoding().getCode())));
					assertThat(enabled).as(question + " with pain in " + areas)
						.isEqualTo(QuestionsThatApply.applies(question, areas));
				}
			}
			assertThat(item(questionnaire, "NECK_WARNING_SIGNS").hasEnableWhen()).as("some question is asked only in some cases")
				.isTrue();
		}

		@Test
		void aSearchByUrlFindsTheQuestionnaireAndNothingElse() throws Exception {
			Bundle found = FHIR.newJsonParser()
				.parseResource(Bundle.class, fetch("/fhir/Questionnaire?url=" + Responses.URL, "en").getContentAsString());
			assertThat(found.getTotal()).isEqualTo(1);
			assertThat(((Questionnaire) found.getEntryFirstRep().getResource()).getUrl()).isEqualTo(Responses.URL);
			assertThat(validation.errors(found)).isEmpty();
			Bundle other = FHIR.newJsonParser()
				.parseResource(Bundle.class,
						fetch("/fhir/Questionnaire?url=http://example.org/Questionnaire/phq-9", "en").getContentAsString());
			assertThat(other.getTotal()).isZero();
			assertThat(other.getEntry()).isEmpty();

			MockHttpServletResponse missing = fetch("/fhir/Questionnaire/phq-9", "en");
			assertThat(missing.getStatus()).isEqualTo(404);
			OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, missing.getContentAsString());
			assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("/fhir/Questionnaire/backsafe");
		}


	}

}
