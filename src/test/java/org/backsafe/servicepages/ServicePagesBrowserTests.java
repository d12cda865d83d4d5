package org.backsafe.servicepages;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.backsafe.support.Axe;
import org.backsafe.support.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The privacy notice, the accessibility statement and the 404 page in a real headless Chromium at
 * 320 CSS pixels wide, each audited with axe-core in both languages; and the footer's links on the
 * front page, the kiosk, the staff login and the rule catalogue.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "backsafe.service.contact=help@clinic.example")
class ServicePagesBrowserTests {

	static final int WIDTH = 320;

	static ChromeDriver browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() {
		browser = Chromium.start(WIDTH, 720);
		browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", WIDTH, "height", 720, "deviceScaleFactor", 1, "mobile", true));
	}

	@AfterAll
	static void quitBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	/** Each test starts as a new visitor: a kiosk visit one test starts must not carry into the next. */
	@BeforeEach
	void forgetTheLastVisit() {
		browser.manage().deleteAllCookies();
	}

	void open(String path) {
		browser.get("http://localhost:" + this.port + path);
		awaitTheFooter();
	}

	/** The footer is the page's last element: once it is there, the page is all there. */
	static void awaitTheFooter() {
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".service-links")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/privacy?lang=en", "/privacy?lang=es", "/accessibility?lang=en", "/accessibility?lang=es",
			"/kiosk/privacy?lang=en", "/kiosk/accessibility?lang=es", "/no-such-page?lang=en", "/no-such-page?lang=es" })
	void theServicePagesHaveNoAccessibilityViolations(String path) {
		open(path);
		assertThat(browser.findElements(By.tagName("h1"))).hasSize(1);
		Axe.assertNoViolations(browser, path);
		Number scrollWidth = (Number) browser.executeScript("return document.documentElement.scrollWidth");
		assertThat(scrollWidth.intValue()).as("page width of " + path).isLessThanOrEqualTo(WIDTH);
		// the footer's own stylesheet applied: its links are big enough to tap
		for (WebElement link : browser.findElements(By.cssSelector(".service-links a"))) {
			assertThat(link.getRect().getHeight()).as(link.getText()).isGreaterThanOrEqualTo(44);
		}
	}

	@Test
	void theNotFoundPageSaysSoAndLeadsHome() {
		open("/no-such-page?lang=en");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
		follow(By.linkText("Go to the start page"));
		// the start page is the form's first step
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Where does it hurt, and for how long?");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/rules", "/staff/login" })
	void theFooterLinksBothPages(String path) {
		open(path + "?lang=en");
		assertThat(footerLinks()).containsExactly("/privacy", "/accessibility");
		follow(By.linkText("Accessibility"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Accessibility statement");
	}

	@Test
	void theKioskStartLinksTheKioskCopiesAndLeadsBack() {
		open("/kiosk?lang=en");
		assertThat(footerLinks()).containsExactly("/kiosk/privacy", "/kiosk/accessibility");
		follow(By.linkText("Privacy"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Privacy notice");
		assertThat(browser.findElement(By.tagName("html")).getAttribute("class")).contains("kiosk-mode");
		follow(By.linkText("Back to the start screen"));
		assertThat(browser.getCurrentUrl()).endsWith("/kiosk");
	}

	@Test
	void midScreeningTheKioskNamesThePagesWithoutALink() {
		open("/kiosk?lang=en");
		follow(By.id("kiosk-start"));
		assertThat(browser.getCurrentUrl()).contains("/kiosk/questions/");
		assertThat(footerLinks()).isEmpty();
		assertThat(browser.findElements(By.cssSelector("a[href$='/privacy'], a[href$='/accessibility']"))).isEmpty();
		assertThat(browser.findElement(By.cssSelector(".service-links__note")).getText())
			.contains("on the start screen");
		Axe.assertNoViolations(browser, "kiosk questions");
	}

	/** Clicks and waits for the next page, footer and all. */
	static void follow(By target) {
		Chromium.clickToNextPage(browser, target);
		awaitTheFooter();
	}

	/** The footer's links, as paths. */
	List<String> footerLinks() {
		String origin = "http://localhost:" + this.port;
		return browser.findElements(By.cssSelector("nav.service-links a"))
			.stream()
			.map((a) -> a.getAttribute("href").replace(origin, ""))
			.toList();
	}

}
