package org.backsafe.selfscreening;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.backsafe.support.Axe;
import org.backsafe.support.Chromium;
import org.backsafe.support.Screenshots;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
 * The session time-out, scaled down: 25 seconds, with the warning 20 seconds before the end (the
 * shortest WCAG 2.2.1 allows for an answer).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "backsafe.selfscreening.session-timeout=25s", "backsafe.selfscreening.warning=20s" })
class SelfScreeningTimeOutBrowserTests {

	static ChromeDriver browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() {
		browser = Chromium.start(320, 720);
		browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 320, "height", 720, "deviceScaleFactor", 1, "mobile", true));
	}

	@AfterAll
	static void quitBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void aWarningOffersToKeepGoingAndAtTheEndThePageSaysTheAnswersWereCleared() throws Exception {
		// a second visitor, without a browser, whose form will be sent after its session ended
		HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
		String form = http.send(HttpRequest.newBuilder(uri("/?lang=en")).build(), BodyHandlers.ofString()).body();
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
		assertThat(token.find()).isTrue();

		browser.get(uri("/?lang=en").toString());
		long loaded = System.nanoTime();
		browser.findElement(By.id("painAreas-LOWER_BACK")).click();
		WebElement dialog = browser.findElement(By.id("session-warning"));
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOf(dialog));
		assertThat(dialog.getText()).contains("Do you need more time?");
		assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("session-keep-going");
		Axe.assertNoViolations(browser, "session warning");
		Screenshots.forDocs(browser, "web-session-warning");
		browser.findElement(By.id("session-keep-going")).click();
		new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.invisibilityOf(dialog));
		assertThat(browser.getCurrentUrl()).endsWith("/?lang=en");
		// the answer is still there: the page did not reload
		assertThat(browser.findElement(By.id("painAreas-LOWER_BACK")).isSelected()).isTrue();
		// past the end of the session as the page load left it, the server still has it: Keep going
		// reached the server (a later step of an ended session would go to the time-out page)
		long sinceLoad = Duration.ofNanos(System.nanoTime() - loaded).toMillis();
		Thread.sleep(Math.max(0, 26_000 - sinceLoad));
		assertThat(browser.getCurrentUrl()).endsWith("/?lang=en");
		Object landed = browser.executeAsyncScript(
				"var done = arguments[0]; fetch('/step/5', { credentials: 'same-origin' }).then(function (r) { done(r.url); });");
		assertThat((String) landed).endsWith("/step/1");

		// nobody answers the warning this time: the page goes to the time-out page at the end
		new WebDriverWait(browser, Duration.ofSeconds(40)).until(ExpectedConditions.urlContains("/timed-out"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Your answers were cleared");
		assertThat(browser.findElement(By.cssSelector("main")).getText()).contains("for 1 minute,");
		Axe.assertNoViolations(browser, "timed-out page");
		Screenshots.forDocs(browser, "web-timed-out");
		browser.findElement(By.cssSelector("main a.button")).click();
		assertThat(browser.findElement(By.id("painAreas-LOWER_BACK")).isSelected()).isFalse();

		// the other visitor's session has ended too: their step is not refused, they are told
		HttpResponse<String> late = http.send(HttpRequest.newBuilder(uri("/step/1"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString("painAreas=LOWER_BACK&painDuration=ACUTE&_csrf=" + token.group(1)))
			.build(), BodyHandlers.ofString());
		assertThat(late.statusCode()).isEqualTo(302);
		assertThat(late.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).endsWith("/timed-out"));
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
