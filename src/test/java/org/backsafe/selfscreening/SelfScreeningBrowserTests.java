package org.backsafe.selfscreening;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumMap;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
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

	@Test
	void aFullScreeningWithNothingAgainstMassageEndsInProceed() {
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Is massage safe for your back pain?");
		audit("form");
		Screenshots.window(browser, "form");
		Screenshots.fullPage(browser, "form-full");

		fill(Map.of(), "PROFESSIONAL");
		submit();

		assertThat(heading()).isEqualTo("Check your answers");
		assertThat(browser.findElement(By.cssSelector("a[href='/#age']")).getText()).contains("Change");
		audit("check");
		Screenshots.fullPage(browser, "check");
		submit();

		assertThat(browser.getCurrentUrl()).endsWith("/result");
		assertThat(disposition()).isEqualTo("PROCEED");
		assertThat(heading()).contains("You can try massage");
		assertThat(browser.findElements(By.cssSelector(".card"))).hasSize(12);
		assertThat(browser.findElements(By.cssSelector(".verdict-group--RECOMMENDED .card"))).isNotEmpty();
		assertThat(browser.findElement(By.cssSelector(".card--RECOMMENDED")).getText()).contains("How to do it safely",
				"Source:");
		assertThat(browser.findElement(By.cssSelector(".not-a-doctor")).getText())
			.contains("does not replace a doctor");
		audit("result-proceed");
		Screenshots.window(browser, "result-proceed-top");
		Screenshots.fullPage(browser, "result-proceed");
		assertThat(printedPages("result-proceed")).isBetween(1, 2);
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
	void anErrorIsShownBesideTheFieldAndInTheSummaryAndTheAnswersAreKept() {
		Map<HealthQuestion, HealthAnswer> answers = new EnumMap<>(HealthQuestion.class);
		answers.put(HealthQuestion.CANCER, HealthAnswer.NOT_SURE);
		answers.put(HealthQuestion.EPILEPSY, null);
		fill(answers, "SELF");
		browser.findElement(By.id("age")).clear();
		browser.findElement(By.id("age")).sendKeys("forty");
		submit();

		assertThat(browser.getTitle()).startsWith("Error:");
		WebElement summary = browser.findElement(By.cssSelector(".error-summary"));
		assertThat(summary.getText()).contains("There is a problem", "Enter your age as a number",
				"Choose Yes, No or Not sure for epilepsy");
		assertThat(browser.findElement(By.id("age-error")).getText()).contains("Enter your age as a number");
		assertThat(browser.findElement(By.id("answers-EPILEPSY-error")).getText()).contains("epilepsy");
		// Everything else answered is kept, even the wrong age.
		assertThat(browser.findElement(By.id("age")).getAttribute("value")).isEqualTo("forty");
		assertThat(browser.findElement(By.id("answers-CANCER-NOT_SURE")).isSelected()).isTrue();
		assertThat(browser.findElement(By.id("painAreas")).isSelected()).isTrue();
		audit("form-errors");
		Screenshots.window(browser, "form-errors");

		summary.findElement(By.cssSelector("a[href='#age']")).click();
		assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("age");
		browser.findElement(By.id("age")).clear();
		browser.findElement(By.id("age")).sendKeys("40");
		browser.findElement(By.id("answers-EPILEPSY-NO")).click();
		submit();

		assertThat(browser.findElements(By.cssSelector(".error-summary")))
			.as(() -> browser.findElement(By.cssSelector(".error-summary")).getText())
			.isEmpty();
		assertThat(heading()).isEqualTo("Check your answers");
	}

	@Test
	void aChangeLinkGoesBackToThatQuestionWithEveryAnswerKept() {
		fill(Map.of(), "PROFESSIONAL");
		submit();
		follow(browser.findElement(By.cssSelector("a[href='/#answers-PREGNANCY']")));

		assertThat(browser.getCurrentUrl()).endsWith("/#answers-PREGNANCY");
		assertThat(browser.findElement(By.id("answers-PREGNANCY-NO")).isSelected()).isTrue();
		assertThat(browser.findElement(By.id("age")).getAttribute("value")).isEqualTo("40");
		browser.findElement(By.id("answers-PREGNANCY")).click();
		submit();
		assertThat(browser.findElement(By.cssSelector(".check-answers")).getText()).contains("Pregnancy\nYes");
	}

	@Test
	void theLanguageSwitchesOnEveryPageAndTheResultIsReworded() {
		follow(browser.findElement(By.cssSelector(".language-switch a[hreflang='es']")));
		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
		assertThat(heading()).isEqualTo("¿Es seguro un masaje para su dolor de espalda?");
		assertThat(browser.findElement(By.cssSelector("label[for='answers-CANCER-NOT_SURE']")).getText())
			.isEqualTo("No lo sé");
		audit("form-es");
		Screenshots.window(browser, "form-es");

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
		// From the main content, the next stop is the first answer of the first warning sign.
		browser.switchTo().activeElement().sendKeys(Keys.TAB);
		WebElement first = browser.switchTo().activeElement();
		assertThat(first.getAttribute("id")).isEqualTo("answers-SADDLE_NUMBNESS");
		assertThat(first.getCssValue("outline-style")).isNotEqualTo("none");
		first.sendKeys(Keys.ARROW_DOWN);
		assertThat(browser.findElement(By.id("answers-SADDLE_NUMBNESS-NO")).isSelected()).isTrue();
	}

	@Test
	void pagesBeyondTheFlowSendThePersonBackToTheStart() {
		open("/result");
		assertThat(browser.getCurrentUrl()).endsWith("/");
		open("/check");
		assertThat(browser.getCurrentUrl()).endsWith("/");
	}

	/** Fills the whole form; every question not in answers is answered No, and one mapped to null is skipped. */
	private void fill(Map<HealthQuestion, HealthAnswer> answers, String setting) {
		WebElement age = browser.findElement(By.id("age"));
		age.clear();
		age.sendKeys("40");
		for (HealthQuestion question : HealthQuestion.values()) {
			HealthAnswer answer = answers.containsKey(question) ? answers.get(question) : HealthAnswer.NO;
			if (answer == null) {
				continue;
			}
			String id = "answers-" + question.name();
			click((answer == HealthAnswer.YES) ? id : id + "-" + answer.name());
		}
		click("painAreas"); // the first area: neck and shoulders
		click("painAreas-LOWER_BACK");
		click("painDuration-CHRONIC");
		click("painSeverity-3");
		click("painWorsening-false");
		click("painPatterns-GENERAL_STIFFNESS");
		click(setting.equals("SELF") ? "setting" : "setting-" + setting);
	}

	private void click(String id) {
		WebElement input = browser.findElement(By.id(id));
		if (!input.isSelected()) {
			input.click();
		}
	}

	private void submit() {
		follow(browser.findElement(By.cssSelector("main button[type=submit]")));
	}

	/** Clicks a link or button and waits for the next page. */
	private void follow(WebElement element) {
		WebElement page = browser.findElement(By.tagName("html"));
		element.click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(page));
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
