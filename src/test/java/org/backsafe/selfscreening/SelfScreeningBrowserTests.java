package org.backsafe.selfscreening;

import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.backsafe.questionnaire.HealthAnswer;
import org.backsafe.screening.HealthQuestion;
import org.backsafe.support.Axe;
import org.backsafe.support.Chromium;
import org.backsafe.support.Screenshots;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The self-screening flow in a real headless Chromium, at 320 CSS pixels wide: the narrowest phone,
 * and what a 1280 pixel screen shows at 400% zoom. Each page is audited with axe-core, checked for
 * sideways scrolling and small targets, and photographed under target/screenshots.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SelfScreeningBrowserTests {

	static final int WIDTH = 320;

	static ChromeDriver browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() {
		browser = Chromium.start(WIDTH, 720);
		emulatePhone();
	}

	/** A desktop window cannot be made this narrow; emulate a phone's screen instead. */
	private static void emulatePhone() {
		browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", WIDTH, "height", 720, "deviceScaleFactor", 1, "mobile", true));
	}

	@AfterAll
	static void quitBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@BeforeEach
	void freshSession() {
		open("/");
		browser.manage().deleteAllCookies();
		open("/?lang=en");
	}

	/** Every tap and key press a test makes, counted: a tap is 1, a key is 1, typing "40" is 2. */
	static final class Actions {

		int count;

		void tap(WebElement element) {
			this.count++;
			element.click();
		}

		void tap(String id) {
			tap(browser.findElement(By.id(id)));
		}

		/** Types into the element that has focus, which the page must have moved there. */
		void type(String text) {
			this.count += text.length();
			browser.switchTo().activeElement().sendKeys(text);
		}

		void press(CharSequence key) {
			this.count++;
			browser.switchTo().activeElement().sendKeys(key);
		}

		/** A tap that loads the next page. */
		void tapAndWait(String id) {
			WebElement page = browser.findElement(By.tagName("html"));
			tap(id);
			waitFor(page);
		}

		void pressAndWait(CharSequence key) {
			WebElement page = browser.findElement(By.tagName("html"));
			press(key);
			waitFor(page);
		}

	}

	@Test
	void aHealthyPersonGetsToAResultInAtMost15ActionsOnAPhone() {
		Actions actions = new Actions();
		assertThat(heading()).isEqualTo("Where does it hurt, and for how long?");
		assertThat(caption()).isEqualTo("Step 1 of 5");
		audit("step-1");
		Screenshots.forDocs(browser, "web-step-1");
		actions.tap("painAreas-LOWER_BACK");
		actions.tap("painDuration-CHRONIC");
		actions.tapAndWait("continue");

		assertThat(caption()).isEqualTo("Step 2 of 5");
		audit("step-2");
		Screenshots.forDocs(browser, "web-step-2");
		actions.tap(noToAll());
		assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("continue");
		actions.tapAndWait("continue");

		assertThat(caption()).isEqualTo("Step 3 of 5");
		audit("step-3");
		Screenshots.forDocs(browser, "web-step-3");
		actions.tap(noToAll());
		// focus goes on to the next question still to answer: the age
		assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("age");
		actions.type("40");
		actions.pressAndWait(Keys.ENTER);

		assertThat(caption()).isEqualTo("Step 4 of 5");
		audit("step-4");
		Screenshots.forDocs(browser, "web-step-4");
		actions.tap("painSeverity-3");
		actions.tap("painWorsening-false");
		actions.tapAndWait("continue");

		assertThat(caption()).isEqualTo("Step 5 of 5");
		audit("step-5");
		Screenshots.forDocs(browser, "web-step-5");
		actions.tap("setting-PROFESSIONAL");
		actions.tapAndWait("continue");

		assertThat(heading()).isEqualTo("Check your answers");
		audit("check");
		Screenshots.forDocs(browser, "web-check");
		Screenshots.fullPage(browser, "check");
		WebElement page = browser.findElement(By.tagName("html"));
		actions.tap(browser.findElement(By.cssSelector("main form.actions button[type=submit]")));
		waitFor(page);

		assertThat(browser.getCurrentUrl()).endsWith("/result");
		assertThat(disposition()).isEqualTo("PROCEED");
		assertThat(heading()).contains("You can try massage");
		assertThat(browser.findElements(By.cssSelector(".card"))).hasSize(12);
		assertThat(actions.count).as("taps and key presses from the first step to the result").isLessThanOrEqualTo(15);
		System.out.println("Actions, healthy person: " + actions.count);
		audit("result-proceed");
		Screenshots.fullPage(browser, "result-proceed");
		assertThat(printedPages("result-proceed")).isBetween(1, 2);
	}

	@Test
	void someoneWithOneConditionGetsToAResultInAtMost20Actions() {
		Actions actions = new Actions();
		actions.tap("painAreas-LOWER_BACK");
		actions.tap("painDuration-CHRONIC");
		actions.tapAndWait("continue");
		actions.tap(noToAll());
		actions.tapAndWait("continue");
		actions.tap(noToAll());
		actions.tap("answers-EPILEPSY"); // Yes
		actions.tap("age");
		actions.type("40");
		actions.pressAndWait(Keys.ENTER);
		actions.tap("painSeverity-3");
		actions.tap("painWorsening-false");
		actions.tapAndWait("continue");
		actions.tap("setting");
		actions.tapAndWait("continue");
		assertThat(browser.findElement(By.cssSelector(".check-answers")).getText()).contains("Epilepsy\nYes");
		WebElement page = browser.findElement(By.tagName("html"));
		actions.tap(browser.findElement(By.cssSelector("main form.actions button[type=submit]")));
		waitFor(page);

		assertThat(browser.getCurrentUrl()).endsWith("/result");
		assertThat(actions.count).isLessThanOrEqualTo(20);
		System.out.println("Actions, one condition: " + actions.count);
	}

	@Test
	void noToAllAnswersTheGroupNoInOneTapAndEachCanStillBeChanged() {
		click("painAreas-LOWER_BACK");
		click("painDuration");
		submit();
		List<WebElement> yes = browser.findElements(By.cssSelector("input[type=radio][value=YES]"));
		assertThat(yes).isNotEmpty();
		assertThat(browser.findElements(By.cssSelector("input[type=radio]:checked"))).isEmpty();
		noToAll().click();
		assertThat(browser.findElements(By.cssSelector("input[type=radio][value=NO]:checked"))).hasSize(yes.size());
		assertThat(browser.findElement(By.id("no-to-all-done")).getText()).contains("You can still change");
		browser.findElement(By.id("answers-MAJOR_TRAUMA-NOT_SURE")).click();
		submit();
		// the next group is not preset
		assertThat(browser.findElements(By.cssSelector("input[type=radio]:checked"))).isEmpty();
		follow(browser.findElement(By.cssSelector("a.back-link")));
		assertThat(browser.findElement(By.id("answers-MAJOR_TRAUMA-NOT_SURE")).isSelected()).isTrue();
		assertThat(browser.findElement(By.id("answers-SADDLE_NUMBNESS-NO")).isSelected()).isTrue();
	}

	@Test
	void aChangeFromTheCheckPageFocusesTheQuestionsLegendAndReturnsToTheCheckPage() {
		fill(Map.of(), "PROFESSIONAL");
		submit();
		follow(browser.findElement(By.cssSelector("a[href='/step/3?change#answers-PREGNANCY-legend']")));

		assertThat(browser.getCurrentUrl()).contains("/step/3?change");
		assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("answers-PREGNANCY-legend");
		assertThat(browser.findElement(By.id("answers-PREGNANCY-NO")).isSelected()).isTrue();
		assertThat(browser.findElement(By.id("age")).getAttribute("value")).isEqualTo("40");
		browser.findElement(By.id("answers-PREGNANCY")).click();
		submit();
		assertThat(heading()).isEqualTo("Check your answers");
		assertThat(browser.findElement(By.cssSelector(".check-answers")).getText()).contains("Pregnancy\nYes");
	}

	@Test
	void anErrorSummaryLinkMovesFocusToTheQuestionsLegend() {
		click("painAreas-LOWER_BACK");
		submit();
		assertThat(browser.getTitle()).startsWith("Error:");
		WebElement summary = browser.findElement(By.cssSelector(".error-summary"));
		assertThat(summary.getText()).contains("There is a problem", "Choose how long you have had this pain");
		assertThat(browser.findElement(By.id("painAreas-LOWER_BACK")).isSelected()).isTrue();
		audit("step-1-errors");
		Screenshots.forDocs(browser, "web-step-errors");

		summary.findElement(By.cssSelector("a[href='#painDuration-legend']")).click();
		assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("painDuration-legend");
		assertThat(browser.switchTo().activeElement().getText()).isEqualTo("How long have you had this pain?");
	}

	@Test
	void switchingLanguageKeepsTheAnswers() {
		click("painAreas-LOWER_BACK");
		click("painDuration-CHRONIC");
		submit();
		follow(browser.findElement(By.cssSelector(".language-switch a[hreflang='es']")));
		assertThat(caption()).isEqualTo("Paso 2 de 5");
		assertThat(heading()).isEqualTo("Señales de alarma");
		audit("step-2-es");
		follow(browser.findElement(By.cssSelector("a.back-link")));
		assertThat(browser.findElement(By.id("painAreas-LOWER_BACK")).isSelected()).isTrue();
		assertThat(browser.findElement(By.id("painDuration-CHRONIC")).isSelected()).isTrue();
		follow(browser.findElement(By.cssSelector(".language-switch a[hreflang='en']")));
		assertThat(browser.findElement(By.id("painDuration-CHRONIC")).isSelected()).isTrue();
		assertThat(caption()).isEqualTo("Step 1 of 5");
	}

	@Test
	void aRequestWithoutCookiesGetsNoSessionIdInItsLinks() throws Exception {
		HttpResponse<String> page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/")).build(),
					BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("action=\"/step/1\"").doesNotContainIgnoringCase("jsessionid");
	}

	@Test
	void aSignOfCaudaEquinaSaysFirstToGoToAnEmergencyDepartmentAndOffersNoTechnique() {
		fill(Map.of(HealthQuestion.SADDLE_NUMBNESS, HealthAnswer.YES), "SELF");
		submit();
		submit();

		assertThat(disposition()).isEqualTo("URGENT_CARE");
		assertThat(firstHeadingInMain()).isEqualTo("H1: Go to an emergency department now. Do not drive yourself.");
		assertThat(browser.getTitle()).startsWith("Go to an emergency department now.");
		WebElement call = browser.findElement(By.cssSelector(".disposition a[href='tel:112']"));
		assertThat(call.getText()).isEqualTo("If you cannot get there safely, call 112");
		assertThat(browser.findElement(By.cssSelector(".steps")).getText()).contains("Do not have a massage");
		assertNoTechniqueAndNoTip();
		audit("result-urgent-care");
		Screenshots.window(browser, "result-urgent-care-top");
		Screenshots.fullPage(browser, "result-urgent-care");
		assertThat(printedPages("result-urgent-care")).isOne();
	}

	@Test
	void chestPainSaysFirstToCallTheEmergencyNumberWithABigTapToCallButton() {
		fill(Map.of(HealthQuestion.CHEST_PAIN_OR_BREATHLESSNESS, HealthAnswer.YES), "SELF");
		submit();
		submit();

		assertThat(disposition()).isEqualTo("URGENT_CARE");
		assertThat(firstHeadingInMain()).isEqualTo("H1: Call 112 now. This is the emergency number.");
		WebElement call = browser.findElement(By.cssSelector("a.button--call"));
		assertThat(call.getAttribute("href")).isEqualTo("tel:112");
		assertThat(call.getText()).isEqualTo("Call 112");
		// the button is the first thing to tap, and visible without scrolling on the narrowest phone
		assertThat(firstLinkInMain()).isEqualTo("tel:112");
		assertThat(call.getRect().getY() + call.getRect().getHeight()).isLessThan(720);
		assertThat(call.getRect().getWidth()).isGreaterThanOrEqualTo(WIDTH - 80);
		assertNoTechniqueAndNoTip();
		audit("result-urgent-call");
		Screenshots.window(browser, "result-urgent-call-top");
		Screenshots.fullPage(browser, "result-urgent-call");
		assertThat(printedPages("result-urgent-call")).isOne();

		follow(browser.findElement(By.cssSelector(".language-switch a[hreflang='es']")));
		assertThat(firstHeadingInMain()).isEqualTo("H1: Llame ahora al 112. Es el número de emergencias.");
		assertThat(browser.findElement(By.cssSelector("a.button--call")).getText()).isEqualTo("Llame al 112");
		assertNoTechniqueAndNoTip();
		audit("result-urgent-call-es");
	}

	@Test
	void aColdSaysToWaitUntilWellWithNoDoctorAndNoTechnique() {
		fill(Map.of(HealthQuestion.COLD_OR_MINOR_ILLNESS, HealthAnswer.YES), "SELF");
		submit();
		submit();

		assertThat(disposition()).isEqualTo("WAIT_UNTIL_WELL");
		assertThat(heading()).contains("Not today: wait until you are well");
		assertThat(browser.findElement(By.cssSelector(".steps")).getText())
			.contains("You do not need a doctor for this", "If you get worse or get a fever, see a doctor");
		assertThat(browser.findElement(By.cssSelector(".techniques")).getText())
			.contains("No technique is offered today")
			.doesNotContain("Each technique says if it suits you");
		assertThat(browser.findElements(By.cssSelector(".card:not(.card--AVOID)"))).isEmpty();
		assertThat(browser.findElements(By.cssSelector(".advice .reasons"))).isEmpty();
		assertThat(browser.findElements(By.cssSelector("a[href^='tel:']"))).isEmpty();
		// its own colour: neither the doctor's nor the caution's
		assertThat(browser.findElement(By.cssSelector(".disposition__banner")).getCssValue("background-color"))
			.isEqualTo("rgba(76, 44, 146, 1)");
		audit("result-wait-until-well");
		Screenshots.window(browser, "result-wait-until-well-top");
		Screenshots.fullPage(browser, "result-wait-until-well");
		assertThat(printedPages("result-wait-until-well")).isBetween(1, 2);

		follow(browser.findElement(By.cssSelector(".language-switch a[hreflang='es']")));
		assertThat(heading()).contains("Hoy no: espere a encontrarse bien");
		audit("result-wait-until-well-es");
	}

	/** No card, one line instead, no tip for massage, and never "call your doctor". */
	private void assertNoTechniqueAndNoTip() {
		assertThat(browser.findElements(By.cssSelector(".card"))).isEmpty();
		assertThat(browser.findElements(By.cssSelector(".withheld"))).hasSize(1);
		assertThat(browser.findElements(By.cssSelector(".advice .reasons"))).isEmpty();
		assertThat(browser.findElements(By.xpath("//*[normalize-space()='How to do it safely']"))).isEmpty();
		String main = browser.findElement(By.tagName("main")).getText().toLowerCase(Locale.ROOT);
		assertThat(main).doesNotContain("call your doctor", "llame a su médico", "see a doctor before any massage");
	}

	@Test
	void notSureCountsAsYesAndEndsInProceedWithCaution() {
		fill(Map.of(HealthQuestion.SENSITIVE_SKIN, HealthAnswer.NOT_SURE), "SELF");
		submit();
		assertThat(browser.findElement(By.cssSelector(".check-answers")).getText()).contains("Not sure");
		submit();

		assertThat(disposition()).isEqualTo("PROCEED_WITH_CAUTION");
		assertThat(browser.findElement(By.cssSelector(".disposition")).getText()).contains("\"Not sure\"",
				"sensitive skin", "treated it as a yes");
		assertThat(browser.findElement(By.id("card-DEEP_TISSUE")).findElement(By.xpath(".."))
			.findElement(By.cssSelector(".badge"))
			.getText()).isEqualTo("Avoid");
		audit("result-proceed-with-caution");
		Screenshots.window(browser, "result-proceed-with-caution-top");
		Screenshots.fullPage(browser, "result-proceed-with-caution");
		assertThat(printedPages("result-proceed-with-caution")).isBetween(1, 2);
	}

	@Test
	void theLanguageSwitchesOnEveryPageAndTheResultIsReworded() {
		follow(browser.findElement(By.cssSelector(".language-switch a[hreflang='es']")));
		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
		assertThat(heading()).isEqualTo("¿Dónde le duele, y desde cuándo?");
		audit("step-1-es");
		Screenshots.window(browser, "step-1-es");

		fill(Map.of(HealthQuestion.PREGNANCY, HealthAnswer.YES), "SELF");
		submit();
		assertThat(heading()).isEqualTo("Revise sus respuestas");
		audit("check-es");
		submit();

		assertThat(disposition()).isEqualTo("SEE_DOCTOR");
		assertThat(heading()).contains("Consulte a un médico antes de cualquier masaje");
		audit("result-see-doctor-es");
		Screenshots.window(browser, "result-see-doctor-es-top");
		Screenshots.fullPage(browser, "result-see-doctor-es");

		follow(browser.findElement(By.cssSelector(".language-switch a[hreflang='en']")));
		assertThat(browser.getCurrentUrl()).contains("/result");
		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
		assertThat(disposition()).isEqualTo("SEE_DOCTOR");
		assertThat(heading()).contains("See a doctor before any massage");
		assertThat(browser.findElement(By.cssSelector(".disposition")).getText()).contains("pregnancy");
		audit("result-see-doctor");
		Screenshots.fullPage(browser, "result-see-doctor");
	}

	@Test
	void theFormWorksWithTheKeyboardAloneWithAVisibleFocus() {
		WebElement body = browser.findElement(By.tagName("body"));
		body.sendKeys(Keys.TAB);
		WebElement skip = browser.switchTo().activeElement();
		assertThat(skip.getText()).isEqualTo("Skip to main content");
		assertThat(skip.getRect().getX()).isGreaterThanOrEqualTo(0);
		skip.sendKeys(Keys.ENTER);
		// From the main content: the Back link, then the first pain area.
		browser.switchTo().activeElement().sendKeys(Keys.TAB);
		assertThat(browser.switchTo().activeElement().getAttribute("class")).isEqualTo("back-link");
		browser.switchTo().activeElement().sendKeys(Keys.TAB);
		WebElement first = browser.switchTo().activeElement();
		assertThat(first.getAttribute("id")).isEqualTo("painAreas");
		assertThat(first.getCssValue("outline-style")).isNotEqualTo("none");
		first.sendKeys(Keys.SPACE);
		assertThat(first.isSelected()).isTrue();
	}

	@Test
	void pagesBeyondTheFlowSendThePersonBackToTheFirstUnansweredStep() {
		open("/result");
		assertThat(browser.getCurrentUrl()).endsWith("/");
		open("/check");
		assertThat(browser.getCurrentUrl()).endsWith("/");
		open("/step/4");
		assertThat(browser.getCurrentUrl()).endsWith("/step/1");
	}

	/**
	 * Answers steps 1 to 4 and chooses the setting on step 5, ready for Continue; every question
	 * not in answers is answered No, and one mapped to null is skipped. The neck hurts, so its
	 * warning sign is asked.
	 */
	private void fill(Map<HealthQuestion, HealthAnswer> answers, String setting) {
		click("painAreas"); // the first area: neck and shoulders
		click("painAreas-LOWER_BACK");
		click("painDuration-CHRONIC");
		submit();
		answer(answers);
		submit();
		answer(answers);
		WebElement age = browser.findElement(By.id("age"));
		age.clear();
		age.sendKeys("40");
		submit();
		click("painSeverity-3");
		click("painWorsening-false");
		click("painPatterns-GENERAL_STIFFNESS");
		submit();
		click(setting.equals("SELF") ? "setting" : "setting-" + setting);
	}

	/** Answers the health questions on this step. */
	private void answer(Map<HealthQuestion, HealthAnswer> answers) {
		for (HealthQuestion question : HealthQuestion.values()) {
			String id = "answers-" + question.name();
			if (browser.findElements(By.id(id)).isEmpty()) {
				continue;
			}
			HealthAnswer answer = answers.containsKey(question) ? answers.get(question) : HealthAnswer.NO;
			if (answer != null) {
				click((answer == HealthAnswer.YES) ? id : id + "-" + answer.name());
			}
		}
	}

	private WebElement noToAll() {
		return browser.findElement(By.cssSelector("button.no-to-all"));
	}

	private String caption() {
		return browser.findElement(By.cssSelector(".step-caption")).getText();
	}

	private static void waitFor(WebElement stale) {
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(Chromium.gone(stale));
	}

	private void click(String id) {
		WebElement input = browser.findElement(By.id(id));
		if (!input.isSelected()) {
			input.click();
		}
	}

	private void submit() {
		follow(browser.findElement(By.cssSelector("main #continue, main form.actions button[type=submit]")));
	}

	/** Clicks a link or button and waits for the next page. */
	private void follow(WebElement element) {
		WebElement page = browser.findElement(By.tagName("html"));
		element.click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(Chromium.gone(page));
	}

	private void open(String path) {
		browser.get("http://localhost:" + this.port + path);
	}

	private String heading() {
		return browser.findElement(By.tagName("h1")).getText();
	}

	/** The first heading inside main, as "H1: its words". */
	private String firstHeadingInMain() {
		WebElement first = browser.findElement(By.cssSelector("main h1, main h2, main h3"));
		return first.getTagName().toUpperCase(Locale.ROOT) + ": " + first.getText().replace('\n', ' ');
	}

	private String firstLinkInMain() {
		return browser.findElement(By.cssSelector("main a")).getAttribute("href");
	}

	private String disposition() {
		String type = browser.findElement(By.cssSelector(".disposition")).getAttribute("class");
		return type.replaceAll(".*disposition--(\\w+).*", "$1");
	}

	/** How many A4 pages the page prints on, with the print style sheet; saves a picture of the print. */
	private int printedPages(String name) {
		Screenshots.printed(browser, name + "-print");
		Map<String, Object> pdf = browser.executeCdpCommand("Page.printToPDF",
				Map.of("paperWidth", 8.27, "paperHeight", 11.69, "marginTop", 0, "marginBottom", 0, "marginLeft", 0,
						"marginRight", 0, "preferCSSPageSize", true));
		emulatePhone();
		byte[] bytes = Base64.getDecoder().decode((String) pdf.get("data"));
		String text = new String(bytes, StandardCharsets.ISO_8859_1);
		return (int) Pattern.compile("/Type\\s*/Page[^s]").matcher(text).results().count();
	}

	/**
	 * Zero axe-core violations; no sideways scrolling at 320 px; every control at least 44 by 44 px;
	 * no inline style or script, and the style sheet applied (so the Content-Security-Policy held).
	 */
	private void audit(String page) {
		Axe.assertNoViolations(browser, page);

		Number scrollWidth = (Number) browser.executeScript("return document.documentElement.scrollWidth");
		assertThat(scrollWidth.intValue()).as("page width of " + page).isLessThanOrEqualTo(WIDTH);

		@SuppressWarnings("unchecked")
		List<String> small = (List<String>) browser.executeScript("""
				return Array.from(document.querySelectorAll('a, button, input:not([type=hidden])'))
					.filter((e) => e.offsetParent !== null && !e.classList.contains('skip-link'))
					// a source's link sits in a line of text: WCAG 2.5.8 exempts such links
					.filter((e) => !e.classList.contains('source__link'))
					.filter((e) => { const r = e.getBoundingClientRect(); return r.width < 44 || r.height < 44; })
					.map((e) => e.outerHTML.substring(0, 120));""");
		assertThat(small).as("targets under 44 by 44 px on " + page).isEmpty();

		assertThat(browser.findElements(By.cssSelector("[style], script:not([src]), style"))).as("inline styles")
			.isEmpty();
		assertThat(browser.findElement(By.cssSelector(".site-header")).getCssValue("background-color"))
			.isEqualTo("rgba(11, 12, 12, 1)");
	}

}
