package org.backsafe.rulebase.scenario;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.backsafe.screening.Disposition;
import org.backsafe.screening.ScreeningRequest;
import org.backsafe.screening.Technique;
import org.backsafe.screening.Verdict;

/**
 * A clinical test case from a scenario file: answers in, the expected outcome out. Only what is
 * written under {@code expect} is checked.
 */
public record Scenario(String file, int line, String name, ScreeningRequest request, Expectation expect) {

	public record Expectation(Disposition disposition, Map<Technique, Verdict> verdicts,
			Set<Technique> professionalOnly, List<String> reasons) {

		public Expectation {
			verdicts = Map.copyOf(verdicts);
			professionalOnly = Set.copyOf(professionalOnly);
			reasons = List.copyOf(reasons);
		}

	}

	/** How a failure names this scenario: file, line and name. */
	public String where() {
		return this.file + ":" + this.line + " \"" + this.name + "\"";
	}

}
