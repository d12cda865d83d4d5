package org.backsafe.rulebase.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.backsafe.screening.Reason;
import org.backsafe.screening.ScreeningResult;
import org.backsafe.screening.ScreeningRules;
import org.backsafe.screening.Technique;
import org.backsafe.screening.TechniqueVerdict;
import org.backsafe.screening.Verdict;

/** Runs a scenario on a rule base and says what differed from what it expected. */
public final class ScenarioRunner {

	private ScenarioRunner() {
	}

	/** The outcome of one scenario: what differed (nothing when it passed) and which rules fired. */
	public record Outcome(Scenario scenario, List<String> differences, Set<String> firedRules) {

		public boolean passed() {
			return this.differences.isEmpty();
		}

	}

	public static List<Outcome> runAll(ScreeningRules ruleBase, List<Scenario> scenarios) {
		return scenarios.stream().map((s) -> run(ruleBase, s)).toList();
	}

	public static Outcome run(ScreeningRules ruleBase, Scenario scenario) {
		ScreeningResult result;
		try {
			result = ruleBase.screen(scenario.request());
		}
		catch (RuntimeException ex) {
			return new Outcome(scenario, List.of("the screening failed: " + ex.getMessage()), Set.of());
		}
		return new Outcome(scenario, differences(scenario.expect(), result), result.firedRules());
	}

	static List<String> differences(Scenario.Expectation expect, ScreeningResult result) {
		List<String> differences = new ArrayList<>();
		if (result.disposition() != expect.disposition()) {
			differences.add("disposition: expected " + expect.disposition() + " but was " + result.disposition()
					+ " (reasons: " + ruleIds(result.reasons().stream()) + ")");
		}
		if (expect.urgentAction() != null && result.urgentAction() != expect.urgentAction()) {
			differences.add("urgent action: expected " + expect.urgentAction() + " but was " + result.urgentAction()
					+ " (reasons: " + ruleIds(result.reasons().stream()) + ")");
		}
		for (Map.Entry<Technique, Verdict> expected : expect.verdicts().entrySet()) {
			TechniqueVerdict actual = result.verdictOn(expected.getKey());
			if (actual.verdict() != expected.getValue()) {
				differences.add(expected.getKey() + ": expected " + expected.getValue() + " but was "
						+ actual.verdict() + " (reasons: " + ruleIds(actual.reasons().stream()) + ")");
			}
		}
		for (Technique technique : expect.professionalOnly()) {
			if (!result.verdictOn(technique).professionalOnly()) {
				differences.add(technique + ": expected to be marked best done by a therapist, but was not");
			}
		}
		List<String> given = ruleIds(allReasons(result));
		for (String reason : expect.reasons()) {
			if (!given.contains(reason)) {
				differences.add("expected the reason " + reason + " but the result gave " + given);
			}
		}
		for (String reason : expect.absentReasons()) {
			if (given.contains(reason)) {
				differences.add("expected no reason " + reason + " but the result gave it: " + given);
			}
		}
		return differences;
	}

	private static Stream<Reason> allReasons(ScreeningResult result) {
		return Stream.of(result.reasons().stream(), result.advice().stream(),
				result.techniques().stream().flatMap((t) -> Stream.concat(t.reasons().stream(), t.howTo().stream())))
			.flatMap((s) -> s);
	}

	private static List<String> ruleIds(Stream<Reason> reasons) {
		return reasons.map(Reason::rule).distinct().sorted().toList();
	}

}
