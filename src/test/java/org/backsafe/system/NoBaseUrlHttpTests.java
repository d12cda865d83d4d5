package org.backsafe.system;

import java.util.ArrayList;
import java.util.List;

import org.backsafe.support.HttpVisitor;
import org.backsafe.support.HttpVisitor.Answer;
import org.backsafe.support.StaffLogin;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without {@code backsafe.base-url} (a developer's machine, a first try on the clinic's network) a
 * forged {@code Host} is echoed nowhere either: redirects are relative, HTTP/1.0 included, and the
 * OpenAPI description's server is "/", where it was fetched from.
 */
// the same configuration as BacksafeHttpTests, so both share one application context
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = StaffLogin.PROPERTY)
class NoBaseUrlHttpTests {

	static final String EVIL = "evil.example";

	@LocalServerPort
	int port;

	@Test
	void redirectsAreRelativeWhateverTheHost() {
		HttpVisitor forger = HttpVisitor.of(this.port).claimingHost(EVIL);
		List<String> locations = new ArrayList<>();
		for (String path : List.of("/staff", "/kiosk/questions/health", "/swagger-ui.html")) {
			for (Answer answer : List.of(forger.get(path), forger.http10().get(path),
					HttpVisitor.of(this.port).get(path, "X-Forwarded-Host: " + EVIL, "Forwarded: host=" + EVIL))) {
				assertThat(answer.status()).as(path).isBetween(300, 399);
				locations.add(answer.location());
			}
		}
		locations.add(forger.logIn("mallory", "guess").location());
		locations.add(forger.logIn(StaffLogin.USER, StaffLogin.PASSWORD).location());
		assertThat(locations).hasSize(11)
			.allSatisfy((location) -> assertThat(location).doesNotContainIgnoringCase(EVIL)
				.startsWith("/")
				.doesNotStartWith("//"));
	}

	@Test
	void theOpenApiServerIsRelative() {
		HttpVisitor forger = HttpVisitor.of(this.port).claimingHost(EVIL);
		for (Answer answer : List.of(forger.get("/v3/api-docs"), forger.http10().get("/v3/api-docs"))) {
			assertThat(answer.body()).doesNotContainIgnoringCase(EVIL);
			JsonNode servers = JsonMapper.builder().build().readTree(answer.body()).get("servers");
			assertThat(servers.get(0).get("url").asString()).isEqualTo("/");
		}
	}

}
