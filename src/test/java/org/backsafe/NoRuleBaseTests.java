package org.backsafe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The whole app when no rule base could be loaded (its folder exists but holds no rules): screenings
 * still answer, with the fail-safe "see a doctor", and the health check says DOWN with a 503 so that
 * a load balancer or container runtime can see it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NoRuleBaseTests {

	@DynamicPropertySource
	static void emptyRulesFolder(DynamicPropertyRegistry registry) {
		try {
			Path empty = Files.createTempDirectory("backsafe-no-rules");
			empty.toFile().deleteOnExit();
			registry.add("backsafe.rules.dir", empty::toString);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Autowired
	MockMvc mvc;

	@Test
	void healthIsDownWith503() throws Exception {
		// anyone sees the status; a logged-in staff member sees why
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.status").value("DOWN"))
			.andExpect(jsonPath("$.components").doesNotExist());
		this.mvc.perform(get("/actuator/health").with(user("alice").roles("STAFF")))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.status").value("DOWN"))
			.andExpect(jsonPath("$.components.ruleBase.status").value("DOWN"))
			.andExpect(jsonPath("$.components.ruleBase.details.lastFailure[0]").value(containsString("no rule files")));
	}

	@Test
	void screeningsGetTheFailSafeAnswer() throws Exception {
		this.mvc.perform(post("/api/v1/screenings").contentType(MediaType.APPLICATION_JSON).content(
				BacksafeHttpTests.README_EXAMPLE))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.disposition").value("SEE_DOCTOR"))
			.andExpect(jsonPath("$.reasons[0].rule").value("screening-could-not-be-completed"))
			.andExpect(jsonPath("$.reasons[0].text").value(startsWith("The screening could not")))
			.andExpect(jsonPath("$.techniques", hasSize(12)))
			.andExpect(jsonPath("$.techniques[*].verdict", everyItem(is("AVOID"))))
			.andExpect(jsonPath("$.techniques[*].howTo[*]", hasSize(0)))
			.andExpect(jsonPath("$.ruleBase.version").doesNotExist());
	}

}
