package org.backsafe.authoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.backsafe.rulebase.RulesFolder;
import org.backsafe.support.Axe;
import org.backsafe.support.Chromium;
import org.backsafe.support.Screenshots;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue page as a clinician uses it, over HTTP: rules grouped in the order of the
 * screening with anchors, the search, what each rule reads and says, no server paths or stored
 * timestamps, and each admitted version's page; then in a headless Chromium as wide as a small phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RuleCatalogueTests {

	static final Path RULES;

	static {
		try {
			RULES = RulesFolder.copyOfProjectRules(Files.createTempDirectory("backsafe-catalogue").resolve("rules"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@DynamicPropertySource
	static void rules(DynamicPropertyRegistry registry) {
		registry.add("backsafe.rules.dir", RULES::toString);
		registry.add("backsafe.rules.debounce", () -> "100ms");
	}

	/** A stored instant as Java writes it (2026-12-01T23:14:05Z): never on a page. */
	static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");

	private static final Pattern GROUP = Pattern.compile("<section class=\"rules-group\" id=\"(group-[a-z-]+)\"");

	private static final Pattern RULE = Pattern.compile("<article class=\"rule[^\"]*\" id=\"rule-([a-z0-9-]+)\"");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	int port;

	HttpResponse<String> send(String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30));
		if (headers.length > 0) {
			request.headers(headers);
		}
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	String page(String path, String... headers) {
		HttpResponse<String> response = send(path, headers);
		assertThat(response.statusCode()).as("GET " + path).isEqualTo(200);
		return response.body();
	}

	String search(String query) {
		return page("/rules?lang=en&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
	}

	static List<String> all(Pattern pattern, String page) {
		List<String> found = new ArrayList<>();
		Matcher matcher = pattern.matcher(page);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

	/** The rule ids on a page, by the group they are in. */
	static List<String> rulesIn(String page, String group) {
		int start = page.indexOf("id=\"" + group + "\"");
		assertThat(start).as(group).isPositive();
		int end = page.indexOf("<section class=\"rules-group\"", start + 1);
		return all(RULE, page.substring(start, end < 0 ? page.length() : end));
	}

	/** One rule's card. */
	static String card(String page, String id) {
		int start = page.indexOf("id=\"rule-" + id + "\"");
		assertThat(start).as(id).isPositive();
		int end = page.indexOf("</article>", start);
		return page.substring(start, end);
	}

	@SuppressWarnings("unchecked")
	String servingVersion() {
		return (String) JSON.readValue(page("/api/v1/rules"), Map.class).get("version");
	}

	@Nested
	class Groups {

		@Test
		void theGroupsComeInTheOrderOfTheScreeningEachWithAnAnchorInTheContents() {
			String page = page("/rules?lang=en");
			assertThat(all(GROUP, page)).containsExactly("group-red-flags", "group-doctor-first",
					"group-wait-until-well", "group-technique-restrictions", "group-indications", "group-advice",
					"group-facts");
			for (String group : all(GROUP, page)) {
				assertThat(page).contains("<a class=\"link\" href=\"#" + group + "\">");
			}
		}

		@Test
		void eachRuleIsInItsGroupWithItsOwnAnchor() {
			String page = page("/rules?lang=en");
			assertThat(rulesIn(page, "group-red-flags")).contains("red-flag-saddle-numbness", "red-flag-means-urgent-care");
			assertThat(rulesIn(page, "group-doctor-first")).contains("minor-fall-at-50-or-over-ask-doctor");
			assertThat(rulesIn(page, "group-wait-until-well")).contains("passing-illness-means-wait");
			assertThat(rulesIn(page, "group-technique-restrictions")).contains("severe-pain-light-pressure");
			assertThat(rulesIn(page, "group-indications")).contains("swedish-for-everyday-tension");
			assertThat(rulesIn(page, "group-facts")).containsExactly("fragile-bones");
			// every rule once
			assertThat(all(RULE, page)).doesNotHaveDuplicates().hasSize(ruleCount());
		}

		@SuppressWarnings("unchecked")
		int ruleCount() {
			return ((List<?>) JSON.readValue(page("/api/v1/rules"), Map.class).get("rules")).size();
		}

	}

	@Nested
	class Search {

		@Test
		void byAnswerCode() {
			String page = search("SADDLE_NUMBNESS");
			assertThat(all(RULE, page)).containsExactly("red-flag-saddle-numbness");
			assertThat(page).contains("One rule matches \u201cSADDLE_NUMBNESS\u201d.");
		}

		@Test
		void byTechniqueInEitherLanguage() {
			List<String> english = all(RULE, search("hot stone"));
			assertThat(english).contains("hot-stone-for-stress", "hot-stone-best-with-therapist")
				.doesNotContain("red-flag-saddle-numbness", "swedish-for-stress");
			assertThat(all(RULE, search("piedras calientes"))).containsAll(english);
		}

		@Test
		void byRuleId() {
			assertThat(all(RULE, search("minor-fall-at-50-or-over-ask-doctor")))
				.containsExactly("minor-fall-at-50-or-over-ask-doctor");
		}

		@Test
		void byWordsEveryOneOfWhichMustBeFound() {
			List<String> clot = all(RULE, search("clot"));
			assertThat(clot).contains("red-flag-leg-clot");
			assertThat(all(RULE, search("clot leg"))).contains("red-flag-leg-clot").isSubsetOf(clot);
			// an age condition is found by the field it reads; a word is found where a word starts
			assertThat(all(RULE, search("age >= 50"))).contains("minor-fall-at-50-or-over-ask-doctor");
			assertThat(all(RULE, search("age"))).contains("minor-fall-at-50-or-over-ask-doctor", "child-ask-doctor")
				.doesNotContain("swedish-for-stress", "red-flag-saddle-numbness");
		}

		@Test
		void aSearchShowsOnlyTheGroupsThatMatch() {
			String page = search("SADDLE_NUMBNESS");
			assertThat(all(GROUP, page)).containsExactly("group-red-flags");
			assertThat(page).doesNotContain("href=\"#group-advice\"");
		}

		@Test
		void anEmptyResultSaysSoAndOffersToClearTheSearch() {
			String page = search("zzzz-no-such-thing");
			assertThat(all(RULE, page)).isEmpty();
			assertThat(page).contains("No rule matches \u201czzzz-no-such-thing\u201d.")
				.contains("<a class=\"link\" id=\"rules-clear\" href=\"/rules\">Clear the search and show every rule</a>");
			assertThat(page).contains("value=\"zzzz-no-such-thing\"");
		}

		@Test
		void theCountIsSaidInWordsInSpanishToo() {
			String page = page("/rules?lang=es&q=SADDLE_NUMBNESS");
			assertThat(page).contains("Una regla coincide con \u00abSADDLE_NUMBNESS\u00bb.");
			assertThat(page("/rules?lang=es&q=clot")).containsPattern("\\d+ reglas coinciden con \u00abclot\u00bb\\.");
		}

		@Test
		void withoutASearchEveryRuleShowsAndNoCountIsSaid() {
			String page = page("/rules?lang=en");
			assertThat(page).doesNotContain("rules match").doesNotContain("id=\"rules-clear\"");
		}

	}

	@Nested
	class EachRule {

		@Test
		void readsTheAgeOfARuleThatReadsIt() {
			String card = card(page("/rules?lang=en"), "minor-fall-at-50-or-over-ask-doctor");
			assertThat(card).contains("<code>PAIN_AFTER_MINOR_FALL</code>")
				.contains("<span>Age</span>: <code>age &gt;= 50</code>")
				.doesNotContain("Nothing in particular");
		}

		@Test
		void readsTheSeverityOfARuleThatReadsIt() {
			String card = card(page("/rules?lang=en"), "severe-pain-light-pressure");
			assertThat(card).contains("<code>severity &gt;= 7</code>").doesNotContain("Nothing in particular");
		}

		@Test
		void namesTheDerivedFactsARuleNeeds() {
			String card = card(page("/rules?lang=en"), "learn-from-a-therapist");
			assertThat(card).contains("Only without a reason for no massage today");
		}

		@Test
		void showsItsWordingInBothLanguagesItsSourceByTitleAndItsScenarios() {
			String card = card(page("/rules?lang=en"), "swedish-for-everyday-tension");
			assertThat(card).contains("<p class=\"rule__wording\" lang=\"en\">")
				.contains("<p class=\"rule__wording\" lang=\"es\">")
				.contains("Massage Techniques for Relieving Back Pain, &quot;1. Swedish Massage")
				.doesNotContain("001_3749b9a02460a9d9.txt,")
				.contains("<span>Swedish massage</span>")
				.containsPattern("Made to fire by (one scenario|\\d+ scenarios)")
				.contains("indications.yaml:");
		}

		@Test
		void flagsARuleNoScenarioMakesFire() {
			String page = page("/rules?lang=en");
			for (String card : page.split("<article ")) {
				if (card.startsWith("class=\"rule unexercised\"")) {
					assertThat(card).contains("No scenario makes this rule fire");
				}
			}
		}

	}

	@Nested
	class Public {

		@Test
		void thePageNamesNoFolderOnTheServerAndNoStoredTime() {
			for (String path : List.of("/rules?lang=en", "/rules?lang=es", "/rules/versions/" + servingVersion())) {
				String page = page(path);
				assertThat(page).as(path)
					.doesNotContain(RULES.toString())
					.doesNotContain(RULES.toAbsolutePath().getParent().toString())
					.doesNotContain(System.getProperty("user.dir"))
					.doesNotContainPattern(ISO_TIME);
			}
			assertThat(page("/api/v1/rules")).doesNotContain(RULES.toString());
		}

		@Test
		void theVersionAndLoadTimeAreWrittenAsPeopleReadThem() {
			String version = servingVersion();
			assertThat(page("/rules?lang=en"))
				.contains("<a class=\"link\" href=\"/rules/versions/" + version + "\"><code>" + version + "</code></a>")
				.containsPattern("loaded \\d{1,2} [A-Z][a-z]+ \\d{4} at \\d{2}:\\d{2}\\.");
			assertThat(page("/rules?lang=es")).containsPattern("cargada el \\d{1,2} de [a-z]+ de \\d{4} a las \\d{2}:\\d{2}\\.");
		}

	}

	@Nested
	class VersionPage {

		@Test
		void showsTheServingVersionAndWhenItCameIntoUse() {
			String version = servingVersion();
			String page = page("/rules/versions/" + version + "?lang=en");
			assertThat(page).contains("<h1>Rules version " + version + "</h1>")
				.containsPattern("came into use on \\d{1,2} [A-Z][a-z]+ \\d{4} at \\d{2}:\\d{2}\\.")
				.contains("This version is in use now.")
				.contains("href=\"/rules\"");
			assertThat(page("/rules/versions/" + version + "?lang=es")).contains("<h1>Versión " + version + " de las reglas</h1>");
		}

		@Test
		void anUnknownVersionIsAnHtmlNotFoundPage() {
			HttpResponse<String> response = send("/rules/versions/000000000000?lang=en", "Accept", "text/html");
			assertThat(response.statusCode()).isEqualTo(404);
			assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying((t) -> assertThat(t).startsWith("text/html"));
			assertThat(response.body()).contains("Page not found");
		}

		@Test
		void showsTheLastRefusedEditBesideTheServingVersion() {
			String version = servingVersion();
			RulesFolder.write(RULES, "epilepsy.drl", RulesFolder.SYNTAX_ERROR);
			try {
				assertThat(RulesFolder.within(Duration.ofSeconds(30),
						() -> page("/rules/versions/" + version + "?lang=en").contains("id=\"last-failure\""))).isTrue();
				String page = page("/rules/versions/" + version + "?lang=en");
				assertThat(page).contains("The last change to the rules was not taken up")
					.containsPattern("<code>epilepsy\\.drl:1\\d(:\\d+)?</code>")
					.containsPattern("Checked \\d{1,2} [A-Z][a-z]+ \\d{4} at \\d{2}:\\d{2}, files version [0-9a-f]{12}\\.")
					.doesNotContain(RULES.toString())
					.doesNotContainPattern(ISO_TIME);
				assertThat(page("/rules?lang=en")).contains("id=\"last-failure\"").doesNotContain(RULES.toString());
			}
			finally {
				RulesFolder.delete(RULES.resolve("epilepsy.drl"));
				assertThat(RulesFolder.within(Duration.ofSeconds(30),
						() -> !page("/rules?lang=en").contains("id=\"last-failure\""))).isTrue();
			}
		}

	}

	@Nested
	@TestInstance(TestInstance.Lifecycle.PER_CLASS)
	class OnAPhone {

		static final int WIDTH = 320;

		ChromeDriver browser;

		@BeforeAll
		void startBrowser() {
			this.browser = Chromium.start(WIDTH, 720);
			this.browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", WIDTH, "height", 720, "deviceScaleFactor", 1, "mobile", true));
		}

		@AfterAll
		void quitBrowser() {
			if (this.browser != null) {
				this.browser.quit();
			}
		}

		void open(String path) {
			this.browser.get("http://localhost:" + RuleCatalogueTests.this.port + path);
		}

		/** The page is no wider than the screen, and no part of it scrolls sideways out of the keyboard's reach. */
		void fitsTheScreen(String path) {
			open(path);
			Number scrollWidth = (Number) this.browser.executeScript("return document.documentElement.scrollWidth");
			Number clientWidth = (Number) this.browser.executeScript("return document.documentElement.clientWidth");
			assertThat(scrollWidth.intValue()).as("page width of " + path).isLessThanOrEqualTo(clientWidth.intValue());
			Object unreachable = this.browser.executeScript("""
					return [...document.querySelectorAll('body *')].filter((e) => {
						const o = getComputedStyle(e).overflowX;
						return (o === 'auto' || o === 'scroll') && e.scrollWidth > e.clientWidth
							&& e.getAttribute('tabindex') !== '0';
					}).map((e) => e.tagName + '#' + e.id);""");
			assertThat((List<?>) unreachable).as("sideways-scrolling regions on " + path).isEmpty();
			Axe.assertNoViolations(this.browser, path);
		}

		@Test
		void theCatalogueFitsAPhoneAndHasNoAccessibilityViolations() {
			fitsTheScreen("/rules?lang=en");
			fitsTheScreen("/rules?lang=es");
			fitsTheScreen("/rules?lang=en&q=zzzz-no-such-thing");
			fitsTheScreen("/rules/versions/" + servingVersion() + "?lang=en");
		}

		@Test
		void theSearchWorksWithoutScriptAndLeadsToTheRule() {
			open("/rules?lang=en");
			this.browser.findElement(By.id("rules-q")).sendKeys("age");
			this.browser.findElement(By.cssSelector(".rules-search button[type=submit]")).click();
			// a click can return before the browser has followed the form
			new WebDriverWait(this.browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("q=age"));
			assertThat(this.browser.findElement(By.id("rules-result")).getText()).containsPattern("\\d+ rules match \u201cage\u201d");
			assertThat(this.browser.findElements(By.id("rule-minor-fall-at-50-or-over-ask-doctor"))).hasSize(1);
			fitsTheScreen("/rules?lang=en&q=age");
			// for the documentation: a taller phone, from the search down to the first rule's card
			this.browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", WIDTH, "height", 1400, "deviceScaleFactor", 1, "mobile", true));
			try {
				this.browser.executeScript("document.querySelector('.rules-search').scrollIntoView()");
				Screenshots.forDocs(this.browser, "rules-catalogue");
			}
			finally {
				this.browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
						Map.of("width", WIDTH, "height", 720, "deviceScaleFactor", 1, "mobile", true));
			}
		}

	}

}
