package org.backsafe.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium for browser tests. It fails, never skips, when Chromium is missing:
 * {@code .ci/run} installs it. Selenium Manager is bypassed, as it would try to download a browser.
 */
public final class Chromium {

	private static final Path BROWSER = Path.of(System.getProperty("backsafe.chromium", "/usr/bin/chromium"));

	private static final Path DRIVER = Path.of(System.getProperty("backsafe.chromedriver", "/usr/bin/chromedriver"));

	private Chromium() {
	}

	/** A new browser with a window of the given size in CSS pixels. Quit it when done. */
	public static ChromeDriver start(int width, int height) {
		if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
			throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver (" + BROWSER
					+ ", " + DRIVER + "); run .ci/run or: apt-get install chromium chromium-driver");
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BROWSER.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=" + width + "," + height);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return driver;
	}

	/**
	 * True once the element has left the page (the next page has replaced it). Selenium's own
	 * {@code stalenessOf} lets through the error Chromium sometimes gives instead of "stale" for a node
	 * of a page just replaced ("does not belong to the document"), and so fails on a page that did load.
	 */
	public static ExpectedCondition<Boolean> gone(WebElement element) {
		return (driver) -> {
			try {
				element.isEnabled();
				return false;
			}
			catch (StaleElementReferenceException ex) {
				return true;
			}
			catch (WebDriverException ex) {
				if (String.valueOf(ex.getMessage()).contains("does not belong to the document")) {
					return true;
				}
				throw ex;
			}
		};
	}

	/**
	 * Clicks what sends a form or follows a link, and waits until the next page has replaced this
	 * one: the click can return before the browser has left the page, and a page that leads to
	 * itself keeps its address, so neither the click nor the address tells.
	 */
	public static void clickToNextPage(WebDriver driver, By target) {
		WebElement page = driver.findElement(By.tagName("html"));
		driver.findElement(target).click();
		new WebDriverWait(driver, Duration.ofSeconds(20)).until(gone(page));
	}

}
