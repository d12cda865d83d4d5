package org.backsafe.selfscreening;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.backsafe.authoring.SourceLinks;
import org.backsafe.authoring.SourcesProperties;
import org.backsafe.rulebase.CurrentRuleBase;
import org.backsafe.rulebase.RuleBase;
import org.backsafe.rulebase.SourceTable;
import org.backsafe.screening.Disposition;
import org.backsafe.screening.EmergencyNumber;
import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.PainArea;
import org.backsafe.screening.PainDuration;
import org.backsafe.screening.Reason;
import org.backsafe.screening.Response;
import org.backsafe.result.ResultWording;
import org.backsafe.result.WordedResults;
import org.backsafe.screening.RuleBaseInfo;
import org.backsafe.screening.ScreeningRequest;
import org.backsafe.screening.ScreeningResult;
import org.backsafe.screening.ScreeningService;
import org.backsafe.screening.Setting;
import org.backsafe.screening.Technique;
import org.backsafe.screening.TechniqueVerdict;
import org.backsafe.screening.Triage;
import org.backsafe.screening.UrgentAction;
import org.backsafe.screening.Verdict;
import org.backsafe.support.RuleFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
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
@Import({ CurrentScreening.class, Journey.class, ResultWording.class, WordedResults.class, SourceLinks.class })
@EnableConfigurationProperties({ EmergencyNumber.class, SelfScreeningProperties.class, SourcesProperties.class })
// the source documents not served, whatever this machine holds: sources are plain titles and headings
@TestPropertySource(properties = "backsafe.sources.dir=target/no-source-documents")
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
	 * "field=value", or just "field" to leave that field out. Posts each step in turn and returns the
	 * last answer (a redirect to /check when all passed).
	 */
	private org.springframework.test.web.servlet.ResultActions answers(String... overrides) throws Exception {
		Map<String, String[]> fields = allFields(overrides);
		org.springframework.test.web.servlet.ResultActions last = null;
		for (int step = 1; step <= 5; step++) {
			last = this.mvc.perform(step(step, fields));
			if (last.andReturn().getResponse().getRedirectedUrl() == null) {
				return last;
			}
		}
		return last;
	}

	static Map<String, String[]> allFields(String... overrides) {
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
				fields.put(pair[0], pair[1].split(","));
			}
			else {
				fields.remove(pair[0]);
			}
		}
		return fields;
	}

	/** One step's POST with the given fields (the server takes only that step's). */
	private MockHttpServletRequestBuilder step(int number, Map<String, String[]> fields) {
		MockHttpServletRequestBuilder request = post("/step/" + number).session(this.session).with(csrf());
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
	class Steps {

		@Test
		void theFirstStepIsShownEmptyAndMayNotBeCached() throws Exception {
			SelfScreeningControllerTests.this.mvc.perform(get("/").session(SelfScreeningControllerTests.this.session))
				.andExpect(status().isOk())
				.andExpect(view().name(SelfScreeningController.STEP))
				.andExpect(header().string("Cache-Control", "no-store"))
				.andExpect(content().string(allOf(containsString("Step 1 of 5"),
						containsString("Where does it hurt, and for how long?"),
						containsString("<title>Where does it hurt, and for how long? - Step 1 of 5 - Backsafe</title>"),
						containsString("data-session-seconds=\"1200\""), containsString("/js/self-screening"),
						not(containsString("checked")))));
		}

		@Test
		void eachStepLeadsToTheNextWithABackLinkAndTheLastToTheCheckPage() throws Exception {
			Map<String, String[]> fields = allFields();
			for (int step = 1; step <= 5; step++) {
				String page = SelfScreeningControllerTests.this.mvc
					.perform(get("/step/" + step).session(SelfScreeningControllerTests.this.session))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString();
				assertThat(page).contains("Step " + step + " of 5",
						"class=\"back-link\" href=\"" + ((step == 1) ? "/" : "/step/" + (step - 1)) + "\"");
				SelfScreeningControllerTests.this.mvc.perform(step(step, fields))
					.andExpect(redirectedUrl((step < 5) ? "/step/" + (step + 1) : "/check"));
			}
		}

		@Test
		void aLaterStepBeforeTheEarlierOnesAreDoneRedirectsToTheFirstUnanswered() throws Exception {
			SelfScreeningControllerTests.this.mvc.perform(get("/step/4").session(SelfScreeningControllerTests.this.session))
				.andExpect(redirectedUrl("/step/1"));
			SelfScreeningControllerTests.this.mvc.perform(step(1, allFields())).andExpect(redirectedUrl("/step/2"));
			SelfScreeningControllerTests.this.mvc.perform(get("/step/4").session(SelfScreeningControllerTests.this.session))
				.andExpect(redirectedUrl("/step/2"));
			SelfScreeningControllerTests.this.mvc.perform(step(4, allFields())).andExpect(redirectedUrl("/step/2"));
			SelfScreeningControllerTests.this.mvc.perform(get("/check").session(SelfScreeningControllerTests.this.session))
				.andExpect(redirectedUrl("/step/2"));
		}

		@Test
		void aStepIsCheckedOnItsOwnWithTheSummaryLinkingToTheLegendAndTheAnswersKept() throws Exception {
			answers("age=abc", "answers[CANCER]=NOT_SURE", "answers[EPILEPSY]")
				.andExpect(status().isOk())
				.andExpect(view().name(SelfScreeningController.STEP))
				.andExpect(header().string("Cache-Control", "no-store"))
				.andExpect(model().attributeHasFieldErrorCode("screeningForm", "age", "typeMismatch"))
				.andExpect(model().attributeHasFieldErrorCode("screeningForm", "answers[EPILEPSY]",
						"questionnaire.answer.required"))
				.andExpect(content().string(allOf(containsString("<title>Error: About you and your health - Step 3 of 5"),
						containsString("<a href=\"#age\">Enter your age as a number, for example 42</a>"),
						containsString("<a href=\"#answers-EPILEPSY-legend\">Choose Yes, No or Not sure for epilepsy</a>"),
						containsString("id=\"answers-EPILEPSY-legend\" tabindex=\"-1\""),
						containsString("value=\"abc\""),
						containsString("id=\"answers-CANCER-NOT_SURE\" value=\"NOT_SURE\" name=\"answers[CANCER]\" checked"),
						// only this step's errors
						not(containsString("Choose who will give the massage")))));
			verify(SelfScreeningControllerTests.this.screenings, never()).screen(any());
		}

		@Test
		void anAnswerToAnUnknownQuestionIsRejectedNotIgnored() throws Exception {
			answers("answers[NOT_A_QUESTION]=YES").andExpect(status().isOk())
				.andExpect(view().name(SelfScreeningController.STEP))
				.andExpect(content().string(containsString("This answer is not one of the choices")));
		}

		@Test
		void anUnknownAnswerIsRejected() throws Exception {
			answers("answers[SADDLE_NUMBNESS]=MAYBE").andExpect(view().name(SelfScreeningController.STEP))
				.andExpect(model().attributeHasFieldErrorCode("screeningForm", "answers[SADDLE_NUMBNESS]",
						"typeMismatch"));
		}

		@Test
		void noToAllAnswersTheWholeGroupNoAndShowsTheStepAgainWithFocusMovedOn() throws Exception {
			SelfScreeningControllerTests.this.mvc.perform(step(1, allFields())).andExpect(redirectedUrl("/step/2"));
			String page = SelfScreeningControllerTests.this.mvc
				.perform(post("/step/2").param("noToAll", "true").session(SelfScreeningControllerTests.this.session).with(csrf()))
				.andExpect(status().isOk())
				.andExpect(view().name(SelfScreeningController.STEP))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).contains("id=\"answers-SADDLE_NUMBNESS-NO\" value=\"NO\" name=\"answers[SADDLE_NUMBNESS]\" checked")
				.containsPattern("id=\"continue\"[^>]*autofocus");
			// nothing is preset: the next group is still unanswered
			String health = SelfScreeningControllerTests.this.mvc
				.perform(post("/step/2").session(SelfScreeningControllerTests.this.session).with(csrf())
					.params(org.springframework.util.MultiValueMap.fromSingleValue(Map.of())))
				.andReturn().getResponse().getRedirectedUrl();
			assertThat(health).isNull(); // the step's answers came from the server, not this post
			SelfScreeningControllerTests.this.mvc.perform(step(2, allFields())).andExpect(redirectedUrl("/step/3"));
			String step3 = SelfScreeningControllerTests.this.mvc.perform(get("/step/3").session(SelfScreeningControllerTests.this.session))
				.andReturn().getResponse().getContentAsString();
			assertThat(step3).doesNotContain("checked");
			// the person can change one, and age is the next thing to answer
			String again = SelfScreeningControllerTests.this.mvc
				.perform(post("/step/3").param("noToAll", "true").session(SelfScreeningControllerTests.this.session).with(csrf()))
				.andReturn().getResponse().getContentAsString();
			assertThat(again).containsPattern("id=\"age\"[^>]*autofocus");
			SelfScreeningControllerTests.this.mvc.perform(step(3, allFields("answers[EPILEPSY]=YES")))
				.andExpect(redirectedUrl("/step/4"));
		}

		@Test
		void theNecksWarningSignIsAskedOnlyWhenTheNeckHurtsAndIsRecordedAsNoOtherwise() throws Exception {
			given(SelfScreeningControllerTests.this.screenings.screen(any())).willReturn(proceed());
			answers("answers[NECK_WARNING_SIGNS]").andExpect(redirectedUrl("/check"));
			SelfScreeningControllerTests.this.mvc.perform(get("/step/2").session(SelfScreeningControllerTests.this.session))
				.andExpect(content().string(allOf(not(containsString("answers[NECK_WARNING_SIGNS]")),
						containsString("answers[SADDLE_NUMBNESS]"))));
			SelfScreeningControllerTests.this.mvc.perform(get("/check").session(SelfScreeningControllerTests.this.session))
				.andExpect(content().string(not(containsString("answers-NECK_WARNING_SIGNS"))));

			// adding the neck from the check page asks the question before going back
			SelfScreeningControllerTests.this.mvc
				.perform(step(1, allFields("painAreas=NECK_SHOULDERS,LOWER_BACK")).param("change", ""))
				.andExpect(redirectedUrl("/step/2?change"));
			SelfScreeningControllerTests.this.mvc.perform(get("/check").session(SelfScreeningControllerTests.this.session))
				.andExpect(redirectedUrl("/step/2"));
			SelfScreeningControllerTests.this.mvc
				.perform(step(2, allFields("answers[NECK_WARNING_SIGNS]")).param("change", ""))
				.andExpect(model().attributeHasFieldErrorCode("screeningForm", "answers[NECK_WARNING_SIGNS]",
						"questionnaire.answer.required"));
			SelfScreeningControllerTests.this.mvc
				.perform(step(2, allFields("answers[NECK_WARNING_SIGNS]=YES")).param("change", ""))
				.andExpect(redirectedUrl("/check"));
			SelfScreeningControllerTests.this.mvc.perform(post("/check").session(SelfScreeningControllerTests.this.session).with(csrf()));
			ArgumentCaptor<ScreeningRequest> screened = ArgumentCaptor.forClass(ScreeningRequest.class);
			verify(SelfScreeningControllerTests.this.screenings).screen(screened.capture());
			assertThat(screened.getValue().answerTo(HealthQuestion.NECK_WARNING_SIGNS)).isEqualTo(Response.YES);
		}

		@Test
		void aChangeFromTheCheckPageGoesToItsStepAndBackToTheCheckPage() throws Exception {
			answers().andExpect(redirectedUrl("/check"));
			SelfScreeningControllerTests.this.mvc
				.perform(get("/step/3").param("change", "").session(SelfScreeningControllerTests.this.session))
				.andExpect(content().string(allOf(containsString("class=\"back-link\" href=\"/check\""),
						containsString("name=\"change\""), containsString("Save and go back to your answers"))));
			SelfScreeningControllerTests.this.mvc
				.perform(step(3, allFields("answers[PREGNANCY]=YES")).param("change", ""))
				.andExpect(redirectedUrl("/check"));
			SelfScreeningControllerTests.this.mvc.perform(get("/check").session(SelfScreeningControllerTests.this.session))
				.andExpect(content().string(containsString("href=\"/step/3?change#answers-PREGNANCY-legend\"")));
		}

		@Test
		void isInSpanishOnRequestAndTheAnswersAreKept() throws Exception {
			SelfScreeningControllerTests.this.mvc.perform(step(1, allFields()));
			SelfScreeningControllerTests.this.mvc.perform(get("/").param("lang", "es").session(SelfScreeningControllerTests.this.session))
				.andExpect(content().string(allOf(containsString("<html lang=\"es\">"), containsString("Paso 1 de 5"),
						containsString("value=\"LOWER_BACK\" name=\"painAreas\" checked"))));
			// The choice lasts for the session.
			SelfScreeningControllerTests.this.mvc.perform(get("/step/2").session(SelfScreeningControllerTests.this.session))
				.andExpect(content().string(allOf(containsString("<html lang=\"es\">"), containsString("No lo sé"))));
		}

		@Test
		void aLanguageWeDoNotHaveIsIgnored() throws Exception {
			SelfScreeningControllerTests.this.mvc.perform(get("/").param("lang", "fr").header("Accept-Language", "de"))
				.andExpect(content().string(containsString("<html lang=\"en\">")));
		}

		@Test
		void aStepOfASessionThatHasEndedSaysTheAnswersWereClearedAfterTheTimeOut() throws Exception {
			SelfScreeningControllerTests.this.mvc.perform(get("/step/2").with((request) -> {
				request.setRequestedSessionId("ended");
				request.setRequestedSessionIdValid(false);
				return request;
			})).andExpect(redirectedUrl("/timed-out"));
			SelfScreeningControllerTests.this.mvc.perform(get("/timed-out").session(SelfScreeningControllerTests.this.session))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("Your answers were cleared"),
						containsString("for 20 minutes"), containsString("href=\"/\""))));
			assertThat(SelfScreeningControllerTests.this.session.isInvalid()).isTrue();
		}

		@Test
		void keepGoingAnswersWithNothing() throws Exception {
			SelfScreeningControllerTests.this.mvc.perform(post("/still-here").session(SelfScreeningControllerTests.this.session).with(csrf()))
				.andExpect(status().isNoContent());
		}

	}

	@Nested
	class CheckAndResult {

		@Test
		void validAnswersRedirectToTheCheckPageWhichOffersAChangeLinkForEach() throws Exception {
			answers("answers[PREGNANCY]=YES")
				.andExpect(redirectedUrl("/check"));
			SelfScreeningControllerTests.this.mvc.perform(get("/check").session(SelfScreeningControllerTests.this.session))
				.andExpect(status().isOk())
				.andExpect(view().name(SelfScreeningController.CHECK))
				.andExpect(header().string("Cache-Control", "no-store"))
				.andExpect(content().string(allOf(containsString("href=\"/step/3?change#answers-PREGNANCY-legend\""),
						containsString("href=\"/step/1?change#painAreas-legend\""), containsString("href=\"/step/3?change#age\""), containsString("Lower back"),
						containsString("4 out of 10"))));
			verify(SelfScreeningControllerTests.this.screenings, never()).screen(any());
		}

		@Test
		void theCheckedAnswersAreScreenedAsTheyWereGiven() throws Exception {
			given(SelfScreeningControllerTests.this.screenings.screen(any())).willReturn(proceed());
			answers("answers[PREGNANCY]=YES", "answers[CANCER]=NOT_SURE");
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

		/** Someone reading their result can lose it to the time-out too: the result page warns as the steps do. */
		@Test
		void theResultPageWarnsBeforeTheSessionEnds() throws Exception {
			given(SelfScreeningControllerTests.this.screenings.screen(any())).willReturn(Triage.failed(null));
			screen();
			SelfScreeningControllerTests.this.mvc.perform(get("/result").session(SelfScreeningControllerTests.this.session))
				.andExpect(content().string(allOf(containsString("id=\"session-warning\""),
						containsString("data-session-seconds=\"1200\""), containsString("/js/self-screening"))));
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
				.andExpect(content().string(not(containsString("checked"))));
		}

		private void screen() throws Exception {
			answers().andExpect(redirectedUrl("/check"));
			SelfScreeningControllerTests.this.mvc.perform(post("/check").session(SelfScreeningControllerTests.this.session).with(csrf()))
				.andExpect(redirectedUrl("/result"));
		}

	}

	/** Urgent, wait until well and cautious results, each as the fold makes them, on the page. */
	@Nested
	class WhatThePageSaysFirst {

		static final Reason URGENT_ONLY = new Reason(Triage.NO_TECHNIQUE_URGENT, Triage.SAFETY_DESIGN_SOURCE, null);

		static final Reason UNTIL_WELL = new Reason(Triage.NO_TECHNIQUE_UNTIL_WELL, Triage.SAFETY_DESIGN_SOURCE, null);

		static final Reason TIP = new Reason("a-general-tip", "Clinical pack", null);

		static ScreeningResult result(Disposition disposition, UrgentAction action, Reason why,
				List<TechniqueVerdict> techniques) {
			return new ScreeningResult(disposition, action, List.of(why), techniques, List.of(TIP),
					new RuleBaseInfo("abc123", Instant.now()), true, Set.of());
		}

		static List<TechniqueVerdict> all(Verdict verdict, Reason reason) {
			return Arrays.stream(Technique.values())
				.map((t) -> new TechniqueVerdict(t, verdict, false, List.of(reason), List.of()))
				.toList();
		}

		static ScreeningResult urgent(UrgentAction action) {
			return result(Disposition.URGENT_CARE, action,
					new Reason("red-flag-chest", "Clinical pack", HealthQuestion.CHEST_PAIN_OR_BREATHLESSNESS),
					all(Verdict.AVOID, URGENT_ONLY));
		}

		String page(ScreeningResult result, String... language) throws Exception {
			given(SelfScreeningControllerTests.this.screenings.screen(any())).willReturn(result);
			answers().andExpect(redirectedUrl("/check"));
			SelfScreeningControllerTests.this.mvc
				.perform(post("/check").session(SelfScreeningControllerTests.this.session).with(csrf()))
				.andExpect(redirectedUrl("/result"));
			MockHttpServletRequestBuilder get = get("/result").session(SelfScreeningControllerTests.this.session);
			if (language.length > 0) {
				get.param("lang", language[0]);
			}
			return SelfScreeningControllerTests.this.mvc.perform(get)
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
		}

		/** The first heading inside main, as "h1: its words". */
		static String firstHeading(String page) {
			String main = page.substring(page.indexOf("<main"));
			Matcher heading = Pattern.compile("(?s)<h([1-6])[^>]*>(.*?)</h\\1>").matcher(main);
			assertThat(heading.find()).isTrue();
			return "h" + heading.group(1) + ": " + heading.group(2).replaceAll("(?s)<[^>]+>", " ").replaceAll("\\s+", " ").strip();
		}

		static int count(String page, String text) {
			return page.split(Pattern.quote(text), -1).length - 1;
		}

		@Test
		void anUrgentResultSaysFirstAndAloneToCallTheEmergencyNumberWithATapToCallLink() throws Exception {
			String page = page(urgent(UrgentAction.CALL_EMERGENCY_NUMBER));
			assertThat(firstHeading(page)).isEqualTo("h1: Call 112 now. This is the emergency number.");
			assertThat(page).contains("<title>Call 112 now. This is the emergency number. - Your result - Backsafe</title>",
					"href=\"tel:112\"", "Call 112</span>");
			// the action, then the reasons, then one line instead of the twelve cards
			assertThat(page.indexOf("id=\"result-title\"")).isLessThan(page.indexOf("red-flag-chest"));
			assertThat(page.indexOf("red-flag-chest")).isLessThan(page.indexOf("id=\"techniques-title\""));
			assertThat(count(page, "No massage until you have been seen.")).isOne();
			assertThat(page).doesNotContain("class=\"card", "verdict-group", "How to do it safely", "a-general-tip");
			assertThat(page.toLowerCase(Locale.ROOT)).doesNotContain("call your doctor");
		}

		@Test
		void anUrgentResultForTheEmergencyDepartmentAlsoOffersTheNumberForWhoCannotGetThere() throws Exception {
			String page = page(urgent(UrgentAction.GO_TO_EMERGENCY_DEPARTMENT));
			assertThat(firstHeading(page)).isEqualTo("h1: Go to an emergency department now. Do not drive yourself.");
			assertThat(page).containsPattern("<a class=\"call-link\" href=\"tel:112\">(?s).*If you cannot get there safely, call 112");
			assertThat(page.indexOf("Do not drive yourself")).isLessThan(page.indexOf("If you cannot get there safely"));
			assertThat(page.toLowerCase(Locale.ROOT)).doesNotContain("call your doctor");
		}

		@Test
		void anUrgentResultIsSaidInSpanish() throws Exception {
			String page = page(urgent(UrgentAction.CALL_EMERGENCY_NUMBER), "es");
			assertThat(firstHeading(page)).isEqualTo("h1: Llame ahora al 112. Es el número de emergencias.");
			assertThat(page).contains("href=\"tel:112\"", "Llame al 112", "Nada de masaje hasta que le vea un médico.");
			assertThat(page.toLowerCase(Locale.forLanguageTag("es"))).doesNotContain("llame a su médico", "vea a su médico");
		}

		@Test
		void waitingUntilWellHasItsOwnWordsAndOffersNothingToTry() throws Exception {
			String page = page(result(Disposition.WAIT_UNTIL_WELL, null, new Reason("cold", "Clinical pack", null),
					all(Verdict.AVOID, UNTIL_WELL)));
			assertThat(firstHeading(page)).isEqualTo("h1: Your result: Not today: wait until you are well");
			assertThat(page).contains("disposition--WAIT_UNTIL_WELL",
					"Do not have a massage today, and do not try any technique on this page.",
					"You do not need a doctor for this.", "If you get worse or get a fever, see a doctor.",
					"No technique is offered today.", "Not today. Wait until you are well again.")
				.doesNotContain("Each technique says if it suits you", "How to do it safely", "a-general-tip",
						"href=\"tel:");
			String spanish = page(result(Disposition.WAIT_UNTIL_WELL, null, new Reason("cold", "Clinical pack", null),
					all(Verdict.AVOID, UNTIL_WELL)), "es");
			assertThat(firstHeading(spanish)).isEqualTo("h1: Su resultado: Hoy no: espere a encontrarse bien");
			assertThat(spanish).contains("No necesita ir al médico por esto.", "Hoy no se ofrece ninguna técnica.");
		}

		@Test
		void aCautiousResultSaysOnEachCardWhatToChangeAndKeepsATherapistsTechniquesApart() throws Exception {
			Reason light = new Reason("light-pressure-only", "Clinical pack", null);
			Reason howTo = new Reason("how-to-roll", "Clinical pack", null);
			List<TechniqueVerdict> techniques = Arrays.stream(Technique.values()).map((t) -> switch (t) {
				case FOAM_ROLLING, MASSAGE_BALL -> new TechniqueVerdict(t, Verdict.MODIFY, false, List.of(light), List.of(howTo));
				case DEEP_TISSUE -> new TechniqueVerdict(t, Verdict.RECOMMENDED, true,
						List.of(new Reason("deep-tissue-best-with-therapist", "Clinical pack", null)), List.of());
				default -> new TechniqueVerdict(t, Verdict.SUITABLE, false, List.of(), List.of());
			}).toList();
			String page = page(result(Disposition.PROCEED_WITH_CAUTION, null,
					new Reason(Triage.SOME_TECHNIQUES_RESTRICTED, Triage.SAFETY_DESIGN_SOURCE, null), techniques));
			assertThat(page).contains("Massage is possible, with care", "Each technique says if it suits you",
					"Nothing you told us rules these out.", "What to change, and why",
					"How to do it safely, with the change above", "With a trained therapist",
					"Have these done by a trained therapist.", "a-general-tip")
				.doesNotContain("safe for you to try", "href=\"tel:");
			// the change is on both cards, not moved to the heading of their group
			assertThat(count(page, "light-pressure-only")).isEqualTo(2);
			// deep tissue is with the therapist, still marked recommended, and not in the group to try alone
			String therapist = page.substring(page.indexOf("verdict-group--WITH_THERAPIST"));
			assertThat(therapist).contains("card-DEEP_TISSUE");
			String card = therapist.substring(therapist.indexOf("card-DEEP_TISSUE"));
			assertThat(card.substring(0, card.indexOf("</article>"))).contains("<span>Recommended</span>",
					"Best done by a trained therapist, not on your own.");
			assertThat(page.indexOf("card-DEEP_TISSUE")).isGreaterThan(page.indexOf("verdict-group--WITH_THERAPIST"));
		}

	}

}
