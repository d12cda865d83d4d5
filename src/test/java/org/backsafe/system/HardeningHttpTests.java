package org.backsafe.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
import org.backsafe.support.HttpVisitor;
import org.backsafe.support.HttpVisitor.Answer;
import org.backsafe.support.StaffLogin;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hardening findings of the reliability issue, each tried over real HTTP on a random port with
 * the production configuration and a base URL, as a clinic runs it behind its proxy: health details
 * for logged-in staff only, no URL from a forged {@code Host}, every cookie {@code SameSite}, and
 * the audit log of logins, failures, lockouts, lists and searches (docs/reliability.md, "Staff login
 * and hardening").
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { StaffLogin.PROPERTY, HardeningHttpTests.BASE_URL_PROPERTY })
class HardeningHttpTests {

	static final String BASE_URL = "https://backsafe.clinic.example";

	static final String BASE_URL_PROPERTY = "backsafe.base-url=" + BASE_URL;

	static final String EVIL = "evil.example";

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	KioskScreenings screenings;

	@Autowired
	ScreeningService engine;

	HttpVisitor visitor() {
		return HttpVisitor.of(this.port);
	}

	HttpVisitor loggedIn() {
		HttpVisitor staff = visitor();
		Answer login = staff.logIn(StaffLogin.USER, StaffLogin.PASSWORD);
		assertThat(login.status()).isEqualTo(302);
		assertThat(login.location()).doesNotContain("error", "locked");
		return staff;
	}

	KioskScreening stored() {
		ScreeningRequest answers = new ScreeningRequest(40, Map.of(HealthQuestion.EPILEPSY, Response.YES),
				new PainProfile(Set.of(PainArea.LOWER_BACK), PainDuration.CHRONIC, 4, false, Set.of()),
				Setting.PROFESSIONAL, Set.of());
		return this.screenings.store(answers, this.engine.screen(answers), Locale.ENGLISH);
	}

	@Nested
	class Health {

		@Test
		void withoutALoginTheHealthCheckSaysItsStatusAndNothingElse() {
			Answer health = visitor().get("/actuator/health");
			assertThat(health.status()).isEqualTo(200);
			JsonNode body = JSON.readTree(health.body());
			// the status, and the names of the probes' groups (/actuator/health/liveness, .../readiness)
			assertThat(body.propertyNames()).as(health.body()).contains("status").isSubsetOf("status", "groups");
			assertThat(body.get("status").asString()).isEqualTo("UP");
			assertThat(health.body()).doesNotContain("components", "details", "ruleBase", "version");
			// nor one component's: neither the rule base's version nor the disk's path
			Answer ruleBase = visitor().get("/actuator/health/ruleBase");
			assertThat(ruleBase.body()).doesNotContain("version", "details", "lastFailure");
			assertThat(visitor().get("/actuator/health/diskSpace").body()).doesNotContain("path", "free");
		}

		@Test
		void aLoggedInStaffMemberSeesTheDetails() {
			Answer health = loggedIn().get("/actuator/health");
			assertThat(health.status()).isEqualTo(200);
			JsonNode body = JSON.readTree(health.body());
			assertThat(body.at("/components/ruleBase/details/version").asString()).as(health.body()).isNotBlank();
			assertThat(body.at("/components/db/status").asString()).isEqualTo("UP");
		}

	}

	@Nested
	class Host {

		/** Answers to a forged Host (and forged proxy headers), HTTP/1.1 and 1.0. */
		List<Answer> forged(String path) {
			HttpVisitor forger = visitor().claimingHost(EVIL);
			String[] proxyHeaders = { "X-Forwarded-Host: " + EVIL, "X-Forwarded-Proto: http", "X-Forwarded-Port: 666",
					"Forwarded: host=" + EVIL + ";proto=http" };
			return List.of(forger.get(path), forger.http10().get(path), visitor().get(path, proxyHeaders),
					forger.http10().get(path, proxyHeaders));
		}

		@Test
		void redirectsNeverNameAForgedHost() {
			List<String> locations = new ArrayList<>();
			// Spring Security's way to the login, Tomcat's sendRedirect (the kiosk), Spring MVC's, springdoc's
			for (String path : List.of("/staff", "/staff/screenings/AAA-AAA", "/kiosk/questions/health",
					"/swagger-ui.html")) {
				for (Answer answer : forged(path)) {
					assertThat(answer.status()).as(path).isBetween(300, 399);
					locations.add(answer.location());
				}
			}
			// after a failed login, and after a good one
			HttpVisitor forger = visitor().claimingHost(EVIL);
			locations.add(forger.logIn("mallory", "guess").location());
			locations.add(forger.logIn(StaffLogin.USER, StaffLogin.PASSWORD).location());
			// a path on the host the browser asked, never "//host", for HTTP/1.0 (which Tomcat makes absolute) too
			assertThat(locations).hasSize(18)
				.allSatisfy((location) -> assertThat(location).doesNotContainIgnoringCase(EVIL)
					.doesNotContain("666")
					.startsWith("/")
					.doesNotStartWith("//"));
		}

		@Test
		void theOpenApiDescriptionNamesTheBaseUrlAsItsServer() {
			for (Answer answer : forged("/v3/api-docs")) {
				assertThat(answer.status()).isEqualTo(200);
				assertThat(answer.body()).doesNotContainIgnoringCase(EVIL);
				JsonNode servers = JSON.readTree(answer.body()).get("servers");
				assertThat(servers).hasSize(1);
				assertThat(servers.get(0).get("url").asString()).isEqualTo(BASE_URL);
			}
			assertThat(visitor().claimingHost(EVIL).get("/v3/api-docs/swagger-config").body())
				.doesNotContainIgnoringCase(EVIL);
		}

		@Test
		void theActuatorHasNoIndexOfLinksToEcho() {
			assertThat(visitor().claimingHost(EVIL).get("/actuator").body()).doesNotContainIgnoringCase(EVIL);
		}

	}

	@Nested
	class Cookies {

		@Test
		void everyCookieIsSameSiteLaxOrStrictAndSecureOnAnHttpsBaseUrl() {
			List<String> setCookies = new ArrayList<>();
			HttpVisitor patient = visitor();
			patient.get("/?lang=es");
			patient.get("/kiosk");
			setCookies.addAll(patient.setCookies());
			HttpVisitor staff = visitor();
			staff.logIn(StaffLogin.USER, StaffLogin.PASSWORD);
			Answer list = staff.get("/staff");
			assertThat(list.status()).isEqualTo(200);
			staff.post("/staff/logout", Map.of("_csrf", HttpVisitor.csrf(list.body())));
			setCookies.addAll(staff.setCookies());
			// the session cookie of each visit, the new one at login, and the one a logout clears
			assertThat(setCookies).hasSizeGreaterThanOrEqualTo(4)
				.anySatisfy((cookie) -> assertThat(cookie).startsWith("JSESSIONID=;").contains("Expires=Thu, 01 Jan 1970"))
				.allSatisfy((cookie) -> {
					assertThat(cookie).containsPattern("(?i);\\s*SameSite=(Lax|Strict)(;|$)");
					assertThat(cookie).containsPattern("(?i);\\s*Secure(;|$)");
				});
		}

	}

	@Nested
	class Audit {

		List<String> actionsOf(String user, long after) {
			return jdbc.queryForList("SELECT action FROM staff_audit WHERE staff_user = ? AND id > ? ORDER BY id",
					String.class, user, after);
		}

		long lastId() {
			Long id = jdbc.queryForObject("SELECT MAX(id) FROM staff_audit", Long.class);
			return (id != null) ? id : 0;
		}

		@Test
		void loginsFailuresAndLockoutsAreAudited() {
			long before = lastId();
			HttpVisitor visitor = visitor();
			assertThat(visitor.logIn(StaffLogin.USER, "not-" + StaffLogin.PASSWORD).location()).endsWith("?error");
			loggedIn();
			// a made-up name: five failures lock it, the sixth try is refused as locked
			String name = "mallory-" + before;
			for (int i = 0; i < 5; i++) {
				assertThat(visitor.logIn(name, "guess" + i).location()).endsWith("?error");
			}
			assertThat(visitor.logIn(name, "guess").location()).endsWith("?locked");
			assertThat(actionsOf(StaffLogin.USER, before)).containsExactly("LOGIN_FAILED", "LOGGED_IN");
			assertThat(actionsOf(name, before)).containsExactly("LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED",
					"LOGIN_FAILED", "LOGIN_FAILED", "LOCKED_OUT", "REFUSED_LOCKED");
		}

		@Test
		void listViewsAndSearchesAreAudited() {
			KioskScreening screening = stored();
			HttpVisitor staff = loggedIn();
			long before = lastId();
			assertThat(staff.get("/staff").status()).isEqualTo(200);
			String typed = screening.getReferenceCode().toLowerCase(Locale.ROOT);
			assertThat(staff.get("/staff/search?code=" + typed).location())
				.endsWith("/staff/screenings/" + screening.getDisplayCode());
			assertThat(staff.get("/staff/search?code=NO-SUCH").status()).isEqualTo(200);
			// the search that found nothing shows the list again
			assertThat(actionsOf(StaffLogin.USER, before)).containsExactly("LISTED", "SEARCHED", "SEARCHED", "LISTED");
			List<Map<String, Object>> rows = jdbc.queryForList(
					"SELECT staff_user, action, screening_id, detail FROM staff_audit WHERE id > ? ORDER BY id", before);
			assertThat(rows).allSatisfy((row) -> assertThat(row.get("STAFF_USER")).isEqualTo(StaffLogin.USER));
			assertThat(rows.get(0).get("DETAIL").toString()).endsWith(" shown");
			assertThat(rows.get(1).get("SCREENING_ID")).isEqualTo(screening.getId());
			assertThat(rows.get(1).get("DETAIL")).isEqualTo(typed);
			assertThat(rows.get(2).get("SCREENING_ID")).isNull();
			assertThat(rows.get(2).get("DETAIL")).isEqualTo("NO-SUCH");
		}

	}

}
