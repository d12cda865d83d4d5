package org.backsafe.staff;

import java.util.List;
import java.util.Locale;

import org.backsafe.kiosk.KioskScreening;
import org.backsafe.kiosk.KioskScreenings;
import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.PainArea;
import org.backsafe.screening.PainDuration;
import org.backsafe.screening.PainProfile;
import org.backsafe.screening.Response;
import org.backsafe.screening.ScreeningRequest;
import org.backsafe.screening.ScreeningService;
import org.backsafe.screening.Setting;
import org.backsafe.support.StaffLogin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The staff review's security, through the whole filter chain with the real login: nothing under
 * /staff without a login, bad passwords refused, lockout, CSRF, headers, and the audit log.
 */
@SpringBootTest(properties = { StaffLogin.PROPERTY, "backsafe.staff.max-failed-logins=3" })
@AutoConfigureMockMvc
class StaffSecurityTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	KioskScreenings screenings;

	@Autowired
	ScreeningService engine;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	LoginAttempts attempts;

	@BeforeEach
	void noEarlierFailures() {
		// the context (and its database, which keeps the counts) is shared: start each test with a clean count
		this.attempts.succeeded(StaffLogin.USER, "127.0.0.1");
	}

	KioskScreening stored() {
		ScreeningRequest answers = new ScreeningRequest(40, java.util.Map.of(HealthQuestion.EPILEPSY, Response.YES),
				new PainProfile(java.util.Set.of(PainArea.LOWER_BACK), PainDuration.CHRONIC, 4, false,
						java.util.Set.of()),
				Setting.PROFESSIONAL, java.util.Set.of());
		return this.screenings.store(answers, this.engine.screen(answers), Locale.ENGLISH);
	}

	MockHttpSession logIn() throws Exception {
		MvcResult result = this.mvc.perform(formLogin("/staff/login").user(StaffLogin.USER).password(StaffLogin.PASSWORD))
			.andExpect(authenticated())
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	/** A login over a connection from this address. */
	static MockHttpServletRequestBuilder loginFrom(String name, String password, String address) {
		return post("/staff/login").param("username", name).param("password", password).with(csrf()).with((request) -> {
			request.setRemoteAddr(address);
			return request;
		});
	}

	/** The login page as the browser gets it after a failed login's redirect, flash attributes and all. */
	String loginPageAfter(MvcResult failed, String url) throws Exception {
		return this.mvc.perform(get(url).session((MockHttpSession) failed.getRequest().getSession(false)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Nested
	class Anonymous {

		@Test
		void everyStaffPageRedirectsToTheLogin() throws Exception {
			String code = stored().getDisplayCode();
			for (String url : List.of("/staff", "/staff/", "/staff/search?code=" + code, "/staff/screenings/" + code,
					"/staff/screenings/AAA-AAA", "/staff/anything")) {
				mvc.perform(get(url))
					.andExpect(status().isFound())
					.andExpect(redirectedUrl("/staff/login"))
					.andExpect(unauthenticated());
			}
		}

		@Test
		void postsAreRefusedWithoutATokenAndRedirectedWithOne() throws Exception {
			String code = stored().getDisplayCode();
			mvc.perform(post("/staff/screenings/" + code + "/reviewed")).andExpect(status().isForbidden());
			mvc.perform(post("/staff/screenings/" + code + "/reviewed").with(csrf()))
				.andExpect(status().isFound())
				.andExpect(redirectedUrl("/staff/login"));
			assertThat(screenings.find(code).orElseThrow().isReviewed()).isFalse();
		}

		@Test
		void noRecordIsAuditedOrShown() throws Exception {
			String code = stored().getDisplayCode();
			Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM staff_audit", Integer.class);
			mvc.perform(get("/staff/screenings/" + code)).andExpect(status().isFound());
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM staff_audit", Integer.class)).isEqualTo(before);
		}

		@Test
		void theLoginPageIsOpenAndCarriesStrictHeaders() throws Exception {
			mvc.perform(get("/staff/login"))
				.andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"_csrf\"")))
				.andExpect(header().string("Content-Security-Policy",
						org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("frame-ancestors 'none'"),
								org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("unsafe-inline")))))
				.andExpect(header().string("Referrer-Policy", "no-referrer"))
				.andExpect(header().string("X-Frame-Options", "DENY"))
				.andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")));
		}

	}

	@Nested
	class Login {

		@Test
		void aBadPasswordIsRefused() throws Exception {
			mvc.perform(formLogin("/staff/login").user("bob").password("wrong"))
				.andExpect(redirectedUrl("/staff/login?error"))
				.andExpect(unauthenticated());
			mvc.perform(formLogin("/staff/login").user(StaffLogin.USER).password("not-" + StaffLogin.PASSWORD))
				.andExpect(redirectedUrl("/staff/login?error"))
				.andExpect(unauthenticated());
		}

		@Test
		void aLoginWithoutTheCsrfTokenIsRefused() throws Exception {
			mvc.perform(post("/staff/login").param("username", StaffLogin.USER).param("password", StaffLogin.PASSWORD))
				.andExpect(status().isForbidden())
				.andExpect(unauthenticated());
		}

		@Test
		void theRightPasswordLogsInForTheConfiguredTimeout() throws Exception {
			MockHttpSession session = logIn();
			assertThat(session.getMaxInactiveInterval()).isEqualTo(15 * 60);
			mvc.perform(get("/staff").session(session)).andExpect(status().isOk());
		}

		@Test
		void repeatedFailuresLockTheNameEvenWithTheRightPassword() throws Exception {
			String name = "carol";
			for (int i = 0; i < 3; i++) {
				mvc.perform(formLogin("/staff/login").user(name).password("guess" + i))
					.andExpect(redirectedUrl("/staff/login?error"));
			}
			mvc.perform(formLogin("/staff/login").user(name).password("guess"))
				.andExpect(redirectedUrl("/staff/login?locked"));
		}

		@Test
		void failuresFromOneAddressLockOnlyThatAddressForTheName() throws Exception {
			attempts.succeeded(StaffLogin.USER, "192.0.2.50");
			attempts.succeeded(StaffLogin.USER, "192.0.2.60");
			// someone in the waiting room (192.0.2.50) guesses the desk's name until it locks
			for (int i = 0; i < 3; i++) {
				mvc.perform(loginFrom(StaffLogin.USER, "guess" + i, "192.0.2.50"))
					.andExpect(redirectedUrl("/staff/login?error"));
			}
			mvc.perform(loginFrom(StaffLogin.USER, StaffLogin.PASSWORD, "192.0.2.50"))
				.andExpect(redirectedUrl("/staff/login?locked"))
				.andExpect(unauthenticated());
			// the desk (192.0.2.60) still logs in with the right password
			mvc.perform(loginFrom(StaffLogin.USER, StaffLogin.PASSWORD, "192.0.2.60"))
				.andExpect(authenticated().withUsername(StaffLogin.USER));
			// and the waiting room stays locked out
			mvc.perform(loginFrom(StaffLogin.USER, StaffLogin.PASSWORD, "192.0.2.50"))
				.andExpect(redirectedUrl("/staff/login?locked"));
			assertThat(jdbc.queryForList("SELECT action, client_address FROM staff_audit WHERE staff_user = ?"
					+ " AND client_address IN ('192.0.2.50', '192.0.2.60') ORDER BY id", StaffLogin.USER)
				.stream()
				.map((row) -> row.get("ACTION") + " " + row.get("CLIENT_ADDRESS"))
				.toList()).endsWith("LOGIN_FAILED 192.0.2.50", "LOGIN_FAILED 192.0.2.50", "LOGIN_FAILED 192.0.2.50",
						"LOCKED_OUT 192.0.2.50", "REFUSED_LOCKED 192.0.2.50", "LOGGED_IN 192.0.2.60",
						"REFUSED_LOCKED 192.0.2.50");
		}

		@Test
		void aFailedLoginKeepsTheNameAndWarnsBeforeTheLastTry() throws Exception {
			MvcResult first = mvc.perform(formLogin("/staff/login").user(StaffLogin.USER).password("guess1"))
				.andExpect(redirectedUrl("/staff/login?error"))
				.andReturn();
			String page = loginPageAfter(first, "/staff/login?error");
			assertThat(page).contains("value=\"" + StaffLogin.USER + "\"").doesNotContain("try left");
			MvcResult second = mvc.perform(formLogin("/staff/login").user(StaffLogin.USER).password("guess2"))
				.andExpect(redirectedUrl("/staff/login?error"))
				.andReturn();
			// 3 tries in all here: after the second, one is left
			assertThat(loginPageAfter(second, "/staff/login?error"))
				.contains("1 try left before a 15-minute pause");
			// the failure that locks says so, and how long for
			MvcResult third = mvc.perform(formLogin("/staff/login").user(StaffLogin.USER).password("guess3"))
				.andExpect(redirectedUrl("/staff/login?error"))
				.andReturn();
			assertThat(loginPageAfter(third, "/staff/login?error")).contains("Wait 15 minutes, then try again")
				.doesNotContain("try left");
			MvcResult fourth = mvc.perform(formLogin("/staff/login").user(StaffLogin.USER).password(StaffLogin.PASSWORD))
				.andExpect(redirectedUrl("/staff/login?locked"))
				.andReturn();
			assertThat(loginPageAfter(fourth, "/staff/login?locked")).contains("Wait 15 minutes, then try again")
				.contains("value=\"" + StaffLogin.USER + "\"");
		}

		@Test
		void aLockedUserCannotLogInWithTheRightPassword() throws Exception {
			for (int i = 0; i < 3; i++) {
				mvc.perform(formLogin("/staff/login").user(StaffLogin.USER).password("guess" + i))
					.andExpect(redirectedUrl("/staff/login?error"));
			}
			mvc.perform(formLogin("/staff/login").user(StaffLogin.USER).password(StaffLogin.PASSWORD))
				.andExpect(redirectedUrl("/staff/login?locked"))
				.andExpect(unauthenticated());
		}

	}

	@Nested
	class LoggedIn {

		@Test
		void viewingARecordWritesTheAuditLog() throws Exception {
			KioskScreening screening = stored();
			MockHttpSession session = logIn();
			mvc.perform(get("/staff/screenings/" + screening.getDisplayCode()).session(session))
				.andExpect(status().isOk())
				.andExpect(header().string("Content-Security-Policy",
						org.hamcrest.Matchers.containsString("frame-ancestors 'none'")))
				.andExpect(content().string(org.hamcrest.Matchers.containsString(screening.getDisplayCode())));
			assertThat(jdbc.queryForList(
					"SELECT staff_user, action FROM staff_audit WHERE screening_id = ? ORDER BY occurred_at",
					screening.getId()))
				.singleElement()
				.satisfies((row) -> {
					assertThat(row.get("STAFF_USER")).isEqualTo(StaffLogin.USER);
					assertThat(row.get("ACTION")).isEqualTo("VIEWED");
				});
		}

		@Test
		void aRecordNamesItsSourcesByTitleNeverByFileName() throws Exception {
			KioskScreening screening = stored();
			// stored as the rules wrote them: the file names stay in the record and the JSON API
			assertThat(screening.result().toString()).contains("000_e142765fd6634e76.txt");
			String page = mvc.perform(get("/staff/screenings/" + screening.getDisplayCode()).session(logIn()))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).doesNotContain(".txt")
				.contains("The Art of Self-Massage: A Guide to Back Pain Relief, &quot;Deep Tissue Massage&quot;");
		}

		@Test
		void searchFindsByCodeTypedAnyWay() throws Exception {
			KioskScreening screening = stored();
			MockHttpSession session = logIn();
			String typed = " " + screening.getReferenceCode().toLowerCase(Locale.ROOT) + " ";
			mvc.perform(get("/staff/search").param("code", typed).session(session))
				.andExpect(redirectedUrl("/staff/screenings/" + screening.getDisplayCode()));
			mvc.perform(get("/staff/search").param("code", "no-such").session(session))
				.andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("No screening has that code")));
		}

		@Test
		void markingReviewedNeedsATokenAndRedirects() throws Exception {
			KioskScreening screening = stored();
			MockHttpSession session = logIn();
			String url = "/staff/screenings/" + screening.getDisplayCode() + "/reviewed";
			mvc.perform(post(url).session(session)).andExpect(status().isForbidden());
			mvc.perform(post(url).session(session).with(csrf())).andExpect(redirectedUrl("/staff"));
			KioskScreening after = screenings.find(screening.getReferenceCode()).orElseThrow();
			assertThat(after.isReviewed()).isTrue();
			assertThat(after.getReviewedBy()).isEqualTo(StaffLogin.USER);
		}

		@Test
		void todaysListShowsTheNewestFirst() throws Exception {
			KioskScreening older = stored();
			KioskScreening newer = stored();
			String page = mvc.perform(get("/staff").session(logIn()))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page.indexOf(newer.getDisplayCode())).isPositive().isLessThan(page.indexOf(older.getDisplayCode()));
		}

		@Test
		void loggingOutEndsTheSession() throws Exception {
			MockHttpSession session = logIn();
			mvc.perform(post("/staff/logout").session(session).with(csrf()))
				.andExpect(redirectedUrl("/staff/login?logout"));
			mvc.perform(get("/staff").session(session)).andExpect(redirectedUrl("/staff/login"));
		}

	}

}
