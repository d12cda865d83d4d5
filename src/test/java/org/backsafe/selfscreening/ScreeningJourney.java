package org.backsafe.selfscreening;

import java.time.Duration;

import org.backsafe.screening.HealthQuestion;
import org.backsafe.support.Chromium;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The one place browser tests of the pages after the questions know how the questions are asked:
 * when the form changes, only this class changes.
 */
final class ScreeningJourney {

	private ScreeningJourney() {
	}

	/**
	 * Answers the form as a healthy 40-year-old with stiff lower back and neck pain for 12+ weeks who
	 * will massage themselves with a tennis ball, checks the answers, and waits on the result page.
	 */
	static void completeHealthyScreening(ChromeDriver browser, String baseUrl) {
		browser.get(baseUrl + "/?lang=en");
		click(browser, "painAreas"); // the first area: neck and shoulders
		click(browser, "painAreas-LOWER_BACK");
		click(browser, "painDuration-CHRONIC");
		submit(browser); // step 2, the warning signs
		answerNo(browser);
		submit(browser); // step 3, health
		answerNo(browser);
		WebElement age = browser.findElement(By.id("age"));
		age.clear();
		age.sendKeys("40");
		submit(browser); // step 4, the pain
		click(browser, "painSeverity-3");
		click(browser, "painWorsening-false");
		click(browser, "painPatterns-GENERAL_STIFFNESS");
		submit(browser); // step 5, the massage
		click(browser, "setting");
		click(browser, "equipment-TENNIS_BALL");
		submit(browser); // to "check your answers"
		submit(browser); // to the result
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*/result$"));
	}

	/** Answers No to each health question this step asks. */
	private static void answerNo(ChromeDriver browser) {
		for (HealthQuestion question : HealthQuestion.values()) {
			String id = "answers-" + question.name() + "-NO";
			if (!browser.findElements(By.id(id)).isEmpty()) {
				click(browser, id);
			}
		}
	}

	private static void click(ChromeDriver browser, String id) {
		WebElement input = browser.findElement(By.id(id));
		if (!input.isSelected()) {
			input.click();
		}
	}

	private static void submit(ChromeDriver browser) {
		WebElement page = browser.findElement(By.tagName("html"));
		browser.findElement(By.cssSelector("main #continue, main form.actions button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(Chromium.gone(page));
	}

}
