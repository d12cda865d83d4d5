package org.backsafe.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the templates must do for the pages every service has: link static files through
 * {@code @{...}}, so the link carries the file's content hash and may be cached (a raw
 * {@code href="/css/x.css"} would be served uncached, or stale after a change behind a cache), and
 * insert the footer on every page that has its own body.
 */
class TemplateLinksTests {

	static final Path TEMPLATES = Path.of("src", "main", "resources", "templates");

	/** A plain href or src to a file of ours, not through Thymeleaf's link expression. */
	static final Pattern RAW_STATIC_LINK = Pattern
		.compile("(?<![:-])\\b(href|src)=\"/[^\"]*\\.(css|js|svg|png|ico|woff2)\"");

	@Test
	void staticFilesAreLinkedThroughLinkExpressions() throws IOException {
		List<String> raw = templates().filter((t) -> RAW_STATIC_LINK.matcher(read(t)).find())
			.map(Path::toString)
			.toList();
		assertThat(raw).isEmpty();
	}

	@Test
	void theCheckSeesARawLink() {
		assertThat(RAW_STATIC_LINK.matcher("<link rel=\"stylesheet\" href=\"/css/backsafe.css\">").find()).isTrue();
		assertThat(RAW_STATIC_LINK.matcher("<link rel=\"stylesheet\" th:href=\"@{/css/backsafe.css}\">").find())
			.isFalse();
	}

	/**
	 * The two layouts, and every page with a body of its own (not laid out by one of them, not a file
	 * of fragments), insert the footer.
	 */
	@Test
	void everyPageWithItsOwnBodyInsertsTheFooter() throws IOException {
		List<Path> pages = templates().filter((t) -> {
			String text = read(t);
			boolean laidOut = text.contains("th:replace=\"~{fragments/layout") || text.contains("th:replace=\"~{kiosk/layout")
					|| text.contains("th:replace=\"~{${layout}");
			return text.contains("</body>") && !laidOut && !text.contains("th:fragment=");
		}).toList();
		// the check finds the staff pages, which have no shared layout
		assertThat(pages).contains(TEMPLATES.resolve("staff/login.html"), TEMPLATES.resolve("staff/list.html"),
				TEMPLATES.resolve("staff/detail.html"));
		for (Path page : Stream.concat(pages.stream(),
				Stream.of(TEMPLATES.resolve("fragments/layout.html"), TEMPLATES.resolve("kiosk/layout.html")))
			.toList()) {
			assertThat(read(page)).as(page.toString()).containsPattern("th:replace=\"~\\{fragments/footer :: (links|kiosk)}\"");
		}
	}

	static Stream<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter((f) -> f.toString().endsWith(".html")).toList().stream();
		}
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
