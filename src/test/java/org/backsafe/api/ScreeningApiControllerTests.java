package org.backsafe.api;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.backsafe.rulebase.CurrentRuleBase;
import org.backsafe.screening.Disposition;
import org.backsafe.screening.EmergencyNumber;
import org.backsafe.screening.Equipment;
import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.PainPattern;
import org.backsafe.screening.Reason;
import org.backsafe.screening.Response;
import org.backsafe.result.ResultWording;
import org.backsafe.result.WordedResults;
import org.backsafe.screening.RuleBaseInfo;
import org.backsafe.screening.ScreeningRequest;
import org.backsafe.screening.ScreeningResult;
import org.backsafe.screening.ScreeningService;
import org.backsafe.screening.Technique;
import org.backsafe.screening.TechniqueVerdict;
import org.backsafe.screening.Triage;
import org.backsafe.screening.UrgentAction;
import org.backsafe.screening.Verdict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The API controller alone, with the screening service mocked: how answers are read and handed on,
 * how a result is put into JSON, and how bad input is refused before the service is asked. (The
 * slice has no security; the whole-app test checks the API is open and exempt from CSRF.)
 */
@WebMvcTest(controllers = ScreeningApiController.class, properties = "backsafe.emergency-number=999")
@Import({ ScreeningResponseWriter.class, ApiVocabulary.class, ResultWording.class, WordedResults.class, StrictJson.class })
@EnableConfigurationProperties(EmergencyNumber.class)
class ScreeningApiControllerTests {

	static final String README_EXAMPLE = """
			{"age": 52, "conditions": ["EPILEPSY"], "unsure": [],
			 "pain": {"areas": ["LOWER_BACK"], "duration": "CHRONIC", "severity": 6, "worsening": false,
			          "patterns": ["KNOTS", "GENERAL_STIFFNESS"]},
			 "setting": "SELF", "equipment": ["FOAM_ROLLER"]}
			""";

	static final RuleBaseInfo RULE_BASE = new RuleBaseInfo("0123456789ab", Instant.parse("2026-01-02T03:04:05Z"));

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ScreeningService screenings;

	/** No rule base serves here, so the words come from the app's bundles or say they are missing. */
	@MockitoBean
	CurrentRuleBase current;

	/** A result with a restriction, an indication with how-to, and general advice. */
	static ScreeningResult cautiousResult() {
		Reason restricted = new Reason(Triage.SOME_TECHNIQUES_RESTRICTED, Triage.SAFETY_DESIGN_SOURCE, null);
		List<TechniqueVerdict> techniques = Stream.of(Technique.values()).map((t) -> switch (t) {
			case DEEP_TISSUE -> new TechniqueVerdict(t, Verdict.AVOID, true,
					List.of(new Reason("deep-tissue-not-with-condition", "000, Deep Tissue Massage",
							HealthQuestion.EPILEPSY)),
					List.of());
			case TRIGGER_POINT -> new TechniqueVerdict(t, Verdict.RECOMMENDED, false,
					List.of(new Reason("trigger-point-for-knots", "000, Trigger Point Therapy", null)),
					List.of(new Reason("how-to-trigger-point", "000, Trigger Point Therapy", null)));
			default -> new TechniqueVerdict(t, Verdict.SUITABLE, false, List.of(), List.of());
		}).toList();
		return new ScreeningResult(Disposition.PROCEED_WITH_CAUTION, null, List.of(restricted), techniques,
				List.of(new Reason("warm-up-first", "001, Tips", null)), RULE_BASE, true, Set.of("a-rule"));
	}

	/** A result that withholds every technique, as the fold gives it at this level. */
	static ScreeningResult withholdingResult(Disposition disposition, UrgentAction urgentAction, String reason) {
		List<TechniqueVerdict> techniques = Stream.of(Technique.values())
			.map((t) -> new TechniqueVerdict(t, Verdict.AVOID, false,
					List.of(new Reason(reason, Triage.SAFETY_DESIGN_SOURCE, null)), List.of()))
			.toList();
		return new ScreeningResult(disposition, urgentAction,
				List.of(new Reason("a-referral", "clinical pack", null)), techniques, List.of(), RULE_BASE, true,
				Set.of("a-referral"));
	}

	ResultActions postJson(String body) throws Exception {
		return this.mvc.perform(post(ScreeningApiController.PATH).contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
			.content(body));
	}

	@BeforeEach
	void answerCautiously() {
		given(this.screenings.screen(any())).willReturn(cautiousResult());
	}

	@Nested
	class Screens {

		@Test
		void handsTheServiceTheAnswersAsSent() throws Exception {
			postJson(README_EXAMPLE).andExpect(status().isOk());
			ArgumentCaptor<ScreeningRequest> sent = ArgumentCaptor.forClass(ScreeningRequest.class);
			verify(ScreeningApiControllerTests.this.screenings).screen(sent.capture());
			ScreeningRequest request = sent.getValue();
			assertThat(request.age()).isEqualTo(52);
			assertThat(request.answers()).containsOnlyKeys(HealthQuestion.EPILEPSY)
				.containsValue(Response.YES);
			assertThat(request.pain().patterns()).containsOnly(PainPattern.KNOTS, PainPattern.GENERAL_STIFFNESS);
			assertThat(request.equipment()).containsOnly(Equipment.FOAM_ROLLER);
		}

		@Test
		void answersWithTheResultInJson() throws Exception {
			postJson(README_EXAMPLE).andExpect(status().isOk())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
				.andExpect(jsonPath("$.disposition").value("PROCEED_WITH_CAUTION"))
				.andExpect(jsonPath("$.summary").value("Massage is possible, but avoid or change some techniques."))
				.andExpect(jsonPath("$.reasons[0].rule").value(Triage.SOME_TECHNIQUES_RESTRICTED))
				.andExpect(jsonPath("$.reasons[0].text").value(containsString("Some techniques")))
				.andExpect(jsonPath("$.reasons[0].source").value(Triage.SAFETY_DESIGN_SOURCE))
				.andExpect(jsonPath("$.techniques", hasSize(12)))
				.andExpect(jsonPath("$.techniques[0].technique").value("SWEDISH"))
				.andExpect(jsonPath("$.techniques[0].name").value("Swedish massage"))
				.andExpect(jsonPath("$.techniques[0].verdict").value("SUITABLE"))
				.andExpect(jsonPath("$.techniques[1].verdict").value("AVOID"))
				.andExpect(jsonPath("$.techniques[1].professionalOnly").value(true))
				.andExpect(jsonPath("$.techniques[1].reasons[0].rule").value("deep-tissue-not-with-condition"))
				.andExpect(jsonPath("$.techniques[2].howTo[0].rule").value("how-to-trigger-point"))
				.andExpect(jsonPath("$.advice[0].source").value("001, Tips"))
				.andExpect(jsonPath("$.ruleBase.version").value("0123456789ab"))
				.andExpect(jsonPath("$.ruleBase.loadedAt").value("2026-01-02T03:04:05Z"))
				// the internal list of fired rules is not part of the API
				.andExpect(jsonPath("$.firedRules").doesNotExist())
				.andExpect(jsonPath("$.completed").doesNotExist());
		}

		@Test
		void inSpanishWhenAskedFor() throws Exception {
			ScreeningApiControllerTests.this.mvc
				.perform(post(ScreeningApiController.PATH).contentType(MediaType.APPLICATION_JSON)
					.header(HttpHeaders.ACCEPT_LANGUAGE, "es")
					.content(README_EXAMPLE))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.summary").value("Puede darse un masaje, pero evite o cambie algunas técnicas."))
				.andExpect(jsonPath("$.techniques[0].name").value("Masaje sueco"));
		}

		@Test
		void noUrgentFieldsUnlessUrgent() throws Exception {
			postJson(README_EXAMPLE).andExpect(status().isOk())
				.andExpect(jsonPath("$.urgentAction").doesNotExist())
				.andExpect(jsonPath("$.urgentActionText").doesNotExist())
				.andExpect(jsonPath("$.emergencyNumber").doesNotExist());
		}

		@Test
		void anUrgentResultSaysWhatToDoNowWithTheConfiguredNumber() throws Exception {
			given(ScreeningApiControllerTests.this.screenings.screen(any())).willReturn(withholdingResult(
					Disposition.URGENT_CARE, UrgentAction.CALL_EMERGENCY_NUMBER, Triage.NO_TECHNIQUE_URGENT));
			postJson(README_EXAMPLE).andExpect(status().isOk())
				.andExpect(jsonPath("$.disposition").value("URGENT_CARE"))
				.andExpect(jsonPath("$.urgentAction").value("CALL_EMERGENCY_NUMBER"))
				.andExpect(jsonPath("$.urgentActionText").value("Call 999 now. This is the emergency number."))
				.andExpect(jsonPath("$.emergencyNumber").value("999"))
				.andExpect(jsonPath("$.summary").value("Get medical care now. Do not have a massage."))
				.andExpect(jsonPath("$.techniques", hasSize(12)));
		}

		@Test
		void anUrgentResultInSpanish() throws Exception {
			given(ScreeningApiControllerTests.this.screenings.screen(any())).willReturn(withholdingResult(
					Disposition.URGENT_CARE, UrgentAction.GO_TO_EMERGENCY_DEPARTMENT, Triage.NO_TECHNIQUE_URGENT));
			ScreeningApiControllerTests.this.mvc
				.perform(post(ScreeningApiController.PATH).contentType(MediaType.APPLICATION_JSON)
					.header(HttpHeaders.ACCEPT_LANGUAGE, "es")
					.content(README_EXAMPLE))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.urgentAction").value("GO_TO_EMERGENCY_DEPARTMENT"))
				.andExpect(jsonPath("$.urgentActionText").value("Vaya ahora a urgencias. No conduzca usted."))
				.andExpect(jsonPath("$.emergencyNumber").value("999"));
		}

		@Test
		void waitUntilWellFlowsThroughLikeTheOtherLevels() throws Exception {
			given(ScreeningApiControllerTests.this.screenings.screen(any())).willReturn(
					withholdingResult(Disposition.WAIT_UNTIL_WELL, null, Triage.NO_TECHNIQUE_UNTIL_WELL));
			postJson(README_EXAMPLE).andExpect(status().isOk())
				.andExpect(jsonPath("$.disposition").value("WAIT_UNTIL_WELL"))
				.andExpect(jsonPath("$.summary").value("Not today: wait until you are well. No massage until then."))
				.andExpect(jsonPath("$.techniques[?(@.verdict != 'AVOID')]", hasSize(0)))
				.andExpect(jsonPath("$.techniques[0].reasons[0].text").value("Not today. Wait until you are well again."))
				.andExpect(jsonPath("$.urgentAction").doesNotExist());
		}

		@Test
		void theFailSafeResultWhenNoRuleBaseServed() throws Exception {
			given(ScreeningApiControllerTests.this.screenings.screen(any())).willReturn(Triage.failed(null));
			postJson(README_EXAMPLE).andExpect(status().isOk())
				.andExpect(jsonPath("$.disposition").value("SEE_DOCTOR"))
				.andExpect(jsonPath("$.reasons[0].rule").value(Triage.NOT_COMPLETED))
				.andExpect(jsonPath("$.techniques[*].verdict", hasSize(12)))
				.andExpect(jsonPath("$.techniques[?(@.verdict != 'AVOID')]", hasSize(0)))
				.andExpect(jsonPath("$.ruleBase.version").value(nullValue()));
		}

		@Test
		void wordsForARuleWithNoWordingSayTheyAreMissing() throws Exception {
			postJson(README_EXAMPLE).andExpect(jsonPath("$.techniques[1].reasons[0].text")
				.value("(Rule deep-tissue-not-with-condition has no wording.)"));
		}

	}

	@Nested
	class Refuses {

		ResultActions badRequest(String body) throws Exception {
			ResultActions result = postJson(body).andExpect(status().isBadRequest())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.status").value(400))
				.andExpect(content().string(not(containsString("Exception"))));
			verifyNoInteractions(ScreeningApiControllerTests.this.screenings);
			return result;
		}

		@Test
		void anUnknownCodeNamingItsField() throws Exception {
			badRequest(README_EXAMPLE.replace("\"EPILEPSY\"", "\"EPILEPSY\", \"HEADACHE\""))
				.andExpect(jsonPath("$.type").value(ApiProblems.INVALID_ANSWERS.toString()))
				.andExpect(jsonPath("$.title").value("Invalid answers"))
				.andExpect(jsonPath("$.errors[0].field").value("conditions[1]"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("\"HEADACHE\" is not a known code")));
		}

		@Test
		void everyBadFieldAtOnce() throws Exception {
			badRequest("""
					{"age": 200, "conditions": ["NOPE"], "pain": {"areas": [], "duration": "FOREVER", "severity": 11,
					 "worsening": false}, "setting": "GYM", "extra": 1}
					""")
				.andExpect(jsonPath("$.detail").value("7 answers are not valid."))
				.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("extra", "age",
						"conditions[0]", "pain.areas", "pain.duration", "pain.severity", "setting")));
		}

		@Test
		void aWrongTypeNamingItsField() throws Exception {
			badRequest(README_EXAMPLE.replace("\"severity\": 6", "\"severity\": \"six\""))
				.andExpect(jsonPath("$.errors[0].field").value("pain.severity"))
				.andExpect(jsonPath("$.errors[0].message").value("has the wrong type: expected a whole number"));
		}

		@Test
		void malformedJson() throws Exception {
			badRequest("{\"age\": 52,").andExpect(jsonPath("$.detail").value("The body is not well-formed JSON."))
				.andExpect(jsonPath("$.type").value(ApiProblems.UNREADABLE_BODY.toString()));
		}

		@Test
		void anEmptyBody() throws Exception {
			badRequest("").andExpect(jsonPath("$.title").value("Unreadable body"));
		}

		@Test
		void aBodyThatIsNotJson() throws Exception {
			ScreeningApiControllerTests.this.mvc
				.perform(post(ScreeningApiController.PATH).contentType(MediaType.TEXT_PLAIN).content("age=52"))
				.andExpect(status().isUnsupportedMediaType())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
			verifyNoInteractions(ScreeningApiControllerTests.this.screenings);
		}

		@Test
		void aBodyTooLarge() throws Exception {
			String padding = " ".repeat(RequestSizeLimit.MAX_BODY_BYTES);
			postJson(README_EXAMPLE + padding).andExpect(status().isPayloadTooLarge())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.status").value(413));
			verifyNoInteractions(ScreeningApiControllerTests.this.screenings);
		}

		@Test
		void aBodyJustUnderTheLimitIsRead() throws Exception {
			String body = README_EXAMPLE.strip();
			String padded = body + " ".repeat(RequestSizeLimit.MAX_BODY_BYTES - body.length());
			postJson(padded).andExpect(status().isOk());
		}

		@Test
		void aGetWithProblemDetails() throws Exception {
			ScreeningApiControllerTests.this.mvc.perform(get(ScreeningApiController.PATH))
				.andExpect(status().isMethodNotAllowed())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		}

	}

}
