package org.backsafe.rulebase.scenario;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.backsafe.screening.Disposition;
import org.backsafe.screening.ScreeningRequest;
import org.backsafe.screening.Technique;
import org.backsafe.screening.UrgentAction;
import org.backsafe.screening.Verdict;

/**
 * A clinical test case from a scenario file: answers in, the expected outcome out. Only what is
 * written under {@code expect} is checked.
 */
public record Scenario(String file, int line, String name, ScreeningRequest request, Expectation expect) {

	/**
	 * What a scenario expects. {@code urgentAction} is null when the scenario does not say; otherwise
	 * the result must tell the person to do exactly this now. {@code reasons} must each appear
	 * somewhere in the result, {@code absentReasons} nowhere in it.
	 */
	public record Expectation(Disposition disposition, UrgentAction urgentAction, Map<Technique, Verdict> verdicts,
			Set<Technique> professionalOnly, List<String> reasons, List<String> absentReasons) {

		public Expectation {
			verdicts = Map.copyOf(verdicts);
			professionalOnly = Set.copyOf(professionalOnly);
			reasons = List.copyOf(reasons);
			absentReasons = List.copyOf(absentReasons);
		}

	}

	/** How a failure names this scenario: file, line and name. */
	public String where() {
		return this.file + ":" + this.line + " \"" + this.name + "\"";
	}

}
