package org.backsafe.staff;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.backsafe.kiosk.KioskScreening;
import org.backsafe.kiosk.KioskScreenings;
import org.backsafe.screening.Disposition;
import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.PainArea;
import org.backsafe.screening.PainDuration;
import org.backsafe.screening.PainProfile;
import org.backsafe.screening.Reason;
import org.backsafe.screening.Response;
import org.backsafe.screening.RuleBaseInfo;
import org.backsafe.screening.ScreeningRequest;
import org.backsafe.screening.ScreeningResult;
import org.backsafe.screening.Setting;
import org.backsafe.screening.Technique;
import org.backsafe.screening.TechniqueVerdict;
import org.backsafe.screening.Triage;
import org.backsafe.screening.UrgentAction;
import org.backsafe.screening.Verdict;
import org.backsafe.support.StaffLogin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What staff read on the list and the detail for each level of care, from stored results made by
 * hand (so that a rule edit cannot change them): urgent rows stand out, the detail says what the
 * patient was told to do now, and waiting until well has its own words.
 */
// the same configuration as StaffSecurityTests and KioskPagesTests, so all share one application context
@SpringBootTest(properties = { StaffLogin.PROPERTY, "backsafe.staff.max-failed-logins=3" })
@AutoConfigureMockMvc
class StaffPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	KioskScreenings screenings;

	@Autowired
	LoginAttempts attempts;

	@BeforeEach
	void noEarlierFailures() {
		this.attempts.succeeded(StaffLogin.USER, "127.0.0.1");
	}

	KioskScreening stored(Disposition disposition, UrgentAction action, String rule, Locale language) {
		ScreeningRequest answers = new ScreeningRequest(40, Map.of(HealthQuestion.CHEST_PAIN_OR_BREATHLESSNESS, Response.YES),
				new PainProfile(Set.of(PainArea.LOWER_BACK), PainDuration.ACUTE, 4, false, Set.of()), Setting.SELF,
				Set.of());
		Reason withheld = new Reason(disposition.isUrgent() ? Triage.NO_TECHNIQUE_URGENT : Triage.NO_TECHNIQUE_UNTIL_WELL,
				Triage.SAFETY_DESIGN_SOURCE, null);
		List<TechniqueVerdict> techniques = Arrays.stream(Technique.values())
			.map((t) -> new TechniqueVerdict(t, Verdict.AVOID, false, List.of(withheld), List.of()))
			.toList();
		ScreeningResult result = new ScreeningResult(disposition, action,
				List.of(new Reason(rule, "Clinical pack", null)), techniques, List.of(),
				new RuleBaseInfo("abc123", Instant.now()), true, Set.of());
		return this.screenings.store(answers, result, language);
	}

	MockHttpSession logIn() throws Exception {
		return (MockHttpSession) this.mvc
			.perform(formLogin("/staff/login").user(StaffLogin.USER).password(StaffLogin.PASSWORD))
			.andExpect(authenticated())
			.andReturn()
			.getRequest()
			.getSession(false);
	}

	String page(String url, MockHttpSession session, String... language) throws Exception {
		var request = get(url).session(session);
		if (language.length > 0) {
			request.param("lang", language[0]);
		}
		return this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	/** The list row of one screening, from its opening tag to its end. */
	static String row(String list, KioskScreening screening) {
		String before = list.substring(0, list.indexOf(">" + screening.getDisplayCode() + "<"));
		String row = list.substring(before.lastIndexOf("<tr"));
		return row.substring(0, row.indexOf("</tr>"));
	}

	@Test
	void anUrgentScreeningStandsOutOnTheListUntilReviewed() throws Exception {
		KioskScreening urgent = stored(Disposition.URGENT_CARE, UrgentAction.CALL_EMERGENCY_NUMBER, "red-flag-chest",
				Locale.ENGLISH);
		KioskScreening waiting = stored(Disposition.WAIT_UNTIL_WELL, null, "cold", Locale.ENGLISH);
		String list = page("/staff", logIn());
		assertThat(list).containsPattern("[0-9]+ urgent screenings? today (is|are) not reviewed yet");
		assertThat(row(list, urgent)).contains("urgent", "Urgent care", "Act now");
		assertThat(row(list, waiting)).contains("level--WAIT_UNTIL_WELL", "Wait until well (not today)")
			.doesNotContain("Act now");
	}

	@Test
	void theDetailOfAnUrgentScreeningSaysWhatThePatientWasToldToDoNow() throws Exception {
		KioskScreening urgent = stored(Disposition.URGENT_CARE, UrgentAction.CALL_EMERGENCY_NUMBER, "red-flag-chest",
				Locale.ENGLISH);
		MockHttpSession session = logIn();
		String detail = page("/staff/screenings/" + urgent.getDisplayCode(), session);
		assertThat(detail).contains("The patient was told to do this now:", "Call 112 now. This is the emergency number.",
				"tell the reception desk now");
		assertThat(detail.indexOf("Call 112 now")).isLessThan(detail.indexOf("red-flag-chest"));
		String spanish = page("/staff/screenings/" + urgent.getDisplayCode(), session, "es");
		assertThat(spanish).contains("Se le dijo que hiciera esto ahora:", "Llame ahora al 112. Es el número de emergencias.");

		KioskScreening toTheDepartment = stored(Disposition.URGENT_CARE, UrgentAction.GO_TO_EMERGENCY_DEPARTMENT,
				"red-flag-saddle", Locale.ENGLISH);
		assertThat(page("/staff/screenings/" + toTheDepartment.getDisplayCode(), session, "en"))
			.contains("Go to an emergency department now. Do not drive yourself.");
	}

	@Test
	void theDetailOfAScreeningToWaitUntilWellSaysSo() throws Exception {
		KioskScreening waiting = stored(Disposition.WAIT_UNTIL_WELL, null, "cold", Locale.ENGLISH);
		String detail = page("/staff/screenings/" + waiting.getDisplayCode(), logIn(), "en");
		assertThat(detail).contains("Wait until well (not today)", "Not today: wait until you are well.")
			.doesNotContain("The patient was told to do this now:");
		// the answers in their words, as the vocabulary names them
		assertThat(detail).contains("Lower back", "Less than 6 weeks", "I will massage myself",
				"Chest pain, new breathlessness, a cold sweat or fainting");
	}

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	int auditRows() {
		Integer rows = this.jdbc.queryForObject("SELECT COUNT(*) FROM staff_audit", Integer.class);
		return (rows != null) ? rows : 0;
	}

	@Test
	void urgentScreeningsNotYetReviewedComeFirstThenTheNewest() throws Exception {
		KioskScreening urgent = stored(Disposition.URGENT_CARE, UrgentAction.CALL_EMERGENCY_NUMBER,
				"red-flag-chest", Locale.ENGLISH);
		KioskScreening reviewedUrgent = stored(Disposition.URGENT_CARE, UrgentAction.CALL_EMERGENCY_NUMBER,
				"red-flag-chest", Locale.ENGLISH);
		this.screenings.markReviewed(reviewedUrgent.getReferenceCode(), StaffLogin.USER);
		KioskScreening newest = stored(Disposition.WAIT_UNTIL_WELL, null, "red-flag-chest", Locale.ENGLISH);
		String list = page("/staff", logIn());
		assertThat(list.indexOf(urgent.getDisplayCode())).as("urgent, not reviewed: first")
			.isPositive()
			.isLessThan(list.indexOf(newest.getDisplayCode()));
		assertThat(list.indexOf(newest.getDisplayCode())).as("then the newest")
			.isLessThan(list.indexOf(reviewedUrgent.getDisplayCode()));
	}

	@Test
	void theChangeMarkerNeedsALoginChangesWithANewScreeningAndIsNotAudited() throws Exception {
		this.mvc.perform(get("/staff/today/changes"))
			.andExpect(status().isFound())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/staff/login"));
		MockHttpSession session = logIn();
		String before = page("/staff/today/changes", session);
		int audited = auditRows();
		assertThat(page("/staff/today/changes", session)).isEqualTo(before);
		assertThat(auditRows()).as("a poll writes no audit row").isEqualTo(audited);
		KioskScreening added = stored(Disposition.URGENT_CARE, UrgentAction.CALL_EMERGENCY_NUMBER,
				"red-flag-chest", Locale.ENGLISH);
		String after = page("/staff/today/changes", session);
		assertThat(after).isNotEqualTo(before).contains("\"latestId\":" + added.getId());
		assertThat(after.length()).as("only a few numbers").isLessThan(100);
		// the list it leads to is a list view, audited as LISTED
		page("/staff?refreshed=1", session);
		assertThat(this.jdbc.queryForList("SELECT action FROM staff_audit ORDER BY id DESC LIMIT 1", String.class))
			.containsExactly("LISTED");
	}

	@Test
	void pollingDoesNotKeepAnUnusedSessionAlive() throws Exception {
		MockHttpSession session = logIn();
		page("/staff", session);
		Instant seen = (Instant) session.getAttribute(StaffActivity.SEEN_AT);
		assertThat(seen).isNotNull();
		Thread.sleep(5);
		// neither a poll nor the list's own reload is a person using the pages
		page("/staff/today/changes", session);
		page("/staff?refreshed=1", session);
		assertThat(session.getAttribute(StaffActivity.SEEN_AT)).isEqualTo(seen);
		// nobody has used the pages for the session timeout (15 minutes): the next poll ends the session
		session.setAttribute(StaffActivity.SEEN_AT, seen.minus(java.time.Duration.ofMinutes(15)));
		this.mvc.perform(get("/staff/today/changes").session(session)).andExpect(status().isUnauthorized());
		assertThat(session.isInvalid()).isTrue();
	}

}
