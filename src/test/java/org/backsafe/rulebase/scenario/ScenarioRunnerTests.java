package org.backsafe.rulebase.scenario;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.backsafe.screening.Disposition;
import org.backsafe.screening.Reason;
import org.backsafe.screening.ScreeningResult;
import org.backsafe.screening.Technique;
import org.backsafe.screening.TechniqueVerdict;
import org.backsafe.screening.UrgentAction;
import org.backsafe.screening.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the runner reports when a result differs from what a scenario expects, on results built by hand. */
class ScenarioRunnerTests {

	static final Reason RED_FLAG = new Reason("red-flag-means-urgent-care", "a source", null);

	static final Reason DOCTOR = new Reason("pregnancy-ask-doctor", "a source", null);

	static ScreeningResult urgent(UrgentAction action, Reason... reasons) {
		List<TechniqueVerdict> techniques = Stream.of(Technique.values())
			.map((t) -> new TechniqueVerdict(t, Verdict.AVOID, false, List.of(RED_FLAG), List.of()))
			.toList();
		return new ScreeningResult(Disposition.URGENT_CARE, action, List.of(reasons), techniques, List.of(), null, true,
				Set.of());
	}

	static Scenario.Expectation expect(UrgentAction action, List<String> reasons, List<String> absent) {
		return new Scenario.Expectation(Disposition.URGENT_CARE, action, Map.of(), Set.of(), reasons, absent);
	}

	@Test
	void aMatchingResultHasNoDifferences() {
		assertThat(ScenarioRunner.differences(
				expect(UrgentAction.CALL_EMERGENCY_NUMBER, List.of("red-flag-means-urgent-care"), List.of("pregnancy-ask-doctor")),
				urgent(UrgentAction.CALL_EMERGENCY_NUMBER, RED_FLAG)))
			.isEmpty();
	}

	@Test
	void theWrongUrgentActionIsReported() {
		assertThat(ScenarioRunner.differences(expect(UrgentAction.CALL_EMERGENCY_NUMBER, List.of(), List.of()),
				urgent(UrgentAction.GO_TO_EMERGENCY_DEPARTMENT, RED_FLAG)))
			.containsExactly("urgent action: expected CALL_EMERGENCY_NUMBER but was GO_TO_EMERGENCY_DEPARTMENT"
					+ " (reasons: [red-flag-means-urgent-care])");
	}

	@Test
	void anUrgentActionNotStatedIsNotChecked() {
		assertThat(ScenarioRunner.differences(expect(null, List.of(), List.of()),
				urgent(UrgentAction.GO_TO_EMERGENCY_DEPARTMENT, RED_FLAG)))
			.isEmpty();
	}

	@Test
	void aReasonThatShouldNotBeGivenIsReported() {
		assertThat(ScenarioRunner.differences(expect(null, List.of(), List.of("pregnancy-ask-doctor")),
				urgent(UrgentAction.GO_TO_EMERGENCY_DEPARTMENT, RED_FLAG, DOCTOR)))
			.singleElement()
			.asString()
			.startsWith("expected no reason pregnancy-ask-doctor but the result gave it: [")
			.contains("red-flag-means-urgent-care");
	}

}
