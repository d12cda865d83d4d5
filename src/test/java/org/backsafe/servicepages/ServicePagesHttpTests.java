package org.backsafe.servicepages;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.backsafe.screening.Vocabulary;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages every service has, over real HTTP: the privacy notice and accessibility statement with
 * their settings, the footer on every layout, the favicon, the 404 page beside the API's JSON 404,
 * compression, the cache headers of pages and versioned static files, and the OpenAPI description.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "backsafe.kiosk.retention-days=45", "backsafe.service.contact=help@clinic.example",
				"backsafe.api.licence.name=Apache-2.0", "backsafe.api.licence.url=https://www.apache.org/licenses/LICENSE-2.0" })
class ServicePagesHttpTests {

	static final HttpClient CLIENT = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	static final Pattern STYLESHEET = Pattern.compile("href=\"(/css/backsafe[^\"]*\\.css)\"");

	@LocalServerPort
	int port;

	HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(20))
			.GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		return CLIENT.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	static String header(HttpResponse<?> response, String name) {
		return response.headers().firstValue(name).orElse("");
	}

	@Nested
	class Privacy {

		@Test
		void saysSelfScreeningStoresNothingAndTheKioskKeepsAnswersForTheSetDays() throws Exception {
			HttpResponse<String> page = get("/privacy?lang=en");
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("<h1>Privacy notice</h1>", "We do not store your answers.",
					"They are kept for 45 days.", "Every time a staff member opens your answers")
				.contains("href=\"mailto:help@clinic.example\"");
		}

		@Test
		void inSpanish() throws Exception {
			HttpResponse<String> page = get("/privacy", "Accept-Language", "es");
			assertThat(page.body()).contains("lang=\"es\"", "Aviso de privacidad", "Se guardan 45 días.");
		}

		@Test
		void onTheKioskItOpensInTheKioskLayoutWithAWayBackAndNoLinkOut() throws Exception {
			HttpResponse<String> page = get("/kiosk/privacy?lang=en");
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("class=\"kiosk-mode\"", "href=\"/kiosk\"", "Back to the start screen",
					"They are kept for 45 days.");
			// every link stays in the kiosk; the contact is shown, not linked
			assertThat(Pattern.compile("href=\"(?!/kiosk|/css/|/favicon)").matcher(page.body()).find())
				.as(page.body())
				.isFalse();
			assertThat(page.body()).contains("help@clinic.example").doesNotContain("mailto:");
		}

	}

	@Nested
	class Accessibility {

		@Test
		void namesTheStandardTheTestsAndTheContact() throws Exception {
			HttpResponse<String> page = get("/accessibility?lang=en");
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("<h1>Accessibility statement</h1>", "WCAG) 2.2 at level AA", "axe-core",
					"320 pixels", "keyboard only", "without JavaScript", "href=\"mailto:help@clinic.example\"");
		}

		@Test
		void inSpanish() throws Exception {
			assertThat(get("/accessibility?lang=es").body()).contains("Declaración de accesibilidad", "nivel AA");
		}

	}

	@Nested
	class Footer {

		@ParameterizedTest
		@ValueSource(strings = { "/", "/rules", "/staff/login", "/privacy", "/accessibility", "/no-such-page" })
		void everyWebAndStaffPageLinksBothPages(String path) throws Exception {
			HttpResponse<String> page = get(path + "?lang=en", "Accept", "text/html");
			assertThat(page.body()).contains("<nav class=\"service-links\" aria-label=\"About this service\">",
					"href=\"/privacy\"", "href=\"/accessibility\"")
				// the ?lang starts a session; its id must never end up in a link (the error page too)
				.doesNotContain("jsessionid");
		}

		@Test
		void theKioskStartScreenLinksTheKioskCopies() throws Exception {
			HttpResponse<String> page = get("/kiosk?lang=en");
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("href=\"/kiosk/privacy\"", "href=\"/kiosk/accessibility\"")
				.doesNotContain("href=\"/privacy\"");
		}

		@Test
		void theStaffPagesToo() throws Exception {
			// the staff list itself needs a login; its template is checked by TemplateLinksTests
			assertThat(get("/staff/login?lang=es").body()).contains("Privacidad", "Accesibilidad");
		}

	}

	@Nested
	class LanguageSwitch {

		@ParameterizedTest
		@ValueSource(strings = { "/privacy", "/accessibility", "/", "/kiosk", "/rules" })
		void linksTheSamePageInTheOtherLanguage(String path) throws Exception {
			HttpResponse<String> page = get(path, "Accept-Language", "en");
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("href=\"" + path + "?lang=es\"");
		}

		@Test
		void onAnErrorPageItLinksTheStart() throws Exception {
			HttpResponse<String> page = get("/no-such-page", "Accept", "text/html", "Accept-Language", "en");
			assertThat(page.body()).contains("href=\"/?lang=es\"").doesNotContain("no-such-page?lang");
		}

	}

	@Nested
	class NotFound {

		@Test
		void aBrowserGetsAnHtmlPageThatSaysSoWithALinkHomeAndTheFooter() throws Exception {
			HttpResponse<String> page = get("/no-such-page", "Accept", "text/html", "Accept-Language", "en");
			assertThat(page.statusCode()).isEqualTo(404);
			assertThat(header(page, "Content-Type")).startsWith("text/html");
			assertThat(page.body()).contains("<h1>Page not found</h1>", "href=\"/\"", "href=\"/privacy\"",
					"href=\"/accessibility\"");
			assertThat(header(page, "Cache-Control")).contains("no-store");
		}

		@Test
		void inSpanish() throws Exception {
			HttpResponse<String> page = get("/no-such-page", "Accept", "text/html", "Accept-Language", "es");
			assertThat(page.statusCode()).isEqualTo(404);
			assertThat(page.body()).contains("Página no encontrada", "Ir a la página de inicio");
		}

		@Test
		void theApiStillAnswersAJsonProblem() throws Exception {
			HttpResponse<String> answer = get("/api/v1/no-such", "Accept", "application/json");
			assertThat(answer.statusCode()).isEqualTo(404);
			assertThat(header(answer, "Content-Type")).startsWith("application/problem+json");
			JsonNode problem = JsonMapper.shared().readTree(answer.body());
			assertThat(problem.get("status").asInt()).isEqualTo(404);
			assertThat(answer.body()).doesNotContain("<html");
		}

	}

	@Nested
	class Favicon {

		@Test
		void theOldAddressLeadsToTheVersionedSvg() throws Exception {
			HttpResponse<String> ico = get("/favicon.ico");
			assertThat(ico.statusCode()).isEqualTo(302);
			String location = header(ico, "Location");
			assertThat(location).matches("/favicon-[0-9a-f]{32}\\.svg");
			HttpResponse<String> svg = get(location);
			assertThat(svg.statusCode()).isEqualTo(200);
			assertThat(header(svg, "Content-Type")).startsWith("image/svg+xml");
			assertThat(svg.body()).startsWith("<svg");
		}

		@Test
		void everyLayoutNamesIt() throws Exception {
			for (String path : new String[] { "/", "/kiosk", "/staff/login" }) {
				assertThat(get(path).body()).as(path)
					.containsPattern("<link rel=\"icon\" type=\"image/svg\\+xml\" href=\"/favicon-[0-9a-f]{32}\\.svg\">");
			}
		}

	}

	@Nested
	class Compression {

		@Test
		void aPageComesBackGzipped() throws Exception {
			HttpResponse<byte[]> page = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/privacy"))
				.header("Accept-Encoding", "gzip")
				.GET()
				.build(), BodyHandlers.ofByteArray());
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(header(page, "Content-Encoding")).isEqualTo("gzip");
			assertThat(gunzip(page.body())).contains("</html>");
		}

		@Test
		void soDoStylesheetsJsonAndFhir() throws Exception {
			for (String path : new String[] { stylesheet(), "/api/v1/vocabulary", "/v3/api-docs",
					"/fhir/Questionnaire/backsafe" }) {
				HttpResponse<byte[]> answer = CLIENT.send(
						HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
							.header("Accept-Encoding", "gzip")
							.GET()
							.build(),
						BodyHandlers.ofByteArray());
				assertThat(answer.statusCode()).as(path).isEqualTo(200);
				assertThat(header(answer, "Content-Encoding")).as(path).isEqualTo("gzip");
			}
		}

		@Test
		void notWhenTheClientDoesNotAsk() throws Exception {
			assertThat(header(get("/privacy"), "Content-Encoding")).isEmpty();
		}

		static String gunzip(byte[] body) throws IOException {
			try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
		}

	}

	/** The stylesheet's address as the page links it. */
	String stylesheet() throws Exception {
		Matcher link = STYLESHEET.matcher(get("/").body());
		assertThat(link.find()).isTrue();
		return link.group(1);
	}

	@Nested
	class Caching {

		@Test
		void pagesAreNeverStored() throws Exception {
			for (String path : new String[] { "/", "/privacy", "/kiosk", "/staff/login" }) {
				assertThat(header(get(path), "Cache-Control")).as(path).contains("no-store");
			}
		}

		@Test
		void aVersionedStylesheetIsKeptForAYear() throws Exception {
			String css = stylesheet();
			assertThat(css).matches("/css/backsafe-[0-9a-f]{32}\\.css");
			HttpResponse<String> answer = get(css);
			assertThat(answer.statusCode()).isEqualTo(200);
			assertThat(answer.headers().allValues("Cache-Control")).containsExactly("max-age=31536000, public, immutable");
			assertThat(header(answer, "Pragma")).isEmpty();
			assertThat(answer.headers().firstValue("Expires")).isEmpty();
		}

		@Test
		void anUnversionedAddressIsNotKept() throws Exception {
			HttpResponse<String> answer = get("/css/backsafe.css");
			assertThat(answer.statusCode()).isEqualTo(200);
			assertThat(header(answer, "Cache-Control")).contains("no-store");
		}

		@Test
		void anOldVersionIsNotFoundAndNotKept() throws Exception {
			HttpResponse<String> answer = get("/css/backsafe-00000000000000000000000000000000.css");
			assertThat(answer.statusCode()).isEqualTo(404);
			assertThat(header(answer, "Cache-Control")).doesNotContain("max-age").contains("no-store");
		}

	}

	@Nested
	class OpenApi {

		@Test
		void hasATitleVersionDescriptionAndLicence() throws Exception {
			JsonNode info = JsonMapper.shared().readTree(get("/v3/api-docs").body()).get("info");
			assertThat(info.get("title").asString()).isEqualTo("Backsafe screening API");
			assertThat(info.get("version").asString()).isEqualTo(String.valueOf(Vocabulary.VERSION));
			assertThat(info.get("description").asString()).contains("massage", "Nothing sent is stored");
			assertThat(info.at("/license/name").asString()).isEqualTo("Apache-2.0");
			assertThat(info.at("/license/url").asString()).startsWith("https://");
		}

	}

}
