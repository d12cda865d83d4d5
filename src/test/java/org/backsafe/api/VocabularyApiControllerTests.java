package org.backsafe.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.backsafe.rulebase.CurrentRuleBase;
import org.backsafe.screening.Disposition;
import org.backsafe.screening.EmergencyNumber;
import org.backsafe.screening.Equipment;
import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.PainArea;
import org.backsafe.screening.PainDuration;
import org.backsafe.screening.PainPattern;
import org.backsafe.result.ResultWording;
import org.backsafe.screening.Setting;
import org.backsafe.screening.Technique;
import org.backsafe.screening.UrgentAction;
import org.backsafe.screening.Verdict;
import org.backsafe.screening.Vocabulary;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code GET /api/v1/vocabulary} with the application's real message bundles: every code, once, in
 * its order, with its kind, its words and the version that added it. (Whether each code listed is
 * accepted by the screening is checked over HTTP on the whole app, in BacksafeHttpTests.)
 */
@WebMvcTest(VocabularyApiController.class)
@Import({ ApiVocabulary.class, ResultWording.class })
@EnableConfigurationProperties(EmergencyNumber.class)
class VocabularyApiControllerTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** Each list of the answer, and the codes it must hold in this order. */
	static final Map<String, Enum<?>[]> LISTS = Map.of("healthQuestions", HealthQuestion.values(), "painPatterns",
			PainPattern.values(), "painAreas", PainArea.values(), "durations", PainDuration.values(), "settings",
			Setting.values(), "equipment", Equipment.values(), "dispositions", Disposition.values(), "verdicts",
			Verdict.values(), "techniques", Technique.values(), "urgentActions", UrgentAction.values());

	@Autowired
	MockMvc mvc;

	@MockitoBean
	CurrentRuleBase current;

	@Autowired
	MessageSource messages;

	JsonNode vocabulary(MockHttpServletRequestBuilder request) throws Exception {
		String body = this.mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return JSON.readTree(body);
	}

	JsonNode english() throws Exception {
		return vocabulary(get(VocabularyApiController.PATH));
	}

	static List<String> codes(JsonNode list) {
		List<String> codes = new ArrayList<>();
		list.forEach((c) -> codes.add(c.get("code").asString()));
		return codes;
	}

	static JsonNode entry(JsonNode list, String code) {
		for (JsonNode entry : list) {
			if (entry.get("code").asString().equals(code)) {
				return entry;
			}
		}
		throw new AssertionError(code + " is not listed");
	}

	@Nested
	class Lists {

		@Test
		void theCurrentVersionAtTheTop() throws Exception {
			JsonNode vocabulary = english();
			assertThat(vocabulary.get("version").asInt()).isEqualTo(Vocabulary.VERSION).isEqualTo(2);
			assertThat(vocabulary.get("language").asString()).isEqualTo("en");
			assertThat(vocabulary.propertyNames()).containsExactly("version", "language", "healthQuestions",
					"painPatterns", "painAreas", "durations", "settings", "equipment", "dispositions", "verdicts",
					"techniques", "urgentActions");
		}

		@Test
		void everyHealthQuestionExactlyOnceWithItsKindAndVersion() throws Exception {
			JsonNode questions = english().get("healthQuestions");
			assertThat(codes(questions)).doesNotHaveDuplicates()
				.containsExactlyElementsOf(Stream.of(HealthQuestion.values()).map(Enum::name).toList());
			for (HealthQuestion question : HealthQuestion.values()) {
				JsonNode entry = entry(questions, question.name());
				assertThat(entry.get("kind").asString()).as(question.name()).isEqualTo(question.getKind().name());
				assertThat(entry.get("since").asInt()).as(question.name()).isEqualTo(question.getSince());
				assertThat(entry.get("text").asString()).as(question.name())
					.isEqualTo(messages("question." + question, Locale.ENGLISH));
				String help = VocabularyApiControllerTests.this.messages.getMessage("question." + question + ".help",
						null, null, Locale.ENGLISH);
				if (help == null) {
					assertThat(entry.has("help")).as(question + " has no help text").isFalse();
				}
				else {
					assertThat(entry.get("help").asString()).as(question.name()).isEqualTo(help);
				}
			}
			assertThat(entry(questions, "SADDLE_NUMBNESS").get("kind").asString()).isEqualTo("WARNING_SIGN");
			assertThat(entry(questions, "CHEST_PAIN_OR_BREATHLESSNESS").get("since").asInt()).isEqualTo(2);
			assertThat(entry(questions, "EPILEPSY").get("kind").asString()).isEqualTo("CONDITION");
			assertThat(entry(questions, "EPILEPSY").get("since").asInt()).isEqualTo(1);
		}

		@Test
		void everyCodeOfEveryListInItsOrderWithWords() throws Exception {
			JsonNode vocabulary = english();
			LISTS.forEach((name, values) -> {
				JsonNode list = vocabulary.get(name);
				assertThat(codes(list)).as(name)
					.containsExactlyElementsOf(Stream.of(values).map(Enum::name).toList());
				list.forEach((entry) -> {
					String code = entry.get("code").asString();
					assertThat(entry.get("text").asString()).as(name + " " + code).isNotBlank().isNotEqualTo(code);
					assertThat(entry.get("since").asInt()).as(name + " " + code).isBetween(1, Vocabulary.VERSION);
				});
			});
		}

		@Test
		void whatVersionTwoAddedSaysSo() throws Exception {
			JsonNode vocabulary = english();
			assertThat(entry(vocabulary.get("dispositions"), "WAIT_UNTIL_WELL").get("since").asInt()).isEqualTo(2);
			assertThat(entry(vocabulary.get("dispositions"), "URGENT_CARE").get("since").asInt()).isEqualTo(1);
			vocabulary.get("urgentActions").forEach((a) -> assertThat(a.get("since").asInt()).isEqualTo(2));
			for (String list : List.of("painPatterns", "painAreas", "durations", "settings", "equipment", "verdicts",
					"techniques")) {
				vocabulary.get(list).forEach((c) -> assertThat(c.get("since").asInt()).as(list).isEqualTo(1));
			}
		}

		@Test
		void outputsWordedAsTheScreeningAnswerWordsThem() throws Exception {
			JsonNode vocabulary = english();
			assertThat(entry(vocabulary.get("dispositions"), "WAIT_UNTIL_WELL").get("text").asString())
				.isEqualTo(messages("disposition.WAIT_UNTIL_WELL.summary", Locale.ENGLISH));
			assertThat(entry(vocabulary.get("urgentActions"), "CALL_EMERGENCY_NUMBER").get("text").asString())
				.isEqualTo("Call 112 now. This is the emergency number.");
			assertThat(entry(vocabulary.get("techniques"), "SWEDISH").get("text").asString())
				.isEqualTo("Swedish massage");
			assertThat(entry(vocabulary.get("verdicts"), "AVOID").get("text").asString()).isEqualTo("Avoid");
		}

	}

	@Nested
	class Languages {

		@Test
		void spanishByAcceptLanguage() throws Exception {
			JsonNode english = english();
			JsonNode spanish = vocabulary(get(VocabularyApiController.PATH).header(HttpHeaders.ACCEPT_LANGUAGE, "es"));
			assertThat(spanish.get("language").asString()).isEqualTo("es");
			String englishText = entry(english.get("healthQuestions"), "SADDLE_NUMBNESS").get("text").asString();
			String spanishText = entry(spanish.get("healthQuestions"), "SADDLE_NUMBNESS").get("text").asString();
			assertThat(spanishText).isNotBlank()
				.isNotEqualTo(englishText)
				.isEqualTo(messages("question.SADDLE_NUMBNESS", Locale.forLanguageTag("es")));
			assertThat(entry(spanish.get("techniques"), "SWEDISH").get("text").asString()).isEqualTo("Masaje sueco");
			// The codes and versions do not change with the language.
			assertThat(codes(spanish.get("healthQuestions"))).isEqualTo(codes(english.get("healthQuestions")));
			assertThat(spanish.get("version")).isEqualTo(english.get("version"));
		}

		@Test
		void spanishByTheLangParameter() throws Exception {
			JsonNode spanish = vocabulary(get(VocabularyApiController.PATH).param("lang", "es"));
			assertThat(spanish.get("language").asString()).isEqualTo("es");
			assertThat(entry(spanish.get("techniques"), "SWEDISH").get("text").asString()).isEqualTo("Masaje sueco");
		}

		@Test
		void anUnknownLanguageGetsEnglish() throws Exception {
			JsonNode english = english();
			for (MockHttpServletRequestBuilder request : List.of(get(VocabularyApiController.PATH).param("lang", "xx"),
					get(VocabularyApiController.PATH).param("lang", "<b>"),
					get(VocabularyApiController.PATH).header(HttpHeaders.ACCEPT_LANGUAGE, "fr-FR, de;q=0.5"))) {
				JsonNode answer = vocabulary(request);
				assertThat(answer.get("language").asString()).isEqualTo("en");
				assertThat(answer.get("healthQuestions")).isEqualTo(english.get("healthQuestions"));
			}
		}

	}

	String messages(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

}
