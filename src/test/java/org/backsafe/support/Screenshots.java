package org.backsafe.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/** Saves screenshots of browser tests under target/screenshots, for people to look at. */
public final class Screenshots {

	private static final Path FOLDER = Path.of("target", "screenshots");

	private static final Path DOCS = Path.of("docs", "images");

	private Screenshots() {
	}

	/** What the window shows now. */
	public static Path window(ChromeDriver browser, String name) {
		return save(name, browser.getScreenshotAs(OutputType.BYTES));
	}

	/** The whole page, however long, at the window's width. */
	public static Path fullPage(ChromeDriver browser, String name) {
		Number width = (Number) browser.executeScript("return document.documentElement.clientWidth");
		Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight");
		Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", true, "clip",
						Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
		return save(name, Base64.getDecoder().decode((String) shot.get("data")));
	}

	/**
	 * The whole page as the print style sheet lays it out on one long sheet as wide as A4 paper
	 * (19 cm inside the margins). Leaves the browser with its device metrics cleared.
	 */
	public static Path printed(ChromeDriver browser, String name) {
		browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 718, "height", 1046, "deviceScaleFactor", 1, "mobile", false));
		browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
		try {
			return fullPage(browser, name);
		}
		finally {
			browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
			browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		}
	}

	/** What the window shows now, into docs/images, for the documentation (committed). */
	public static Path forDocs(ChromeDriver browser, String name) {
		try {
			Files.createDirectories(DOCS);
			return Files.write(DOCS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path save(String name, byte[] png) {
		try {
			Files.createDirectories(FOLDER);
			return Files.write(FOLDER.resolve(name + ".png"), png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
