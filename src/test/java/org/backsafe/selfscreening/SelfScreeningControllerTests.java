package org.backsafe.selfscreening;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.backsafe.rulebase.CurrentRuleBase;
import org.backsafe.rulebase.RuleBase;
import org.backsafe.rulebase.SourceTable;
import org.backsafe.screening.Disposition;
import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.PainArea;
import org.backsafe.screening.PainDuration;
import org.backsafe.screening.Reason;
import org.backsafe.screening.Response;
import org.backsafe.screening.ResultWording;
import org.backsafe.screening.RuleBaseInfo;
import org.backsafe.screening.ScreeningRequest;
import org.backsafe.screening.ScreeningResult;
import org.backsafe.screening.ScreeningService;
import org.backsafe.screening.Setting;
import org.backsafe.screening.Technique;
import org.backsafe.screening.TechniqueVerdict;
import org.backsafe.screening.Triage;
import org.backsafe.screening.Verdict;
import org.backsafe.support.RuleFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The controller on its own, with the screening service mocked. CSRF and the security headers are
 * tested with the whole application in org.backsafe.system.SecurityHeadersTests: this slice has no
 * Spring Security.
 */
@WebMvcTest(SelfScreeningController.class)
@Import({ CurrentScreening.class, ResultWording.class })
class SelfScreeningControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ScreeningService screenings;

	// ResultWording looks rule wording and sources up here: a rule base with no wording for the
	// results below (so the message bundles word them) and the real table of sources.
	@MockitoBean
	CurrentRuleBase ruleBase;

	static RuleBase withRealSources;

	MockHttpSession session;

	@BeforeAll
	static void realSources(@TempDir Path dir) throws IOException {
		RuleFolder folder = RuleFolder.in(dir).rule("any.drl", "any-rule", "Pain()", "insert(new Advice());");
		for (String table : List.of(SourceTable.FILE, "sources_es.properties")) {
			folder.write(table, Files.readString(RuleFolder.REAL_RULES.resolve(table)));
		}
		withRealSources = folder.compile();
	}

	@BeforeEach
	void newSession() {
		this.session = new MockHttpSession();
		given(this.ruleBase.serving()).willReturn(Optional.of(withRealSources));
	}

	/**
	 * Every field of the form filled in, each health question answered No; each override is
	 * "field=value", or just "field" to leave that field out.
	 */
	private MockHttpServletRequestBuilder answers(String... overrides) {
		Map<String, String[]> fields = new LinkedHashMap<>();
		for (HealthQuestion question : HealthQuestion.values()) {
			fields.put("answers[" + question + "]", new String[] { "NO" });
		}
		fields.put("age", new String[] { "40" });
		fields.put("painAreas", new String[] { "LOWER_BACK", "UPPER_BACK" });
		fields.put("painDuration", new String[] { "ACUTE" });
		fields.put("painSeverity", new String[] { "4" });
		fields.put("painWorsening", new String[] { "false" });
		fields.put("setting", new String[] { "SELF" });
		for (String override : overrides) {
			String[] pair = override.split("=", 2);
			if (pair.length == 2) {
				fields.put(pair[0], new String[] { pair[1] });
			}
			else {
				fields.remove(pair[0]);
			}
		}
		MockHttpServletRequestBuilder request = post("/").session(this.session).with(csrf());
		fields.forEach(request::param);
		return request;
	}

	private static ScreeningResult proceed() {
		List<TechniqueVerdict> verdicts = Arrays.stream(Technique.values())
			.map((t) -> new TechniqueVerdict(t, (t == Technique.SWEDISH) ? Verdict.RECOMMENDED : Verdict.SUITABLE,
					false, List.of(), List.of(new Reason("how-to-" + t, "000_e142765fd6634e76.txt, Swedish Massage", null))))
			.toList();
		return new ScreeningResult(Disposition.PROCEED, null, List.of(), verdicts, List.of(),
				new RuleBaseInfo("abc123", Instant.now()), true, Set.of());
	}

	@Nested
	class Questionnaire {

		@Test
		void isShownEmptyAndMayNotBeCached() throws Exception {
			SelfScreeningControllerTests.this.mvc.perform(get("/").session(SelfScreeningControllerTests.this.session))
				.andExpect(status().isOk())
				.andExpect(view().name(SelfScreeningController.QUESTIONNAIRE))
				.andExpect(header().string("Cache-Control", "no-store"))
				.andExpect(content().string(allOf(containsString("Is massage safe for your back pain?"),
						containsString("A blood clotting disorder"), containsString("such as haemophilia"))));
		}

		@Test
		void withAnErrorIsShownAgainWithTheSummaryAndTheAnswersKept() throws Exception {
			SelfScreeningControllerTests.this.mvc.perform(answers("age=abc", "answers[CANCER]=NOT_SURE", "answers[EPILEPSY]"))
				.andExpect(status().isOk())
				.andExpect(view().name(SelfScreeningController.QUESTIONNAIRE))
				.andExpect(header().string("Cache-Control", "no-store"))
				.andExpect(model().attributeHasFieldErrorCode("screeningForm", "age", "typeMismatch"))
				.andExpect(model().attributeHasFieldErrorCode("screeningForm", "answers[EPILEPSY]",
						"questionnaire.answer.required"))
				.andExpect(content().string(allOf(containsString("<title>Error: "),
						containsString("<a href=\"#age\">Enter your age as a number, for example 42</a>"),
						containsString("<a href=\"#answers-EPILEPSY\">Choose Yes, No or Not sure for epilepsy</a>"),
						containsString("value=\"abc\""),
						containsString("id=\"answers-CANCER-NOT_SURE\" value=\"NOT_SURE\" name=\"answers[CANCER]\" checked"))));
			verify(SelfScreeningControllerTests.this.screenings, never()).screen(any());
		}

		@Test
		void anAnswerToAnUnknownQuestionIsRejectedNotIgnored() throws Exception {
			SelfScreeningControllerTests.this.mvc.perform(answers("answers[NOT_A_QUESTION]=YES"))
				.andExpect(status().isOk())
				.andExpect(view().name(SelfScreeningController.QUESTIONNAIRE))
				.andExpect(content().string(containsString("This answer is not one of the choices")));
		}

		@Test
		void anUnknownAnswerIsRejected() throws Exception {
			SelfScreeningControllerTests.this.mvc.perform(answers("answers[SADDLE_NUMBNESS]=MAYBE"))
				.andExpect(view().name(SelfScreeningController.QUESTIONNAIRE))
				.andExpect(model().attributeHasFieldErrorCode("screeningForm", "answers[SADDLE_NUMBNESS]",
						"typeMismatch"));
		}

		@Test
		void isInSpanishOnRequest() throws Exception {
			SelfScreeningControllerTests.this.mvc.perform(get("/").param("lang", "es").session(SelfScreeningControllerTests.this.session))
				.andExpect(content().string(allOf(containsString("<html lang=\"es\">"),
						containsString("¿Es seguro un masaje para su dolor de espalda?"), containsString("No estoy seguro"))));
			// The choice lasts for the session.
			SelfScreeningControllerTests.this.mvc.perform(get("/").session(SelfScreeningControllerTests.this.session))
				.andExpect(content().string(containsString("<html lang=\"es\">")));
		}

		@Test
		void aLanguageWeDoNotHaveIsIgnored() throws Exception {
			SelfScreeningControllerTests.this.mvc.perform(get("/").param("lang", "fr").header("Accept-Language", "de"))
				.andExpect(content().string(containsString("<html lang=\"en\">")));
		}

	}

	@Nested
	class CheckAndResult {

		@Test
		void validAnswersRedirectToTheCheckPageWhichOffersAChangeLinkForEach() throws Exception {
			SelfScreeningControllerTests.this.mvc.perform(answers("answers[PREGNANCY]=YES"))
				.andExpect(redirectedUrl("/check"));
			SelfScreeningControllerTests.this.mvc.perform(get("/check").session(SelfScreeningControllerTests.this.session))
				.andExpect(status().isOk())
				.andExpect(view().name(SelfScreeningController.CHECK))
				.andExpect(header().string("Cache-Control", "no-store"))
				.andExpect(content().string(allOf(containsString("href=\"/#answers-PREGNANCY\""),
						containsString("href=\"/#painAreas\""), containsString("Lower back"),
						containsString("4 out of 10"))));
			verify(SelfScreeningControllerTests.this.screenings, never()).screen(any());
		}

		@Test
		void theCheckedAnswersAreScreenedAsTheyWereGiven() throws Exception {
			given(SelfScreeningControllerTests.this.screenings.screen(any())).willReturn(proceed());
			SelfScreeningControllerTests.this.mvc.perform(answers("answers[PREGNANCY]=YES", "answers[CANCER]=NOT_SURE"));
			SelfScreeningControllerTests.this.mvc.perform(post("/check").session(SelfScreeningControllerTests.this.session).with(csrf()))
				.andExpect(redirectedUrl("/result"));

			ArgumentCaptor<ScreeningRequest> screened = ArgumentCaptor.forClass(ScreeningRequest.class);
			verify(SelfScreeningControllerTests.this.screenings).screen(screened.capture());
			ScreeningRequest request = screened.getValue();
			assertThat(request.age()).isEqualTo(40);
			assertThat(request.answers()).containsOnlyKeys(HealthQuestion.PREGNANCY, HealthQuestion.CANCER);
			assertThat(request.answerTo(HealthQuestion.CANCER)).isEqualTo(Response.UNSURE);
			assertThat(request.pain().areas()).containsExactlyInAnyOrder(PainArea.LOWER_BACK, PainArea.UPPER_BACK);
			assertThat(request.pain().duration()).isEqualTo(PainDuration.ACUTE);
			assertThat(request.setting()).isEqualTo(Setting.SELF);
		}

		@Test
		void theResultShowsTheDispositionFirstThenTheTechniquesAndMayNotBeCached() throws Exception {
			given(SelfScreeningControllerTests.this.screenings.screen(any())).willReturn(proceed());
			screen();
			String page = SelfScreeningControllerTests.this.mvc.perform(get("/result").session(SelfScreeningControllerTests.this.session))
				.andExpect(status().isOk())
				.andExpect(view().name(SelfScreeningController.RESULT))
				.andExpect(header().string("Cache-Control", "no-store"))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).contains("disposition--PROCEED", "You can try massage", "Swedish massage",
					"Source:", "The Art of Self-Massage: A Guide to Back Pain Relief, &quot;Swedish Massage&quot;",
					"does not replace a doctor", "abc123");
			assertThat(page.indexOf("You can try massage")).isLessThan(page.indexOf("Swedish massage"));
			assertThat(page.indexOf("verdict-group--RECOMMENDED")).isLessThan(page.indexOf("verdict-group--SUITABLE"));
		}

		@Test
		void theResultNamesItsSourcesByTitleNeverByFileName() throws Exception {
			given(SelfScreeningControllerTests.this.screenings.screen(any())).willReturn(proceed());
			screen();
			String page = SelfScreeningControllerTests.this.mvc.perform(get("/result").session(SelfScreeningControllerTests.this.session))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).doesNotContain(".txt")
				.contains("Where this advice comes from", "<cite>The Art of Self-Massage: A Guide to Back Pain Relief</cite>",
						"<cite>Massage Techniques for Relieving Back Pain</cite>", "A document in English",
						"Clinical pack", "Published medical guidance");
			String spanish = SelfScreeningControllerTests.this.mvc
				.perform(get("/result").param("lang", "es").session(SelfScreeningControllerTests.this.session))
				.andReturn()
				.getResponse()
				.getContentAsString();
			// titles stay in their own language; the words around them are translated
			assertThat(spanish).doesNotContain(".txt")
				.contains("The Art of Self-Massage: A Guide to Back Pain Relief, &quot;Swedish Massage&quot;",
						"Un documento en inglés", "Clinical pack (guías clínicas)", "Guías médicas publicadas");
		}

		@Test
		void aFailedScreeningSaysSeeADoctorAndOffersNoTechnique() throws Exception {
			given(SelfScreeningControllerTests.this.screenings.screen(any())).willReturn(Triage.failed(null));
			screen();
			SelfScreeningControllerTests.this.mvc.perform(get("/result").session(SelfScreeningControllerTests.this.session))
				.andExpect(content().string(allOf(containsString("disposition--SEE_DOCTOR"),
						containsString("The screening could not be completed"),
						not(containsString("verdict-group--SUITABLE")), not(containsString("verdict-group--RECOMMENDED")),
						not(containsString("How to do it safely")))));
		}

		@Test
		void pagesOutOfTurnGoBackToTheStart() throws Exception {
			SelfScreeningControllerTests.this.mvc.perform(get("/check")).andExpect(redirectedUrl("/"));
			SelfScreeningControllerTests.this.mvc.perform(get("/result")).andExpect(redirectedUrl("/"));
			SelfScreeningControllerTests.this.mvc.perform(post("/check").with(csrf())).andExpect(redirectedUrl("/"));
			verify(SelfScreeningControllerTests.this.screenings, never()).screen(any());
		}

		@Test
		void startingAgainForgetsTheAnswersAndTheResult() throws Exception {
			given(SelfScreeningControllerTests.this.screenings.screen(any())).willReturn(proceed());
			screen();
			SelfScreeningControllerTests.this.mvc.perform(post("/restart").session(SelfScreeningControllerTests.this.session).with(csrf()))
				.andExpect(redirectedUrl("/"));
			SelfScreeningControllerTests.this.mvc.perform(get("/result").session(SelfScreeningControllerTests.this.session))
				.andExpect(redirectedUrl("/"));
			SelfScreeningControllerTests.this.mvc.perform(get("/").session(SelfScreeningControllerTests.this.session))
				.andExpect(content().string(not(containsString("value=\"40\""))));
		}

		private void screen() throws Exception {
			SelfScreeningControllerTests.this.mvc.perform(answers()).andExpect(redirectedUrl("/check"));
			SelfScreeningControllerTests.this.mvc.perform(post("/check").session(SelfScreeningControllerTests.this.session).with(csrf()))
				.andExpect(redirectedUrl("/result"));
		}

	}

}
