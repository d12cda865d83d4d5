package org.backsafe.support;

import java.util.List;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.WebDriver;

import static org.assertj.core.api.Assertions.assertThat;

/** The automated accessibility audit: axe-core run in the page, with zero violations allowed. */
public final class Axe {

	private Axe() {
	}

	public static void assertNoViolations(WebDriver browser, String page) {
		Results results = new AxeBuilder().analyze(browser);
		List<String> violations = results.getViolations()
			.stream()
			.map((Rule rule) -> rule.getId() + ": " + rule.getHelp() + " "
					+ rule.getNodes().stream().map((node) -> String.valueOf(node.getTarget())).toList())
			.toList();
		assertThat(violations).as("axe-core violations on " + page).isEmpty();
	}

}
