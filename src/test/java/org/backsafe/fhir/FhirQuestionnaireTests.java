package org.backsafe.fhir;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import ca.uhn.fhir.context.FhirContext;
import org.backsafe.questionnaire.QuestionsThatApply;
import org.backsafe.screening.Equipment;
import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.PainArea;
import org.backsafe.screening.PainDuration;
import org.backsafe.screening.PainPattern;
import org.backsafe.screening.Setting;
import org.backsafe.screening.Vocabulary;
import org.backsafe.support.StaffLogin;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The questionnaire as FHIR, fetched over HTTP as a form filler would: valid R4 by HAPI's validator
 * in both languages, every code of the vocabulary in it, each text with its translation, and
 * {@code enableWhen} saying exactly what the web form's rule says.
 */
// the same configuration as StaffPagesTests, so that they share one application context
@SpringBootTest(properties = { StaffLogin.PROPERTY, "backsafe.staff.max-failed-logins=3" })
@AutoConfigureMockMvc
class FhirQuestionnaireTests {

	static final FhirContext FHIR = FhirContext.forR4();

	static FhirValidation validation;

	@Autowired
	MockMvc mvc;

	@Autowired
	MessageSource messages;

	@BeforeAll
	static void validator() {
		validation = FhirValidation.shared();
	}

	MockHttpServletResponse fetch(String url, String language) throws Exception {
		return this.mvc.perform(get(url).param("lang", language)).andReturn().getResponse();
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
