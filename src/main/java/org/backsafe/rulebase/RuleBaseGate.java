package org.backsafe.rulebase;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.backsafe.rulebase.RuleProblem.Kind;
import org.backsafe.rulebase.scenario.ScenarioRunner;
import org.backsafe.screening.Equipment;
import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.PainArea;
import org.backsafe.screening.PainDuration;
import org.backsafe.screening.PainPattern;
import org.backsafe.screening.PainProfile;
import org.backsafe.screening.Response;
import org.backsafe.screening.ScreeningRequest;
import org.backsafe.screening.ScreeningResult;
import org.backsafe.screening.Setting;

/**
 * What a compiled rule base must pass before it may serve: every scenario, and a fast sweep of the
 * safety invariants over every single answer (yes and not sure) and every pair of yes answers, on
 * a few pain profiles and both settings. Answer sets are tried smallest first, so the first
 * counterexample reported is a minimal one.
 */
public final class RuleBaseGate {

	/** Beyond this many broken invariants, more detail would not help the author. */
	private static final int MAX_INVARIANT_PROBLEMS = 5;

	private RuleBaseGate() {
	}

	/**
	 * What the gate found: every problem, and how many scenarios made each rule fire.
	 *
	 * @param problems what is wrong; empty when the candidate may serve
	 * @param coverage for each rule id, the number of scenarios in which it fired
	 */
	public record Report(List<RuleProblem> problems, Map<String, Integer> coverage) {

		public Report {
			problems = List.copyOf(problems);
			coverage = Map.copyOf(coverage);
		}

		public boolean passed() {
			return this.problems.isEmpty();
		}

	}

	public static Report run(RuleBase candidate) {
		List<RuleProblem> problems = new ArrayList<>();
		Map<String, Integer> coverage = new HashMap<>();
		for (ScenarioRunner.Outcome outcome : ScenarioRunner.runAll(candidate)) {
			for (String difference : outcome.differences()) {
				problems.add(new RuleProblem(Kind.SCENARIO, outcome.scenario().file(), outcome.scenario().line(), 0,
						"scenario \"" + outcome.scenario().name() + "\": " + difference));
			}
			outcome.firedRules().forEach((rule) -> coverage.merge(rule, 1, Integer::sum));
		}
		problems.addAll(sweepInvariants(candidate));
		return new Report(problems, coverage);
	}

	public static List<RuleProblem> check(RuleBase candidate) {
		return run(candidate).problems();
	}

	/** Throws with every problem unless the candidate passes; the admitted base knows its coverage. */
	public static RuleBase admit(RuleBase candidate) {
		Report report = run(candidate);
		if (!report.passed()) {
			throw new RuleBaseRejected(report.problems());
		}
		return candidate.withScenarioCoverage(report.coverage());
	}

	/**
	 * Every single answer (yes, then not sure) on every base profile first, and only then every pair
	 * of yes answers: a broken invariant is reported with the fewest answers that break it. The base
	 * profiles are swept in parallel (a KieBase serves many sessions at once); the problems are put
	 * back in base order, so the report is the same however the work was shared out.
	 */
	static List<RuleProblem> sweepInvariants(RuleBase candidate) {
		List<ScreeningRequest> bases = bases();
		List<RuleProblem> problems = new ArrayList<>();
		bases.parallelStream().map((base) -> singles(candidate, base)).toList().forEach(problems::addAll);
		if (!problems.isEmpty()) {
			// Smaller answer sets already break an invariant; pairs would only repeat it.
			return problems.subList(0, Math.min(problems.size(), MAX_INVARIANT_PROBLEMS));
		}
		bases.parallelStream().map((base) -> pairs(candidate, base)).toList().forEach(problems::addAll);
		return problems.subList(0, Math.min(problems.size(), MAX_INVARIANT_PROBLEMS));
	}

	private static List<RuleProblem> singles(RuleBase candidate, ScreeningRequest base) {
		List<RuleProblem> problems = new ArrayList<>();
		ScreeningRequest current = base;
		try {
			ScreeningResult none = candidate.screen(base);
			report(problems, base, SafetyInvariants.check(base, none));
			current = base.withWorseningPain();
			report(problems, current, SafetyInvariants.check(current, candidate.screen(current)));
			for (HealthQuestion q : HealthQuestion.values()) {
				ScreeningRequest yes = base.withAnswer(q, Response.YES);
				ScreeningRequest unsure = base.withAnswer(q, Response.UNSURE);
				current = yes;
				ScreeningResult yesResult = candidate.screen(yes);
				current = unsure;
				ScreeningResult unsureResult = candidate.screen(unsure);
				report(problems, yes, SafetyInvariants.check(yes, yesResult));
				report(problems, yes, SafetyInvariants.checkMonotone(none, yesResult));
				report(problems, unsure, SafetyInvariants.check(unsure, unsureResult));
				report(problems, unsure, SafetyInvariants.checkUnsureAtLeastYes(yesResult, unsureResult));
				if (problems.size() >= MAX_INVARIANT_PROBLEMS) {
					break;
				}
			}
		}
		catch (RuntimeException | StackOverflowError ex) {
			problems.add(failed(current, ex));
		}
		return problems;
	}

	private static List<RuleProblem> pairs(RuleBase candidate, ScreeningRequest base) {
		List<RuleProblem> problems = new ArrayList<>();
		HealthQuestion[] questions = HealthQuestion.values();
		ScreeningRequest current = base;
		try {
			for (HealthQuestion q : questions) {
				ScreeningRequest yes = base.withAnswer(q, Response.YES);
				current = yes;
				ScreeningResult yesResult = candidate.screen(yes);
				for (int j = q.ordinal() + 1; j < questions.length; j++) {
					ScreeningRequest pair = yes.withAnswer(questions[j], Response.YES);
					current = pair;
					ScreeningResult pairResult = candidate.screen(pair);
					report(problems, pair, SafetyInvariants.check(pair, pairResult));
					report(problems, pair, SafetyInvariants.checkMonotone(yesResult, pairResult));
				}
				if (problems.size() >= MAX_INVARIANT_PROBLEMS) {
					break;
				}
			}
		}
		catch (RuntimeException | StackOverflowError ex) {
			problems.add(failed(current, ex));
		}
		return problems;
	}

	private static RuleProblem failed(ScreeningRequest request, Throwable ex) {
		return RuleProblem.of(Kind.INVARIANT, null, "the screening failed on " + describe(request) + ": " + ex.getMessage());
	}

	/**
	 * Pain profiles to sweep over: no pattern and every pattern, self-massage and a therapist, at 40
	 * with moderate pain; then the thresholds the rules read together with the answers: severe pain at
	 * 55 (older age, invariant 10) and a 17-year-old with recent pain (the 16 to 19 age rule).
	 */
	static List<ScreeningRequest> bases() {
		List<ScreeningRequest> bases = new ArrayList<>();
		for (Setting setting : Setting.values()) {
			for (Set<PainPattern> patterns : List.of(Set.<PainPattern>of(), EnumSet.allOf(PainPattern.class))) {
				for (PainDuration duration : List.of(PainDuration.ACUTE, PainDuration.CHRONIC)) {
					bases.add(base(40, duration, 5, patterns, setting));
				}
			}
		}
		bases.add(base(55, PainDuration.ACUTE, 8, EnumSet.allOf(PainPattern.class), Setting.SELF));
		bases.add(base(17, PainDuration.ACUTE, 3, EnumSet.allOf(PainPattern.class), Setting.SELF));
		return bases;
	}

	private static ScreeningRequest base(int age, PainDuration duration, int severity, Set<PainPattern> patterns,
			Setting setting) {
		return new ScreeningRequest(age, Map.of(),
				new PainProfile(EnumSet.allOf(PainArea.class), duration, severity, false, patterns), setting,
				EnumSet.allOf(Equipment.class));
	}

	private static void report(List<RuleProblem> problems, ScreeningRequest request, List<String> broken) {
		if (problems.size() >= MAX_INVARIANT_PROBLEMS) {
			return;
		}
		for (String invariant : broken) {
			problems.add(RuleProblem.of(Kind.INVARIANT, null,
					"safety invariant " + invariant + "; answers that break it: " + describe(request)));
		}
	}

	/** An answer set in the words of a scenario file, so an author can paste it into one. */
	public static String describe(ScreeningRequest request) {
		List<String> yes = new ArrayList<>();
		List<String> unsure = new ArrayList<>();
		request.answers().forEach((q, r) -> (r == Response.YES ? yes : unsure).add(q.name()));
		return "age: " + request.age() + ", yes: " + yes + ", unsure: " + unsure + ", pain: {duration: "
				+ request.pain().duration() + ", severity: " + request.pain().severity() + ", worsening: " + request.pain().worsening() + ", patterns: " + request.pain().patterns().size()
				+ " of " + PainPattern.values().length + "}, setting: " + request.setting();
	}

}
