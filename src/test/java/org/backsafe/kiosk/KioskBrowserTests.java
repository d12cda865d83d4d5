package org.backsafe.kiosk;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.backsafe.screening.HealthQuestion;
import org.backsafe.support.Axe;
import org.backsafe.support.Chromium;
import org.backsafe.support.Screenshots;
import org.backsafe.support.StaffLogin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kiosk in a real headless Chromium, as a patient and then a receptionist use it: a screening to
 * a reference code and a staff login that finds it; the idle warning, "I need more time", and the
 * reset after which the back button shows nothing of the answers.
 */
@RunningKiosk
class KioskBrowserTests {

	private static final Pattern CODE = Pattern.compile("[" + ReferenceCodes.ALPHABET + "]{3}-["
			+ ReferenceCodes.ALPHABET + "]{3}");

	@LocalServerPort
	int port;

	@Autowired
	KioskScreenings stored;

	ChromeDriver browser;

	@BeforeEach
	void openBrowser() {
		// a portrait touch screen, the usual kiosk
		this.browser = Chromium.start(1080, 1400);
	}

	@AfterEach
	void closeBrowser() {
		this.browser.quit();
	}

	String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	void tap(String inputId) {
		this.browser.findElement(By.cssSelector("label[for='" + inputId + "']")).click();
	}

	/**
	 * Zero axe-core violations, every target at least 44 by 44 px, no inline style or script; and a
	 * screenshot under target/screenshots. Answers the idle warning if it came up meanwhile.
	 */
	void audit(String page) {
		Screenshots.fullPage(this.browser, "kiosk-" + page);
		axe(page);
		@SuppressWarnings("unchecked")
		List<String> small = (List<String>) this.browser.executeScript("""
				return Array.from(document.querySelectorAll('a, button, select, label.choice__label'))
					.filter((e) => e.offsetParent !== null && !e.classList.contains('skip-link'))
					.filter((e) => { const r = e.getBoundingClientRect(); return r.width < 44 || r.height < 44; })
					.map((e) => e.outerHTML.substring(0, 120));""");
		assertThat(small).as("targets under 44 by 44 px on " + page).isEmpty();
		assertThat(this.browser.findElements(By.cssSelector("[style], script:not([src]), style")))
			.as("inline styles or scripts on " + page)
			.isEmpty();
		List<WebElement> more = this.browser.findElements(By.id("kiosk-idle-more"));
		if (!more.isEmpty() && more.get(0).isDisplayed()) {
			more.get(0).click();
		}
	}

	void axe(String page) {
		Axe.assertNoViolations(this.browser, page);
	}

	/** Taps Next and waits for the page it leads to. */
	void next(String to) {
		submit(By.cssSelector("button[name='go'][value='next']"));
		arrivedAt(to);
	}

	/** Taps a button that sends the form, and waits for the page it leads to. */
	void submit(By button) {
		Chromium.clickToNextPage(this.browser, button);
	}

	/** Waits until the browser shows the page at this path: a click does not always wait for it. */
	void arrivedAt(String path) {
		new WebDriverWait(this.browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.urlMatches(".*" + Pattern.quote(path) + "$"));
	}

	/** Taps the age in on the number pad, one key a digit; returns the taps. */
	int typeAge(int years) {
		String digits = Integer.toString(years);
		for (char digit : digits.toCharArray()) {
			this.browser.findElement(By.cssSelector("#age-keypad button[data-digit='" + digit + "']")).click();
		}
		assertThat(this.browser.findElement(By.id("age")).getAttribute("value")).isEqualTo(digits);
		return digits.length();
	}

	void answerAll(List<HealthQuestion> questions, HealthQuestion yes) {
		for (HealthQuestion question : questions) {
			String id = "answers-" + question.name();
			tap(question == yes ? id : id + "-NO");
		}
	}

	@Test
	void aKioskScreeningGivesACodeThatStaffFindAfterLoggingIn() {
		this.browser.get(url("/kiosk"));
		audit("start");
		this.browser.findElement(By.id("kiosk-start")).click();
		arrivedAt("/kiosk/questions/warningSigns");

		audit("1-warning-signs");
		answerAll(org.backsafe.questionnaire.Section.WARNING_SIGNS.getQuestions(), null);
		next("/kiosk/questions/health");
		audit("2-health");
		typeAge(45);
		answerAll(org.backsafe.questionnaire.Section.HEALTH.getQuestions(), HealthQuestion.EPILEPSY);
		next("/kiosk/questions/pain");
		audit("3-pain");
		tap("painAreas-LOWER_BACK");
		tap("painDuration-CHRONIC");
		tap("painSeverity-4");
		tap("painWorsening-false");
		tap("painPatterns-KNOTS");
		next("/kiosk/questions/massage");
		audit("4-massage");
		tap("setting-PROFESSIONAL");
		next("/kiosk/handoff");
		audit("handoff");

		String code = this.browser.findElement(By.id("kiosk-code")).getText();
		assertThat(code).matches(CODE);
		assertThat(this.browser.findElement(By.tagName("main")).getText()).contains("reception");
		assertThat(this.stored.find(code)).hasValueSatisfying((s) -> {
			assertThat(s.answers().answerTo(HealthQuestion.EPILEPSY)).isNotNull();
			assertThat(s.answers().age()).isEqualTo(45);
		});

		this.browser.findElement(By.id("kiosk-done")).click();
		arrivedAt("/kiosk");

		this.browser.get(url("/staff"));
		assertThat(this.browser.getCurrentUrl()).endsWith("/staff/login");
		axe("staff-login");
		this.browser.findElement(By.id("username")).sendKeys(StaffLogin.USER);
		this.browser.findElement(By.id("password")).sendKeys(StaffLogin.PASSWORD);
		this.browser.findElement(By.cssSelector("form.login button")).click();
		arrivedAt("/staff");
		assertThat(this.browser.findElement(By.tagName("main")).getText()).contains(code);
		axe("staff-list");
		this.browser.findElement(By.id("code")).sendKeys(code.replace("-", "").toLowerCase());
		this.browser.findElement(By.cssSelector("form.search button")).click();

		arrivedAt("/staff/screenings/" + code);
		String detail = this.browser.findElement(By.tagName("main")).getText();
		assertThat(detail).contains(code).contains("Epilepsy").contains("45");
		Screenshots.fullPage(this.browser, "staff-detail");
		axe("staff-detail");
	}

	/** From the start screen to the handoff, with one question answered Yes (a warning sign or not). */
	void screenWith(HealthQuestion yes) {
		this.browser.get(url("/kiosk"));
		this.browser.findElement(By.id("kiosk-start")).click();
		arrivedAt("/kiosk/questions/warningSigns");
		answerAll(org.backsafe.questionnaire.Section.WARNING_SIGNS.getQuestions(), yes);
		next("/kiosk/questions/health");
		typeAge(58);
		answerAll(org.backsafe.questionnaire.Section.HEALTH.getQuestions(), yes);
		next("/kiosk/questions/pain");
		tap("painAreas-LOWER_BACK");
		tap("painDuration-CHRONIC");
		tap("painSeverity-5");
		tap("painWorsening-false");
		next("/kiosk/questions/massage");
		tap("setting-PROFESSIONAL");
		next("/kiosk/handoff");
	}

	/** The same audit on the narrowest phone screen (and a 1280 px screen at 400% zoom): no sideways scrolling. */
	void auditAt320(String page) {
		this.browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 320, "height", 720, "deviceScaleFactor", 1, "mobile", true));
		try {
			Screenshots.fullPage(this.browser, "kiosk-" + page + "-320");
			axe(page + "-320");
			@SuppressWarnings("unchecked")
			List<String> wide = (List<String>) this.browser.executeScript("""
					return Array.from(document.querySelectorAll('body *'))
						.filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
						.map((e) => e.outerHTML.substring(0, 80));""");
			assertThat(wide).as("wider than the screen on " + page + " at 320 px").isEmpty();
		}
		finally {
			this.browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		}
	}

	/** The headings of the page in order, as "H2: words". */
	List<String> headings() {
		return this.browser.findElements(By.cssSelector("main h1, main h2"))
			.stream()
			.map((h) -> h.getTagName().toUpperCase(Locale.ROOT) + ": " + h.getText().replace('\n', ' '))
			.toList();
	}

	@Test
	void anUrgentResultSaysToTellTheReceptionDeskNowBeforeTheCodeAndThenWhatToDo() {
		screenWith(HealthQuestion.CHEST_PAIN_OR_BREATHLESSNESS);
		assertThat(this.browser.getTitle()).isEqualTo("Tell the reception desk now - Backsafe");
		assertThat(headings()).startsWith("H2: Tell the reception desk now", "H2: Your code for reception",
				"H1: Call 112 now. This is the emergency number.");
		WebElement alert = this.browser.findElement(By.cssSelector(".kiosk-urgent"));
		assertThat(alert.getAttribute("role")).isEqualTo("alert");
		assertThat(alert.getText()).contains("show them this screen");
		// a kiosk has no link that leaves it: no number to tap, no technique, no tip
		assertThat(this.browser.findElements(By.cssSelector("a[href^='tel:']"))).isEmpty();
		assertThat(this.browser.findElements(By.cssSelector(".card, .techniques, .advice"))).isEmpty();
		String code = this.browser.findElement(By.id("kiosk-code")).getText();
		assertThat(this.stored.find(code)).hasValueSatisfying((s) -> assertThat(s.getDisposition().isUrgent()).isTrue());
		audit("handoff-urgent");
		auditAt320("handoff-urgent");
		Screenshots.window(this.browser, "kiosk-handoff-urgent-top");

		// at the desk, the screening stands out on the list and its detail starts with what to do now
		this.browser.findElement(By.id("kiosk-done")).click();
		arrivedAt("/kiosk");
		logInAsStaff();
		WebElement row = this.browser.findElement(By.xpath("//tr[.//a[normalize-space()='" + code + "']]"));
		assertThat(row.getAttribute("class")).contains("urgent");
		assertThat(row.getText()).containsIgnoringCase("Urgent care").containsIgnoringCase("Act now");
		axe("staff-list-urgent");
		row.findElement(By.tagName("a")).click();
		arrivedAt("/staff/screenings/" + code);
		assertThat(this.browser.findElement(By.cssSelector(".notice--urgent")).getText())
			.contains("The patient was told to do this now:", "Call 112 now. This is the emergency number.");
		Screenshots.fullPage(this.browser, "staff-detail-urgent");
		axe("staff-detail-urgent");
	}

	void logInAsStaff() {
		this.browser.get(url("/staff"));
		arrivedAt("/staff/login");
		this.browser.findElement(By.id("username")).sendKeys(StaffLogin.USER);
		this.browser.findElement(By.id("password")).sendKeys(StaffLogin.PASSWORD);
		this.browser.findElement(By.cssSelector("form.login button")).click();
		arrivedAt("/staff");
	}

	@Test
	void aColdSaysToWaitUntilWell() {
		screenWith(HealthQuestion.COLD_OR_MINOR_ILLNESS);
		assertThat(this.browser.getTitle()).isEqualTo("Your code for reception - Backsafe");
		assertThat(headings()).startsWith("H2: Your code for reception");
		assertThat(this.browser.findElement(By.cssSelector(".disposition")).getAttribute("class"))
			.contains("disposition--WAIT_UNTIL_WELL");
		assertThat(this.browser.findElement(By.cssSelector(".disposition")).getText())
			.contains("Not today: wait until you are well", "You do not need a doctor for this");
		assertThat(this.browser.findElements(By.cssSelector(".kiosk-urgent"))).isEmpty();
		audit("handoff-wait-until-well");
		auditAt320("handoff-wait-until-well");
	}

	@Test
	void anIdleKioskWarnsThenClearsItselfAndTheBackButtonShowsNoAnswers() {
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(40));
		this.browser.get(url("/kiosk"));
		this.browser.findElement(By.id("kiosk-start")).click();
		arrivedAt("/kiosk/questions/warningSigns");
		answerAll(org.backsafe.questionnaire.Section.WARNING_SIGNS.getQuestions(), HealthQuestion.SADDLE_NUMBNESS);
		next("/kiosk/questions/health");
		typeAge(63);
		tap("answers-CANCER");

		// idle: the warning comes, with a tap to carry on
		WebElement dialog = this.browser.findElement(By.id("kiosk-idle"));
		wait.until(ExpectedConditions.visibilityOf(dialog));
		int secondsLeft = Integer.parseInt(this.browser.findElement(By.id("kiosk-idle-seconds")).getText());
		assertThat(secondsLeft).isBetween(15, 20);
		this.browser.findElement(By.id("kiosk-idle-more")).click();
		assertThat(dialog.isDisplayed()).isFalse();
		// the tap also told the server, which keeps the visit: the page stays, answers and all
		sleep(Duration.ofMillis(1500));
		assertThat(this.browser.getCurrentUrl()).endsWith("/kiosk/questions/health");
		assertThat(this.browser.findElement(By.id("answers-CANCER")).isSelected()).isTrue();

		// idle again, and nobody taps: back to the start, with a new session
		wait.until(ExpectedConditions.visibilityOf(this.browser.findElement(By.id("kiosk-idle"))));
		wait.until(ExpectedConditions.urlMatches(".*/kiosk$"));
		assertThat(this.browser.findElement(By.id("kiosk-start")).isDisplayed()).isTrue();

		// the back button finds nothing of the answers, neither on the page nor in the bfcache
		for (int i = 0; i < 3; i++) {
			this.browser.navigate().back();
			assertNoAnswersShown();
		}
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	void assertNoAnswersShown() {
		new WebDriverWait(this.browser, Duration.ofSeconds(10)).until((driver) -> "complete"
			.equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
		assertThat(this.browser.findElements(By.cssSelector("input:checked"))).isEmpty();
		assertThat(this.browser.findElements(By.cssSelector("#age"))).allSatisfy((age) -> assertThat(age.getAttribute("value")).isEmpty());
		assertThat(this.browser.getPageSource()).doesNotContain("checked=\"checked\"");
	}

	/** Counts a patient's actions: each tap or key press is one. */
	final class Actions {

		int count;

		void tap(String inputId) {
			KioskBrowserTests.this.tap(inputId);
			this.count++;
		}

		void click(By button) {
			KioskBrowserTests.this.browser.findElement(button).click();
			this.count++;
		}

		void next(String to) {
			KioskBrowserTests.this.next(to);
			this.count++;
		}

		/** Leads back to the same screen, so only the page being replaced says it has come. */
		void noToAll(String section) {
			submit(By.id("kiosk-none"));
			this.count++;
			arrivedAt("/kiosk/questions/" + section);
		}

		void age(int years) {
			this.count += typeAge(years);
		}

	}

	/** From the start to the handoff by the quickest taps: "No to all of these" on both groups. */
	Actions quickestScreening(HealthQuestion yes) {
		Actions actions = new Actions();
		this.browser.get(url("/kiosk"));
		actions.click(By.id("kiosk-start"));
		arrivedAt("/kiosk/questions/warningSigns");
		assertThat(this.browser.findElements(By.cssSelector("input[type=radio]:checked"))).as("nothing preset").isEmpty();
		assertThat(this.browser.findElements(By.id("age"))).as("the age only on the health screen").isEmpty();
		actions.noToAll("warningSigns");
		for (HealthQuestion question : org.backsafe.questionnaire.Section.WARNING_SIGNS.getQuestions()) {
			assertThat(this.browser.findElement(By.id("answers-" + question.name() + "-NO")).isSelected()).isTrue();
		}
		actions.next("/kiosk/questions/health");
		assertThat(this.browser.findElements(By.cssSelector("input[type=radio]:checked"))).as("nothing preset").isEmpty();
		actions.age(47);
		actions.noToAll("health");
		assertThat(this.browser.findElement(By.id("age")).getAttribute("value")).as("the age kept").isEqualTo("47");
		if (yes != null) {
			// the patient changes one answer after "No to all of these"
			actions.tap("answers-" + yes.name());
		}
		actions.next("/kiosk/questions/pain");
		actions.tap("painAreas-LOWER_BACK");
		actions.tap("painDuration-CHRONIC");
		actions.tap("painSeverity-3");
		actions.tap("painWorsening-false");
		actions.next("/kiosk/questions/massage");
		actions.tap("setting-PROFESSIONAL");
		actions.next("/kiosk/handoff");
		return actions;
	}

	@Test
	void aHealthyPatientReachesTheHandoffInFifteenActionsAndOneConditionInTwenty() {
		Actions healthy = quickestScreening(null);
		String code = this.browser.findElement(By.id("kiosk-code")).getText();
		assertThat(this.stored.find(code)).hasValueSatisfying((s) -> {
			assertThat(s.answers().age()).isEqualTo(47);
			assertThat(s.answers().answers()).isEmpty();
		});
		this.browser.findElement(By.id("kiosk-done")).click();
		arrivedAt("/kiosk");

		Actions oneCondition = quickestScreening(HealthQuestion.EPILEPSY);
		String second = this.browser.findElement(By.id("kiosk-code")).getText();
		assertThat(this.stored.find(second))
			.hasValueSatisfying((s) -> assertThat(s.answers().answers()).containsOnlyKeys(HealthQuestion.EPILEPSY));
		System.out.println("Kiosk actions to the handoff: healthy " + healthy.count + ", one condition "
				+ oneCondition.count);
		assertThat(healthy.count).as("actions for a healthy patient").isLessThanOrEqualTo(15);
		assertThat(oneCondition.count).as("actions with one condition").isLessThanOrEqualTo(20);
	}

	@Test
	void theAgeIsCheckedOnTheServer() {
		this.browser.get(url("/kiosk"));
		this.browser.findElement(By.id("kiosk-start")).click();
		arrivedAt("/kiosk/questions/warningSigns");
		submit(By.id("kiosk-none"));
		arrivedAt("/kiosk/questions/warningSigns");
		next("/kiosk/questions/health");
		WebElement age = this.browser.findElement(By.id("age"));
		assertThat(age.getAttribute("inputmode")).isEqualTo("numeric");
		assertThat(age.getAttribute("pattern")).isEqualTo("[0-9]*");
		assertThat(this.browser.findElements(By.cssSelector("select#age"))).isEmpty();
		typeAge(130);
		submit(By.id("kiosk-none"));
		arrivedAt("/kiosk/questions/health");
		submit(By.cssSelector("button[name='go'][value='next']"));
		arrivedAt("/kiosk/questions/health");
		assertThat(this.browser.findElement(By.id("age-error")).getText()).contains("120");
		audit("2-health-age-error");
	}

	/** Whether the element's text is drawn on one line. */
	boolean onOneLine(WebElement element) {
		Object lines = this.browser.executeScript("""
				const range = document.createRange();
				range.selectNodeContents(arguments[0]);
				const tops = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
				return tops.size;""", element);
		return ((Number) lines).intValue() == 1;
	}

	@SuppressWarnings("unchecked")
	Map<String, Number> rectangle(String id) {
		return (Map<String, Number>) this.browser.executeScript("""
				const r = document.getElementById(arguments[0]).getBoundingClientRect();
				return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };""", id);
	}

	void assertApart(String id, String other) {
		Map<String, Number> a = rectangle(id);
		Map<String, Number> b = rectangle(other);
		boolean overlap = a.get("left").doubleValue() < b.get("right").doubleValue()
				&& b.get("left").doubleValue() < a.get("right").doubleValue()
				&& a.get("top").doubleValue() < b.get("bottom").doubleValue()
				&& b.get("top").doubleValue() < a.get("bottom").doubleValue();
		assertThat(overlap).as("%s %s overlaps %s %s", id, a, other, b).isFalse();
		assertThat(a.get("top").doubleValue()).as("%s on screen", id).isGreaterThanOrEqualTo(0);
	}

	@Test
	void theHandoffKeepsTheCodeOnOneLineAndInSightWhileTheIdleWarningShows() throws Exception {
		screenWith(HealthQuestion.CHEST_PAIN_OR_BREATHLESSNESS);
		WebElement code = this.browser.findElement(By.id("kiosk-code"));
		assertThat(code.getCssValue("white-space")).isEqualTo("nowrap");
		assertThat(onOneLine(code)).as("one line at 1080 px").isTrue();
		String text = this.browser.findElement(By.tagName("main")).getText();
		assertThat(text).contains("What happens next", "Tell your code to reception.");
		assertThat(text.toLowerCase(Locale.ROOT)).doesNotContain("print");
		java.util.Properties engine = new java.util.Properties();
		try (var in = getClass().getResourceAsStream("/messages/engine.properties")) {
			engine.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
		}
		engine.stringPropertyNames()
			.stream()
			.filter((key) -> key.matches("technique\\.[A-Z_]+"))
			.forEach((key) -> assertThat(text).as("no technique on the handoff").doesNotContain(engine.getProperty(key)));
		this.browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 320, "height", 720, "deviceScaleFactor", 1, "mobile", true));
		try {
			assertThat(onOneLine(code)).as("one line at 320 px").isTrue();
		}
		finally {
			this.browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		}

		// the handoff's own time (45 s here, the warning's 20 s included) runs out: the warning shows
		WebElement dialog = this.browser.findElement(By.id("kiosk-idle"));
		new WebDriverWait(this.browser, Duration.ofSeconds(100)).until(ExpectedConditions.visibilityOf(dialog));
		assertApart("kiosk-code", "kiosk-idle");
		Screenshots.window(this.browser, "kiosk-handoff-warning");
		// the warning waits 20 s: the checks at 320 px, then axe-core, before it clears the screen
		this.browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 320, "height", 720, "deviceScaleFactor", 1, "mobile", true));
		try {
			sleep(Duration.ofMillis(300));
			assertApart("kiosk-code", "kiosk-idle");
			Screenshots.window(this.browser, "kiosk-handoff-warning-320");
		}
		finally {
			this.browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		}
		assertThat(dialog.isDisplayed()).as("still warning").isTrue();
		axe("handoff-warning");
	}

	@Autowired
	org.backsafe.screening.ScreeningService engine;

	@Test
	void theOpenStaffListShowsANewScreeningWithoutAReload() {
		logInAsStaff();
		Screenshots.fullPage(this.browser, "staff-list");
		axe("staff-list-refreshing");
		org.backsafe.screening.ScreeningRequest answers = new org.backsafe.screening.ScreeningRequest(52,
				Map.of(HealthQuestion.SADDLE_NUMBNESS, org.backsafe.screening.Response.YES),
				new org.backsafe.screening.PainProfile(java.util.Set.of(org.backsafe.screening.PainArea.LOWER_BACK),
						org.backsafe.screening.PainDuration.ACUTE, 6, true, java.util.Set.of()),
				org.backsafe.screening.Setting.PROFESSIONAL, java.util.Set.of());
		String code = this.stored.store(answers, this.engine.screen(answers), Locale.ENGLISH).getDisplayCode();
		// nobody touches the page: the list polls, sees the change and reloads itself
		// the page may be replaced between finding its main and reading it: that is the reload, not a failure
		new WebDriverWait(this.browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
			.until((driver) -> driver.findElement(By.tagName("main")).getText().contains(code));
		WebElement first = this.browser.findElement(By.cssSelector("table.screenings tbody tr"));
		assertThat(first.getText()).as("an urgent one not reviewed comes first").contains(code).containsIgnoringCase("Act now");
		Screenshots.fullPage(this.browser, "staff-list-urgent-first");
		axe("staff-list-after-refresh");
	}

}
