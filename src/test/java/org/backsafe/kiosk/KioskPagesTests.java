package org.backsafe.kiosk;

import java.util.Locale;
import java.util.Map;

import org.backsafe.questionnaire.Section;
import org.backsafe.screening.HealthQuestion;
import org.backsafe.support.StaffLogin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The kiosk's pages through the whole app: headers, the flow's guards, and a failure to store. */
// the same configuration as StaffSecurityTests, so both share one application context
@SpringBootTest(properties = { StaffLogin.PROPERTY, "backsafe.staff.max-failed-logins=3" })
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class KioskPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	MockHttpSession started() throws Exception {
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(post("/kiosk/start").session(session).with(csrf()))
			.andExpect(redirectedUrl("/kiosk/questions/warningSigns"));
		return session;
	}

	MockHttpServletRequestBuilder answer(Section section, MockHttpSession session, Map<String, String> fields) {
		MockHttpServletRequestBuilder request = post("/kiosk/questions/" + section.getFragment()).session(session)
			.with(csrf());
		fields.forEach(request::param);
		return request;
	}

	MockHttpSession answeredAll() throws Exception {
		return answered(Map.of(HealthQuestion.PREGNANCY, "NOT_SURE"));
	}

	/** Every screen but the last answered; each question not given is answered No. */
	MockHttpSession answered(Map<HealthQuestion, String> answers) throws Exception {
		MockHttpSession session = started();
		MockHttpServletRequestBuilder warning = answer(Section.WARNING_SIGNS, session, Map.of());
		Section.WARNING_SIGNS.getQuestions()
			.forEach((q) -> warning.param("answers[" + q.name() + "]", answers.getOrDefault(q, "NO")));
		this.mvc.perform(warning).andExpect(redirectedUrl("/kiosk/questions/health"));
		MockHttpServletRequestBuilder health = answer(Section.HEALTH, session, Map.of("age", "30"));
		Section.HEALTH.getQuestions()
			.forEach((q) -> health.param("answers[" + q.name() + "]", answers.getOrDefault(q, "NO")));
		this.mvc.perform(health).andExpect(redirectedUrl("/kiosk/questions/pain"));
		this.mvc
			.perform(answer(Section.PAIN, session, Map.of("painAreas", "UPPER_BACK", "painDuration", "ACUTE",
					"painSeverity", "3", "painWorsening", "false")))
			.andExpect(redirectedUrl("/kiosk/questions/massage"));
		return session;
	}

	@Test
	void kioskPagesAreNeverCachedOrFramedAndAllowNoInlineCode() throws Exception {
		MockHttpSession session = started();
		this.mvc.perform(get("/kiosk/questions/warningSigns").session(session))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andExpect(header().string("Content-Security-Policy",
					allOf(containsString("frame-ancestors 'none'"), containsString("script-src 'self'"),
							not(containsString("unsafe-inline")))))
			.andExpect(header().string("Referrer-Policy", "no-referrer"))
			.andExpect(content().string(containsString("autocomplete=\"off\"")))
			.andExpect(content().string(containsString("data-idle-seconds=\"60\"")))
			.andExpect(content().string(not(containsString("<script>"))))
			.andExpect(content().string(not(containsString(" style=\""))));
	}

	@Test
	void anUnansweredScreenIsShownAgainWithItsErrors() throws Exception {
		MockHttpSession session = started();
		this.mvc.perform(answer(Section.WARNING_SIGNS, session, Map.of()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("error-summary")));
	}

	@Test
	void noToAllAnswersTheWholeGroupNoAndKeepsAnAnswerAlreadyGivenElsewhere() throws Exception {
		MockHttpSession session = started();
		String before = this.mvc.perform(get("/kiosk/questions/warningSigns").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(before).as("nothing preset").doesNotContain("checked=\"checked\"");
		this.mvc.perform(answer(Section.WARNING_SIGNS, session, Map.of("go", "none")))
			.andExpect(redirectedUrl("/kiosk/questions/warningSigns"));
		String after = this.mvc.perform(get("/kiosk/questions/warningSigns").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		for (HealthQuestion question : Section.WARNING_SIGNS.getQuestions()) {
			assertThat(checked(after, "answers-" + question.name() + "-NO")).as(question.name()).isTrue();
		}
		// the patient changes one, goes on, and "No to all" on the next screen leaves it alone
		MockHttpServletRequestBuilder changed = answer(Section.WARNING_SIGNS, session,
				Map.of("answers[SADDLE_NUMBNESS]", "YES"));
		Section.WARNING_SIGNS.getQuestions()
			.stream()
			.filter((q) -> q != HealthQuestion.SADDLE_NUMBNESS)
			.forEach((q) -> changed.param("answers[" + q.name() + "]", "NO"));
		this.mvc.perform(changed).andExpect(redirectedUrl("/kiosk/questions/health"));
		this.mvc.perform(answer(Section.HEALTH, session, Map.of("go", "none", "age", "41")))
			.andExpect(redirectedUrl("/kiosk/questions/health"));
		String warningSigns = this.mvc.perform(get("/kiosk/questions/warningSigns").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(checked(warningSigns, "answers-SADDLE_NUMBNESS")).isTrue();
		assertThat(checked(warningSigns, "answers-SADDLE_NUMBNESS-NO")).isFalse();
		String health = this.mvc.perform(get("/kiosk/questions/health").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(health).contains("value=\"41\"");
		assertThat(checked(health, "answers-CANCER-NO")).isTrue();
	}

	/** Whether the page's input with this id is checked. */
	static boolean checked(String page, String id) {
		java.util.regex.Matcher input = java.util.regex.Pattern.compile("<input[^>]*\\bid=\"" + id + "\"[^>]*>").matcher(page);
		assertThat(input.find()).as("an input " + id).isTrue();
		return input.group().contains("checked");
	}

	@Test
	void anAgeThatIsNotANumberOrOutOfRangeIsRefusedWithAClearMessage() throws Exception {
		MockHttpSession session = answered(Map.of());
		for (String age : new String[] { "abc", "121", "-1" }) {
			MockHttpServletRequestBuilder health = answer(Section.HEALTH, session, Map.of("age", age));
			Section.HEALTH.getQuestions().forEach((q) -> health.param("answers[" + q.name() + "]", "NO"));
			String page = this.mvc.perform(health)
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).as(age).contains("id=\"age-error\"").containsAnyOf("Enter your age as a number", "from 0 to 120");
			assertThat(page).contains("inputmode=\"numeric\"").contains("pattern=\"[0-9]*\"").doesNotContain("<select");
		}
	}

	@Test
	void skippingScreensLeadsBackToTheFirstUnanswered() throws Exception {
		MockHttpSession session = started();
		this.mvc.perform(answer(Section.MASSAGE, session, Map.of("setting", "SELF")))
			.andExpect(redirectedUrl("/kiosk/questions/warningSigns"));
	}

	@Test
	void aFormSentAfterTheSessionEndedGoesBackToTheStart() throws Exception {
		MockHttpSession session = started();
		this.mvc.perform(post("/kiosk/questions/warningSigns").session(session).param("_csrf", "stale"))
			.andExpect(redirectedUrl("/kiosk"));
		assertThat(session.isInvalid()).isTrue();
	}

	@Test
	void aTapOnINeedMoreTimeKeepsTheVisit() throws Exception {
		MockHttpSession session = started();
		this.mvc.perform(post("/kiosk/still-here").session(session).with(csrf())).andExpect(status().isNoContent());
		assertThat(session.isInvalid()).isFalse();
		this.mvc.perform(get("/kiosk/questions/warningSigns").session(session)).andExpect(status().isOk());
	}

	@Test
	void aResetEndsTheSessionAndClearsTheBrowsersCopies() throws Exception {
		MockHttpSession session = started();
		this.mvc.perform(post("/kiosk/reset").session(session).with(csrf()))
			.andExpect(redirectedUrl("/kiosk"))
			.andExpect(header().string("Clear-Site-Data", "\"cache\""));
		assertThat(session.isInvalid()).isTrue();
		this.mvc.perform(get("/kiosk/questions/health")).andExpect(redirectedUrl("/kiosk"));
	}

	@Test
	void theHandoffShowsTheCodeOfTheStoredScreening() throws Exception {
		MockHttpSession session = answeredAll();
		this.mvc.perform(answer(Section.MASSAGE, session, Map.of("setting", "SELF")))
			.andExpect(redirectedUrl("/kiosk/handoff"));
		String page = this.mvc.perform(get("/kiosk/handoff").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// the handoff clears itself: 90 s in all, of which the last 30 are the warning
		assertThat(page).contains("data-idle-seconds=\"60\"", "data-warning-seconds=\"30\"");
		// the reasons are cited as a person reads them: by the documents' titles, never by file name
		// (a doctor first cites 001_3749b9a02460a9d9.txt, "When to Avoid Massage")
		assertThat(page).contains("Massage Techniques for Relieving Back Pain, &quot;When to Avoid Massage&quot;")
			.doesNotContain(".txt");
		java.util.regex.Matcher code = java.util.regex.Pattern.compile("id=\"kiosk-code\">([^<]+)<").matcher(page);
		assertThat(code.find()).isTrue();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM kiosk_screening WHERE reference_code = ?",
				Integer.class, code.group(1).replace("-", "")))
			.isEqualTo(1);
	}

	@Test
	void whenStoringFailsThePatientIsSentToReceptionAndTheErrorIsLogged(CapturedOutput output) throws Exception {
		MockHttpSession session = answeredAll();
		Integer before = this.jdbc.queryForObject("SELECT COUNT(*) FROM kiosk_screening", Integer.class);
		// a real failure of the database, not a stand-in: the table is briefly not there
		this.jdbc.execute("ALTER TABLE kiosk_screening RENAME TO kiosk_screening_away");
		try {
			this.mvc.perform(answer(Section.MASSAGE, session, Map.of("setting", "SELF")))
				.andExpect(redirectedUrl("/kiosk/handoff"));
		}
		finally {
			this.jdbc.execute("ALTER TABLE kiosk_screening_away RENAME TO kiosk_screening");
		}
		this.mvc.perform(get("/kiosk/handoff").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Please go to reception")))
			.andExpect(content().string(not(containsString("id=\"kiosk-code\""))))
			// what the patient needs to know is still shown: not sure about pregnancy means a doctor first
			.andExpect(content().string(containsString("disposition--SEE_DOCTOR")));
		assertThat(output).contains("A kiosk screening could not be stored");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM kiosk_screening", Integer.class)).isEqualTo(before);
	}

	String handoff(Map<HealthQuestion, String> answers, String... language) throws Exception {
		MockHttpSession session = answered(answers);
		this.mvc.perform(answer(Section.MASSAGE, session, Map.of("setting", "SELF")))
			.andExpect(redirectedUrl("/kiosk/handoff"));
		MockHttpServletRequestBuilder get = get("/kiosk/handoff").session(session);
		if (language.length > 0) {
			get.param("lang", language[0]);
		}
		return this.mvc.perform(get).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	@Test
	void anUrgentHandoffSaysToTellTheReceptionDeskNowBeforeTheCodeThenWhatToDo() throws Exception {
		String page = handoff(Map.of(HealthQuestion.SADDLE_NUMBNESS, "YES"));
		assertThat(page).contains("<title>Tell the reception desk now - Backsafe</title>", "disposition--URGENT_CARE",
				"Tell this code to reception now.");
		int desk = page.indexOf(">Tell the reception desk now</h2>");
		int code = page.indexOf("id=\"kiosk-code\"");
		int action = page.indexOf(">Go to an emergency department now. Do not drive yourself.</h1>");
		assertThat(desk).isPositive().isLessThan(code);
		assertThat(code).isLessThan(action);
		// the number is said, but a kiosk has no link that leaves it
		assertThat(page).contains("If you cannot get there safely, call 112").doesNotContain("href=\"tel:");
		assertThat(page.toLowerCase(Locale.ROOT)).doesNotContain("call your doctor");
	}

	@Test
	void anUrgentHandoffForTheHeartSaysToCallTheEmergencyNumberInEitherLanguage() throws Exception {
		assertThat(handoff(Map.of(HealthQuestion.CHEST_PAIN_OR_BREATHLESSNESS, "YES")))
			.contains(">Call 112 now. This is the emergency number.</h1>")
			.doesNotContain("href=\"tel:");
		String spanish = handoff(Map.of(HealthQuestion.CHEST_PAIN_OR_BREATHLESSNESS, "YES"), "es");
		assertThat(spanish).contains("<title>Avise ahora en recepción - Backsafe</title>",
				">Llame ahora al 112. Es el número de emergencias.</h1>");
		assertThat(spanish.indexOf("Avise ahora en recepción</h2>")).isLessThan(spanish.indexOf("id=\"kiosk-code\""));
	}

	@Test
	void aPassingIllnessSaysToWaitUntilWell() throws Exception {
		String page = handoff(Map.of(HealthQuestion.COLD_OR_MINOR_ILLNESS, "YES"));
		assertThat(page).contains("<title>Your code for reception - Backsafe</title>", "disposition--WAIT_UNTIL_WELL",
				"Not today: wait until you are well", "You do not need a doctor for this.")
			.doesNotContain("Tell the reception desk now");
		assertThat(page.indexOf("id=\"kiosk-code\"")).isLessThan(page.indexOf("Not today: wait until you are well"));
	}

}
