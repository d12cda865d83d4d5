package org.backsafe.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

import org.backsafe.support.Chromium;
import org.backsafe.support.Screenshots;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security headers and CSRF protection of the running application, over real HTTP on
 * loopback (the same application context as the browser tests, so it starts only once).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SecurityHeadersTests {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	int port;

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build(),
				BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String type, String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", type)
			.POST(BodyPublishers.ofString(body))
			.build(), BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	@Test
	void pagesForbidInlineCodeFramingAndReferrers() throws Exception {
		for (String path : new String[] { "/", "/check", "/no-such-page" }) {
			HttpResponse<String> page = get(path);
			String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
			assertThat(policy).as(path)
				.contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
						"frame-ancestors 'none'")
				.doesNotContain("unsafe-inline", "unsafe-eval");
			assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
			assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
			assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		}
	}

	@Test
	void theQuestionnaireMayNotBeCached() throws Exception {
		assertThat(get("/").headers().allValues("Cache-Control")).contains("no-store");
	}

	@Test
	void everyFormNeedsACsrfToken() throws Exception {
		for (String path : new String[] { "/", "/check", "/restart" }) {
			assertThat(post(path, "application/x-www-form-urlencoded", "age=40").statusCode()).as(path).isEqualTo(403);
		}
	}

	@Test
	void theJsonApiNeedsNoCsrfToken() throws Exception {
		HttpResponse<String> answer = post("/api/v1/screenings", "application/json",
				"{\"age\": 40, \"pain\": {\"areas\": [\"LOWER_BACK\"], \"duration\": \"ACUTE\", \"severity\": 3,"
						+ " \"worsening\": false}, \"setting\": \"SELF\"}");
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("\"disposition\"");
	}

	@Test
	void swaggerUiWorksUnderTheSamePolicy() throws Exception {
		String policy = get("/swagger-ui/index.html").headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(policy).isEqualTo(SecurityConfiguration.PAGE_POLICY);

		ChromeDriver browser = Chromium.start(1024, 768);
		try {
			browser.get(uri("/swagger-ui.html").toString());
			// The operation appears only once Swagger UI's scripts have run and fetched the API description.
			new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions
				.visibilityOfElementLocated(By.cssSelector(".opblock-summary-path[data-path='/api/v1/screenings']")));
			Screenshots.window(browser, "swagger-ui");
		}
		finally {
			browser.quit();
		}
	}

}
