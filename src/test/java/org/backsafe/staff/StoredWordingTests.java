package org.backsafe.staff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.backsafe.kiosk.KioskScreening;
import org.backsafe.kiosk.KioskScreenings;
import org.backsafe.rulebase.CurrentRuleBase;
import org.backsafe.rulebase.RuleBaseLoader;
import org.backsafe.screening.Equipment;
import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.PainArea;
import org.backsafe.screening.PainDuration;
import org.backsafe.screening.PainProfile;
import org.backsafe.screening.Response;
import org.backsafe.screening.ScreeningRequest;
import org.backsafe.screening.ScreeningResult;
import org.backsafe.screening.ScreeningService;
import org.backsafe.screening.Setting;
import org.backsafe.support.RuleFolder;
import org.backsafe.support.StaffLogin;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Staff read a stored screening in the words the patient was shown, in either language, after the
 * rules were reworded more often than the app keeps old rule bases; a screening stored before its
 * words were kept is worded by today's rules, and the page says so.
 */
@SpringBootTest(properties = { StaffLogin.PROPERTY, "backsafe.rules.watch=false" })
@AutoConfigureMockMvc
class StoredWordingTests {

	static final Path RULES;

	static {
		try {
			RULES = RuleFolder.copyOfRealRules(Files.createTempDirectory("backsafe-stored-wording").resolve("rules"))
				.dir();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@DynamicPropertySource
	static void rules(DynamicPropertyRegistry registry) {
		registry.add("backsafe.rules.dir", RULES::toString);
	}

	static final String RULE = "epilepsy-no-bath";

	@Autowired
	MockMvc mvc;

	@Autowired
	KioskScreenings screenings;

	@Autowired
	ScreeningService service;

	@Autowired
	CurrentRuleBase rules;

	@Autowired
	RuleBaseLoader loader;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aStoredScreeningShowsWhatThePatientWasToldAfterTheRulesAreReworded() throws Exception {
		String english = wording("messages.properties");
		String spanish = wording("messages_es.properties");
		ScreeningRequest answers = new ScreeningRequest(40, Map.of(HealthQuestion.EPILEPSY, Response.YES),
				new PainProfile(Set.of(PainArea.LOWER_BACK), PainDuration.CHRONIC, 3, false, Set.of()), Setting.SELF,
				Set.of(Equipment.HEAT_SOURCE));
		ScreeningResult result = this.service.screen(answers);
		assertThat(result.techniques()).as("the rule whose words are changed is in the result")
			.anyMatch((t) -> t.reasons().stream().anyMatch((r) -> r.rule().equals(RULE)));
		KioskScreening stored = this.screenings.store(answers, result, Locale.ENGLISH);
		String oldVersion = result.ruleBase().version();

		// more rewordings than the app keeps old rule bases in memory
		for (int edit = 1; edit <= 4; edit++) {
			reword("messages.properties", "Reworded " + edit + " in English.");
			reword("messages_es.properties", "Reformulado " + edit + " en español.");
			assertThat(this.loader.reloadFolder()).as("rewording " + edit + " admitted").isTrue();
		}
		assertThat(this.rules.byVersion(oldVersion)).as("the old rule base is no longer in memory").isEmpty();

		MockHttpSession session = logIn();
		String detailEn = page("/staff/screenings/" + stored.getDisplayCode(), session, "en");
		assertThat(detailEn).contains(html(english.replace("{0}", "epilepsy")))
			.doesNotContain("Reworded")
			.doesNotContain("rules in use today");
		String detailEs = page("/staff/screenings/" + stored.getDisplayCode(), session, "es");
		assertThat(detailEs).contains(html(spanish.substring(0, spanish.indexOf("{0}"))))
			.contains(html(spanish.substring(spanish.indexOf("{0}") + 3)))
			.doesNotContain("Reformulado");

		// a row stored before words were kept (schema 1: the result records alone) is worded today
		String plainResult = this.jdbc.queryForObject(
				"SELECT result FROM kiosk_screening WHERE reference_code = ?", String.class, stored.getReferenceCode());
		String schemaOne = plainResult.substring(plainResult.indexOf("\"result\":") + "\"result\":".length(),
				plainResult.indexOf(",\"wording\":"));
		this.jdbc.update("UPDATE kiosk_screening SET result = ? WHERE reference_code = ?", schemaOne,
				stored.getReferenceCode());
		String oldRow = page("/staff/screenings/" + stored.getDisplayCode(), session, "en");
		assertThat(oldRow).contains("Reworded 4 in English.", "It is shown in the words of the rules in use today");
	}

	private static String html(String text) {
		return text.replace("&", "&amp;").replace("\"", "&quot;").replace("'", "&#39;");
	}

	private static String wording(String file) throws IOException {
		return Files.readAllLines(RULES.resolve(file), StandardCharsets.UTF_8)
			.stream()
			.filter((line) -> line.startsWith(RULE + "="))
			.findFirst()
			.orElseThrow()
			.substring(RULE.length() + 1);
	}

	private static void reword(String file, String words) throws IOException {
		Path path = RULES.resolve(file);
		String text = Files.readString(path, StandardCharsets.UTF_8);
		Files.writeString(path, text.replaceAll("(?m)^" + RULE + "=.*$", RULE + "=" + words), StandardCharsets.UTF_8);
	}

	MockHttpSession logIn() throws Exception {
		return (MockHttpSession) this.mvc
			.perform(formLogin("/staff/login").user(StaffLogin.USER).password(StaffLogin.PASSWORD))
			.andExpect(authenticated())
			.andReturn()
			.getRequest()
			.getSession(false);
	}

	String page(String url, MockHttpSession session, String language) throws Exception {
		return this.mvc.perform(get(url).session(session).param("lang", language))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
