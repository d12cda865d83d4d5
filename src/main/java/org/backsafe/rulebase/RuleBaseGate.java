package org.backsafe.rulebase;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;

import org.backsafe.rulebase.RuleProblem.Kind;
import org.backsafe.rulebase.scenario.Scenario;
import org.backsafe.rulebase.scenario.ScenarioRunner;
import org.backsafe.screening.DeadlineWorkers;
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
 * counterexample reported is a minimal one. All of it runs on workers of its own, within a time
 * limit: a candidate whose rules do not finish in time is refused like any other.
 *
 * <p>
 * When a rule base is serving, a candidate that passes is then compared with it on the same answer
 * sets (see {@link ImpactComparison}); a change that makes any outcome less cautious is refused
 * unless an acknowledgement in the folder names exactly that change (see {@link Acknowledgements}).
 */
public final class RuleBaseGate {

	/** Beyond this many broken invariants, more detail would not help the author. */
	private static final int MAX_INVARIANT_PROBLEMS = 5;

	private RuleBaseGate() {
	}

	/**
	 * What the gate found: every problem, how many scenarios made each rule fire, and what the
	 * candidate changes.
	 *
	 * @param problems what is wrong; empty when the candidate may serve
	 * @param coverage for each rule id, the number of scenarios in which it fired
	 * @param impact what the candidate changes against the serving rules (or a first load's report);
	 * null when the candidate was refused before it could be compared
	 */
	public record Report(List<RuleProblem> problems, Map<String, Integer> coverage, ImpactReport impact) {

		public Report {
			problems = List.copyOf(problems);
			coverage = Map.copyOf(coverage);
		}

		public boolean passed() {
			return this.problems.isEmpty();
		}

	}

	/** Runs the gate on workers of its own, with the default time limits: for tests and the command line. */
	public static Report run(RuleBase candidate) {
		return run(candidate, null);
	}

	/** Like {@link #run(RuleBase)}, comparing the candidate with the given serving rules (or none). */
	public static Report run(RuleBase candidate, RuleBase serving) {
		try (DeadlineWorkers workers = newWorkers()) {
			return run(candidate, serving, workers,
					RuleBaseProperties.defaultDuration(RuleBaseProperties.DEFAULT_GATE_TIMEOUT),
					RuleBaseProperties.defaultDuration(RuleBaseProperties.DEFAULT_SCREENING_TIMEOUT));
		}
	}

	public static List<RuleProblem> check(RuleBase candidate) {
		return run(candidate).problems();
	}

	/** Throws with every problem unless the candidate passes; the admitted base knows its coverage. */
	public static RuleBase admit(RuleBase candidate) {
		try (DeadlineWorkers workers = newWorkers()) {
			return admit(candidate, null, workers,
					RuleBaseProperties.defaultDuration(RuleBaseProperties.DEFAULT_GATE_TIMEOUT),
					RuleBaseProperties.defaultDuration(RuleBaseProperties.DEFAULT_SCREENING_TIMEOUT));
		}
	}

	/** Like {@link #admit(RuleBase)}, on the given workers and within the given times. */
	public static RuleBase admit(RuleBase candidate, DeadlineWorkers workers, Duration timeout,
			Duration screeningTimeout) {
		return admit(candidate, null, workers, timeout, screeningTimeout);
	}

	/**
	 * Like {@link #admit(RuleBase)}, comparing the candidate with the serving rules (null for none), on
	 * the given workers and within the given times. The admitted base carries its impact report.
	 */
	public static RuleBase admit(RuleBase candidate, RuleBase serving, DeadlineWorkers workers, Duration timeout,
			Duration screeningTimeout) {
		return admitted(candidate, gate(candidate, serving, workers, timeout, screeningTimeout));
	}

	/**
	 * Runs the whole gate, as for a first load, on a rule base that serves on the build's gate record
	 * (see {@link BuildGateRecord}), on the given workers and within the given times.
	 * @return the same rule base, gated here too
	 * @throws RuleBaseRejected with every problem when it does not pass
	 */
	public static RuleBase gateHereToo(RuleBase vouched, DeadlineWorkers workers, Duration timeout,
			Duration screeningTimeout) {
		Gated gated = gate(vouched, null, workers, timeout, screeningTimeout);
		if (!gated.report().passed()) {
			throw new RuleBaseRejected(gated.report().problems(), gated.report().impact());
		}
		return vouched.gatedHereToo(gated.report().coverage(), gated.sweep());
	}

	private static RuleBase admitted(RuleBase candidate, Gated gated) {
		Report report = gated.report();
		if (!report.passed()) {
			throw new RuleBaseRejected(report.problems(), report.impact());
		}
		return candidate.admitted(report.coverage(), report.impact(), gated.sweep());
	}

	/** The report, and the candidate's outcomes on every answer set, kept with it for the next comparison. */
	private record Gated(Report report, ImpactComparison.Outcome[][] sweep) {

		static Gated refused(List<RuleProblem> problems, Map<String, Integer> coverage) {
			return new Gated(new Report(problems, coverage, null), null);
		}

	}

	/** Workers for the gate: one per core (at most four), as many candidates as need be. */
	public static DeadlineWorkers newWorkers() {
		return new DeadlineWorkers("rule-gate", DeadlineWorkers.perCore(4), 64, Integer.MAX_VALUE);
	}

	/**
	 * Runs the gate on the given workers, within two time limits. The rules are the candidate's own
	 * code, so any screening may never return: each screening must finish within the screening time
	 * limit (as when serving), and the whole gate (scenarios and invariant sweep) within the gate's.
	 * When either runs out, the candidate is refused with a problem that says where the gate was (the
	 * scenario, or the answers of the sweep) and, when it can be told, which rule was running; the
	 * stuck workers are abandoned (see {@link DeadlineWorkers}), and the next candidate runs on fresh
	 * ones.
	 *
	 * <p>
	 * Why two limits: a looping rule is caught by the first, which counts the CPU time one screening
	 * uses (see {@link DeadlineWorkers}), so a busy machine does not trip it; the second, on the clock,
	 * can be generous. The gate of the shipped rules takes 1 to 2 s warm, but 3 to 8 s at start-up on
	 * two busy cores; a clock limit tight enough to catch a loop quickly refused good rules there. One
	 * screening uses well under a millisecond of CPU, even then.
	 *
	 * <p>
	 * The scenarios run one after another on one worker, beside the sweep of single answers on the
	 * others: the base profiles are swept side by side (a KieBase serves many sessions at once). Only
	 * when no single answer breaks an invariant are the pairs swept. Problems are put back in order,
	 * so the report is the same however the work was shared out.
	 * @throws java.util.concurrent.CancellationException when the calling thread is interrupted (at
	 * shutdown): nothing is known about the candidate
	 */
	public static Report run(RuleBase candidate, DeadlineWorkers workers, Duration timeout, Duration screeningTimeout) {
		return run(candidate, null, workers, timeout, screeningTimeout);
	}

	/**
	 * Like {@link #run(RuleBase, DeadlineWorkers, Duration, Duration)}, then, when the candidate has
	 * passed and {@code serving} is not null, compares the two (within the same gate time limit): the
	 * candidate's outcomes come from the invariant sweep itself, and only the not-sure pairs are
	 * screened again for the comparison; the serving rules' outcomes come from their own sweep, kept
	 * since they were admitted, where they have one. Those screenings run on the workers beside the
	 * sweep of pairs.
	 */
	public static Report run(RuleBase candidate, RuleBase serving, DeadlineWorkers workers, Duration timeout,
			Duration screeningTimeout) {
		return gate(candidate, serving, workers, timeout, screeningTimeout).report();
	}

	private static Gated gate(RuleBase candidate, RuleBase serving, DeadlineWorkers workers, Duration timeout,
			Duration screeningTimeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		Limits limits = new Limits(timeout, screeningTimeout);
		List<ScreeningRequest> bases = bases();
		Acknowledgements.Read acknowledgements = Acknowledgements.read(candidate.files());
		ImpactComparison comparison = new ImpactComparison(bases, serving != null ? serving.sweep() : null);
		Scenarios scenarios = new Scenarios(candidate);
		List<Share> first = new ArrayList<>();
		first.add(scenarios);
		for (int p = 0; p < bases.size(); p++) {
			first.add(new ProfileShare(candidate, bases.get(p), comparison.candidate[p], RuleBaseGate::singles));
		}
		List<RuleProblem> problems = new ArrayList<>();
		Map<String, Integer> coverage = new HashMap<>();
		DeadlineWorkers.Batch<List<RuleProblem>> batch = runShares(workers, first, deadline, screeningTimeout);
		List<RuleProblem> invariants = new ArrayList<>();
		for (int i = 0; i < first.size(); i++) {
			List<RuleProblem> found = batch.results().get(i);
			if (found != null) {
				(i == 0 ? problems : invariants).addAll(found);
			}
		}
		if (batch.results().get(0) != null) {
			coverage.putAll(scenarios.coverage);
		}
		problems.addAll(acknowledgements.problems());
		if (batch.timedOut()) {
			problems.addAll(cap(invariants));
			problems.add(tooSlow(candidate, limits, first, batch.late()));
			return Gated.refused(problems, coverage);
		}
		if (!invariants.isEmpty()) {
			problems.addAll(cap(invariants));
			return Gated.refused(problems, coverage);
		}
		// Smaller answer sets break no invariant; only then are pairs worth sweeping. The comparison's
		// own screenings are worth doing only for a candidate that has passed everything so far.
		boolean compare = serving != null && problems.isEmpty();
		List<Share> second = new ArrayList<>();
		for (int p = 0; p < bases.size(); p++) {
			second.add(new ProfileShare(candidate, bases.get(p), comparison.candidate[p], RuleBaseGate::pairs));
		}
		if (compare) {
			for (int p = 0; p < bases.size(); p++) {
				second.add(new ProfileShare(candidate, bases.get(p), comparison.candidate[p], RuleBaseGate::unsurePairs));
				second.add(new ProfileShare(serving, bases.get(p), comparison.serving[p], RuleBaseGate::gaps));
			}
		}
		batch = runShares(workers, second, deadline, screeningTimeout);
		batch.results().stream().filter((found) -> found != null).forEach(invariants::addAll);
		problems.addAll(cap(invariants));
		if (batch.timedOut()) {
			problems.add(tooSlow(candidate, limits, second, batch.late()));
			return Gated.refused(problems, coverage);
		}
		if (!problems.isEmpty()) {
			return Gated.refused(problems, coverage);
		}
		if (!compare) {
			return new Gated(new Report(problems, coverage, ImpactReport.firstLoad(candidate.version())),
					comparison.candidate);
		}
		ImpactComparison.Found found = comparison.compare();
		Examples examples = new Examples(serving, candidate, bases, found);
		DeadlineWorkers.Batch<List<RuleProblem>> last = runShares(workers, List.of(examples), deadline, screeningTimeout);
		if (last.timedOut()) {
			problems.add(tooSlow(candidate, limits, List.of(examples), last.late()));
			return Gated.refused(problems, coverage);
		}
		ImpactReport impact = comparison.report(serving.version(), candidate.version(), found,
				(example) -> examples.results.get(example));
		Acknowledgements.Matched matched = Acknowledgements.match(impact, acknowledgements.acknowledgements());
		problems.addAll(matched.problems());
		return new Gated(new Report(problems, coverage, matched.report()), comparison.candidate);
	}

	private static List<RuleProblem> cap(List<RuleProblem> problems) {
		return problems.subList(0, Math.min(problems.size(), MAX_INVARIANT_PROBLEMS));
	}

	private static DeadlineWorkers.Batch<List<RuleProblem>> runShares(DeadlineWorkers workers, List<Share> shares,
			long deadline, Duration screeningTimeout) {
		try {
			return workers.runAll(shares, deadline, screeningTimeout);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CancellationException("the gate was interrupted");
		}
	}

	private record Limits(Duration gate, Duration screening) {
	}

	/** The refusal of a candidate that did not finish in time, saying where it was. */
	private static RuleProblem tooSlow(RuleBase candidate, Limits limits, List<Share> shares, DeadlineWorkers.Late late) {
		Share share = late.task() >= 0 ? shares.get(late.task()) : null;
		String where = candidate.whereStuck(late.where()).map((w) -> "; still running: " + w).orElse("");
		String limit = late.onOneStep()
				? "the rules did not finish a screening within " + seconds(limits.screening())
						+ " (backsafe.rules.screening-timeout)"
				: "the gate did not finish within " + seconds(limits.gate()) + " (backsafe.rules.gate-timeout)";
		String advice = late.onOneStep()
				? ". A rule that never returns (a loop in a condition or a consequence) is the likely cause;"
						+ " the rules that serve are kept"
				: ". Every screening returned, but too slowly for all of them to be checked; the rules that"
						+ " serve are kept";
		Scenario scenario = share != null ? share.scenario : null;
		if (scenario != null) {
			return new RuleProblem(Kind.SCENARIO, scenario.file(), scenario.line(), 0,
					limit + " on scenario \"" + scenario.name() + "\"" + where + advice);
		}
		ScreeningRequest request = share != null ? share.request : null;
		return RuleProblem.of(Kind.INVARIANT, null,
				limit + (request != null ? " on answers " + describe(request) : "") + where + advice);
	}

	private static String seconds(Duration timeout) {
		long millis = timeout.toMillis();
		return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
	}

	/**
	 * One share of the gate's work, run on one worker, one screening a step: it says what it is
	 * screening and since when, so that a screening that never returns is seen, and reported.
	 */
	private abstract static class Share implements Callable<List<RuleProblem>>, DeadlineWorkers.Stepped {

		final RuleBase candidate;

		volatile Scenario scenario;

		volatile ScreeningRequest request;

		private volatile long stepStarted;

		Share(RuleBase candidate) {
			this.candidate = candidate;
		}

		@Override
		public long stepStarted() {
			return this.stepStarted;
		}

		/** Screens one answer set; stops the share (not counting as a result) when it was cancelled. */
		ScreeningResult screen(ScreeningRequest answers) {
			cancelledYet();
			this.request = answers;
			this.stepStarted = System.nanoTime();
			try {
				return this.candidate.screen(answers);
			}
			finally {
				this.stepStarted = 0;
			}
		}

		/** Screens one answer set on another rule base than the share's (the serving one). */
		ScreeningResult screenOn(RuleBase ruleBase, ScreeningRequest answers) {
			cancelledYet();
			this.request = answers;
			this.stepStarted = System.nanoTime();
			try {
				return ruleBase.screen(answers);
			}
			finally {
				this.stepStarted = 0;
			}
		}

		/** Runs one scenario as one step. */
		ScenarioRunner.Outcome run(Scenario each) {
			cancelledYet();
			this.scenario = each;
			this.stepStarted = System.nanoTime();
			try {
				return ScenarioRunner.run(this.candidate, each);
			}
			finally {
				this.stepStarted = 0;
			}
		}

		private static void cancelledYet() {
			if (Thread.currentThread().isInterrupted()) {
				throw new CancellationException("the gate was cancelled");
			}
		}

	}

	/** Every scenario, one after another. */
	private static final class Scenarios extends Share {

		final Map<String, Integer> coverage = new HashMap<>();

		Scenarios(RuleBase candidate) {
			super(candidate);
		}

		@Override
		public List<RuleProblem> call() {
			List<RuleProblem> problems = new ArrayList<>();
			for (Scenario each : this.candidate.scenarios()) {
				ScenarioRunner.Outcome outcome = run(each);
				for (String difference : outcome.differences()) {
					problems.add(new RuleProblem(Kind.SCENARIO, each.file(), each.line(), 0,
							"scenario \"" + each.name() + "\": " + difference));
				}
				outcome.firedRules().forEach((rule) -> this.coverage.merge(rule, 1, Integer::sum));
			}
			this.scenario = null;
			return problems;
		}

	}

	/**
	 * One part of the sweep on one base profile: which rule base it screens, the profile, the slots
	 * its outcomes go into, and what it screens (every single answer, every pair of yes answers, every
	 * pair of not-sure answers, or whatever the slots still lack).
	 */
	private static final class ProfileShare extends Share {

		interface Work {

			List<RuleProblem> run(Share share, ScreeningRequest base, ImpactComparison.Outcome[] outcomes);

		}

		final ScreeningRequest base;

		final ImpactComparison.Outcome[] outcomes;

		private final Work work;

		ProfileShare(RuleBase ruleBase, ScreeningRequest base, ImpactComparison.Outcome[] outcomes, Work work) {
			super(ruleBase);
			this.base = base;
			this.outcomes = outcomes;
			this.work = work;
		}

		@Override
		public List<RuleProblem> call() {
			return this.work.run(this, this.base, this.outcomes);
		}

	}

	/** Every pair of not-sure answers on one base profile, for the comparison only. */
	private static List<RuleProblem> unsurePairs(Share candidate, ScreeningRequest base,
			ImpactComparison.Outcome[] outcomes) {
		ScreeningRequest current = base;
		try {
			for (int k = ImpactComparison.UNSURE_PAIRS; k < ImpactComparison.PER_PROFILE; k++) {
				current = ImpactComparison.request(base, k);
				outcomes[k] = ImpactComparison.Outcome.of(candidate.screen(current));
			}
		}
		catch (CancellationException ex) {
			throw ex;
		}
		catch (RuntimeException | StackOverflowError ex) {
			return List.of(failed(current, ex));
		}
		return List.of();
	}

	/** The outcomes on one base profile that a kept sweep still lacks. */
	private static List<RuleProblem> gaps(Share ruleBase, ScreeningRequest base, ImpactComparison.Outcome[] outcomes) {
		for (int k = 0; k < ImpactComparison.PER_PROFILE; k++) {
			if (outcomes[k] == null) {
				outcomes[k] = ImpactComparison.Outcome.of(ruleBase.screen(ImpactComparison.request(base, k)));
			}
		}
		return List.of();
	}

	/**
	 * Screens the answer sets an admitted rule base's kept sweep still lacks (a first load leaves out
	 * the not-sure pairs, which only a comparison needs), so that the next comparison need not; on
	 * the gate's workers and within its time limits. A screening that fails or runs out of time only
	 * leaves its slot empty: the next comparison screens it.
	 * @return how many answer sets were missing
	 */
	public static int completeSweep(RuleBase admitted, DeadlineWorkers workers, Duration timeout,
			Duration screeningTimeout) {
		ImpactComparison.Outcome[][] sweep = admitted.sweep();
		List<ScreeningRequest> bases = bases();
		if (sweep == null || sweep.length != bases.size()) {
			return 0;
		}
		int missing = 0;
		List<Share> shares = new ArrayList<>();
		for (int p = 0; p < bases.size(); p++) {
			for (ImpactComparison.Outcome outcome : sweep[p]) {
				missing += (outcome == null) ? 1 : 0;
			}
			shares.add(new ProfileShare(admitted, bases.get(p), sweep[p], RuleBaseGate::gaps));
		}
		if (missing > 0) {
			runShares(workers, shares, System.nanoTime() + timeout.toNanos(), screeningTimeout);
		}
		return missing;
	}

	/** Each kind of change's smallest example, screened again on both rule bases for the rules that fired. */
	private static final class Examples extends Share {

		final RuleBase serving;

		final List<ScreeningRequest> bases;

		final ImpactComparison.Found found;

		final Map<ImpactComparison.Example, ScreeningResult[]> results = new HashMap<>();

		Examples(RuleBase serving, RuleBase candidate, List<ScreeningRequest> bases, ImpactComparison.Found found) {
			super(candidate);
			this.serving = serving;
			this.bases = bases;
			this.found = found;
		}

		@Override
		public List<RuleProblem> call() {
			for (ImpactComparison.Example example : this.found.examples().values()) {
				ScreeningRequest request = ImpactComparison.request(this.bases.get(example.profile()), example.index());
				this.results.put(example, new ScreeningResult[] { screenOn(this.serving, request), screen(request) });
			}
			return List.of();
		}

	}

	private static List<RuleProblem> singles(Share candidate, ScreeningRequest base, ImpactComparison.Outcome[] outcomes) {
		List<RuleProblem> problems = new ArrayList<>();
		ScreeningRequest current = base;
		try {
			ScreeningResult none = candidate.screen(base);
			outcomes[ImpactComparison.NONE] = ImpactComparison.Outcome.of(none);
			report(problems, base, SafetyInvariants.check(base, none));
			current = base.withWorseningPain();
			ScreeningResult worsening = candidate.screen(current);
			outcomes[ImpactComparison.WORSENING] = ImpactComparison.Outcome.of(worsening);
			report(problems, current, SafetyInvariants.check(current, worsening));
			for (HealthQuestion q : HealthQuestion.values()) {
				ScreeningRequest yes = base.withAnswer(q, Response.YES);
				ScreeningRequest unsure = base.withAnswer(q, Response.UNSURE);
				current = yes;
				ScreeningResult yesResult = candidate.screen(yes);
				current = unsure;
				ScreeningResult unsureResult = candidate.screen(unsure);
				outcomes[ImpactComparison.single(q, Response.YES)] = ImpactComparison.Outcome.of(yesResult);
				outcomes[ImpactComparison.single(q, Response.UNSURE)] = ImpactComparison.Outcome.of(unsureResult);
				report(problems, yes, SafetyInvariants.check(yes, yesResult));
				report(problems, yes, SafetyInvariants.checkMonotone(none, yesResult));
				report(problems, unsure, SafetyInvariants.check(unsure, unsureResult));
				report(problems, unsure, SafetyInvariants.checkUnsureAtLeastYes(yesResult, unsureResult));
				if (problems.size() >= MAX_INVARIANT_PROBLEMS) {
					break;
				}
			}
		}
		catch (CancellationException ex) {
			throw ex;
		}
		catch (RuntimeException | StackOverflowError ex) {
			problems.add(failed(current, ex));
		}
		return problems;
	}

	private static List<RuleProblem> pairs(Share candidate, ScreeningRequest base, ImpactComparison.Outcome[] outcomes) {
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
					outcomes[ImpactComparison.YES_PAIRS + ImpactComparison.pairIndex(q.ordinal(), j)] = ImpactComparison.Outcome
						.of(pairResult);
					report(problems, pair, SafetyInvariants.check(pair, pairResult));
					report(problems, pair, SafetyInvariants.checkMonotone(yesResult, pairResult));
				}
				if (problems.size() >= MAX_INVARIANT_PROBLEMS) {
					break;
				}
			}
		}
		catch (CancellationException ex) {
			throw ex;
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
