package org.backsafe.selfscreening;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.backsafe.support.Axe;
import org.backsafe.support.Chromium;
import org.backsafe.support.Screenshots;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The printable summary in a real headless Chromium: reached from the result page, audited with
 * axe-core, printed to an A4 PDF and read back with PDFBox.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "backsafe.service.name=Riverside Back Clinic",
				"backsafe.service.address=1 River Street, Springfield" })
class ScreeningSummaryBrowserTests {

	static ChromeDriver browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() {
		browser = Chromium.start(1024, 900);
	}

	@AfterAll
	static void quitBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void theSummaryFromTheResultPagePrintsOnAtMostTwoA4PagesWithTheDateAndTheAnswers() throws IOException {
		ScreeningJourney.completeHealthyScreening(browser, "http://localhost:" + this.port);
		Axe.assertNoViolations(browser, "result");
		copyToDocs(Screenshots.fullPage(browser, "web-result-sources"), "web-result-sources.png");

		follow(browser.findElement(By.cssSelector("a[href='/result/summary']")));
		assertThat(browser.findElement(By.tagName("h1")).getText())
			.isEqualTo("Back pain check: summary for a therapist or doctor");
		Axe.assertNoViolations(browser, "summary");
		// the script file shows the Print button; print.css hides it on paper
		WebElement print = browser.findElement(By.id("print-summary"));
		assertThat(print.isDisplayed()).isTrue();
		String when = browser.findElement(By.cssSelector(".summary__when")).getText();
		assertThat(when).startsWith("Checked on ").contains("Rules version");
		String date = when.substring("Checked on ".length(), when.indexOf(','));

		Screenshots.printed(browser, "web-summary-print-layout");
		assertThat(smallestPrintedText()).as("smallest text on paper, in CSS pixels (9 pt = 12 px)")
			.isGreaterThanOrEqualTo(12.0);

		byte[] pdf = printToPdf();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isBetween(1, 2);
			copyToDocs(picture(document, "web-summary-print"), "web-summary-print.png");
			String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			assertThat(text).contains("Riverside Back Clinic", "Checked on " + date, "Rules version",
					"Numbness between your legs or around your bottom No", "How old are you? 40",
					"Neck and shoulders, Lower back", "More than 12 weeks", "3 out of 10", "Stiff all over",
					"I will massage myself", "Tennis ball", "You can try massage")
				.doesNotContain("Print Back to the result");
		}
	}

	/** The printed pages as they come out of the printer, one under the other. */
	private static Path picture(PDDocument document, String name) throws IOException {
		PDFRenderer renderer = new PDFRenderer(document);
		List<BufferedImage> pages = new ArrayList<>();
		for (int page = 0; page < document.getNumberOfPages(); page++) {
			pages.add(renderer.renderImageWithDPI(page, 80));
		}
		int gap = 16;
		BufferedImage sheet = new BufferedImage(pages.get(0).getWidth() + 2 * gap,
				pages.stream().mapToInt(BufferedImage::getHeight).sum() + (pages.size() + 1) * gap,
				BufferedImage.TYPE_INT_RGB);
		Graphics2D paper = sheet.createGraphics();
		paper.setColor(Color.GRAY);
		paper.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
		int y = gap;
		for (BufferedImage page : pages) {
			paper.drawImage(page, gap, y, null);
			y += page.getHeight() + gap;
		}
		paper.dispose();
		Path file = Path.of("target", "screenshots", name + ".png");
		Files.createDirectories(file.getParent());
		ImageIO.write(sheet, "png", file.toFile());
		return file;
	}

	/** The smallest font size of any text in main, as the print style sheet lays it out. */
	private static double smallestPrintedText() {
		browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
		try {
			@SuppressWarnings("unchecked")
			List<Number> sizes = (List<Number>) browser.executeScript("""
					return Array.from(document.querySelectorAll('main *'))
						.filter((e) => e.offsetParent !== null)
						.filter((e) => Array.from(e.childNodes).some((n) => n.nodeType === 3 && n.textContent.trim()))
						.map((e) => parseFloat(getComputedStyle(e).fontSize));""");
			assertThat(sizes).isNotEmpty();
			return sizes.stream().mapToDouble(Number::doubleValue).min().orElseThrow();
		}
		finally {
			browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
		}
	}

	private static byte[] printToPdf() {
		Map<String, Object> pdf = browser.executeCdpCommand("Page.printToPDF",
				Map.of("paperWidth", 8.27, "paperHeight", 11.69, "preferCSSPageSize", true));
		return Base64.getDecoder().decode((String) pdf.get("data"));
	}

	/** The pictures in the documentation are the ones this test takes. */
	private static void copyToDocs(Path picture, String name) throws IOException {
		Path images = Path.of("docs", "images");
		if (Files.isDirectory(images)) {
			Files.copy(picture, images.resolve(name), StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static void follow(WebElement element) {
		WebElement page = browser.findElement(By.tagName("html"));
		element.click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(Chromium.gone(page));
	}

}
