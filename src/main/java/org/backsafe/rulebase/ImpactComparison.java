package org.backsafe.rulebase;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.backsafe.rulebase.ImpactReport.Change;
import org.backsafe.rulebase.ImpactReport.Kind;
import org.backsafe.screening.Disposition;
import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.Reason;
import org.backsafe.screening.Response;
import org.backsafe.screening.ScreeningRequest;
import org.backsafe.screening.ScreeningResult;
import org.backsafe.screening.Technique;
import org.backsafe.screening.TechniqueVerdict;
import org.backsafe.screening.Verdict;

/**
 * The answer sets on which a candidate is compared with the serving rule base, their outcomes, and
 * the comparison. On each pain profile of the gate ({@link RuleBaseGate#bases()}): no answer,
 * worsening pain, every single answer of the whole vocabulary as yes and as not sure, and every pair
 * as yes and as not sure; numbered in that order, so that each screening can write its outcome into
 * its own slot from any worker. The gate fills in the candidate's outcomes as its sweep screens
 * them; only the not-sure pairs, and the serving rule base, are screened for the comparison alone.
 */
final class ImpactComparison {

	static final HealthQuestion[] QUESTIONS = HealthQuestion.values();

	static final int PAIRS = QUESTIONS.length * (QUESTIONS.length - 1) / 2;

	static final int NONE = 0;

	static final int WORSENING = 1;

	static final int SINGLES = 2;

	static final int YES_PAIRS = SINGLES + 2 * QUESTIONS.length;

	static final int UNSURE_PAIRS = YES_PAIRS + PAIRS;

	/** Answer sets per profile. */
	static final int PER_PROFILE = UNSURE_PAIRS + PAIRS;

	private static final Technique[] TECHNIQUES = Technique.values();

	final List<ScreeningRequest> profiles;

	/** The candidate's outcomes, by profile and answer set; kept with it once admitted. */
	final Outcome[][] candidate;

	/**
	 * The serving rule base's outcomes: its own sweep, kept from when it was admitted, where it has
	 * one; the slots still empty are screened for this comparison (and then kept with it too).
	 */
	final Outcome[][] serving;

	ImpactComparison(List<ScreeningRequest> profiles, Outcome[][] servingSweep) {
		this.profiles = List.copyOf(profiles);
		this.candidate = newSweep(profiles.size());
		this.serving = servingSweep != null && servingSweep.length == profiles.size() ? servingSweep
				: newSweep(profiles.size());
	}

	static Outcome[][] newSweep(int profiles) {
		return new Outcome[profiles][PER_PROFILE];
	}

	/**
	 * What decides whether an outcome changed: the disposition, urgent action, verdicts (two bits a
	 * technique), which techniques are kept for a therapist, and a hash of the reasons' rule ids and
	 * subjects; not the words. Small, so that a rule base can keep its whole sweep.
	 */
	record Outcome(Disposition disposition, int urgentAction, int verdicts, int professionalOnly, int reasons) {

		private static final Verdict[] VERDICTS = Verdict.values();

		static Outcome of(ScreeningResult result) {
			int verdicts = 0;
			int professionalOnly = 0;
			int reasons = hash(result.reasons()) * 31 + hash(result.advice());
			for (TechniqueVerdict t : result.techniques()) {
				verdicts |= t.verdict().ordinal() << (2 * t.technique().ordinal());
				if (t.professionalOnly()) {
					professionalOnly |= 1 << t.technique().ordinal();
				}
				reasons = reasons * 31 + hash(t.reasons()) * 7 + hash(t.howTo());
			}
			return new Outcome(result.disposition(), result.urgentAction() == null ? -1 : result.urgentAction().ordinal(),
					verdicts, professionalOnly, reasons);
		}

		Verdict verdict(int technique) {
			return VERDICTS[(this.verdicts >> (2 * technique)) & 3];
		}

		/** Order does not count: findings come out of a session in no fixed order. */
		private static int hash(List<Reason> reasons) {
			int h = 0;
			for (Reason r : reasons) {
				h += (r.rule().hashCode() * 31 + (r.subject() == null ? -1 : r.subject().ordinal())) * 0x9E3779B1;
			}
			return h;
		}

	}

	/** The answer set of the given number on a profile. */
	static ScreeningRequest request(ScreeningRequest profile, int index) {
		if (index == NONE) {
			return profile;
		}
		if (index == WORSENING) {
			return profile.withWorseningPain();
		}
		if (index < YES_PAIRS) {
			int k = index - SINGLES;
			return profile.withAnswer(QUESTIONS[k / 2], k % 2 == 0 ? Response.YES : Response.UNSURE);
		}
		Response response = index < UNSURE_PAIRS ? Response.YES : Response.UNSURE;
		int[] pair = pair(index - (index < UNSURE_PAIRS ? YES_PAIRS : UNSURE_PAIRS));
		return profile.withAnswer(QUESTIONS[pair[0]], response).withAnswer(QUESTIONS[pair[1]], response);
	}

	static int single(HealthQuestion q, Response response) {
		return SINGLES + 2 * q.ordinal() + (response == Response.YES ? 0 : 1);
	}

	/** The number of the pair (i, j), i &lt; j, among all pairs, i-major. */
	static int pairIndex(int i, int j) {
		return i * (2 * QUESTIONS.length - i - 1) / 2 + (j - i - 1);
	}

	private static int[] pair(int index) {
		int i = 0;
		int rest = index;
		while (rest >= QUESTIONS.length - 1 - i) {
			rest -= QUESTIONS.length - 1 - i;
			i++;
		}
		return new int[] { i, i + 1 + rest };
	}

	/** The smaller answer sets within one: those the smallest-set test looks at. */
	private static int[] within(int index) {
		if (index == NONE) {
			return new int[0];
		}
		if (index < YES_PAIRS) {
			return new int[] { NONE };
		}
		Response response = index < UNSURE_PAIRS ? Response.YES : Response.UNSURE;
		int[] pair = pair(index - (index < UNSURE_PAIRS ? YES_PAIRS : UNSURE_PAIRS));
		return new int[] { NONE, single(QUESTIONS[pair[0]], response), single(QUESTIONS[pair[1]], response) };
	}

	private static int size(int index) {
		return index == NONE ? 0 : index < YES_PAIRS ? 1 : 2;
	}

	/** The kinds of change from one outcome to another; empty when nothing that matters changed. */
	static Set<Kind> kinds(Outcome before, Outcome after) {
		Set<Kind> kinds = EnumSet.noneOf(Kind.class);
		int disposition = after.disposition().compareTo(before.disposition());
		if (disposition < 0) {
			kinds.add(Kind.DISPOSITION_MILDER);
		}
		else if (disposition > 0) {
			kinds.add(Kind.DISPOSITION_STRICTER);
		}
		if (after.urgentAction() < before.urgentAction() && after.urgentAction() >= 0) {
			kinds.add(Kind.URGENT_ACTION_MILDER);
		}
		else if (after.urgentAction() > before.urgentAction() && before.urgentAction() >= 0) {
			kinds.add(Kind.URGENT_ACTION_STRICTER);
		}
		for (int t = 0; t < TECHNIQUES.length; t++) {
			Kind kind = verdictChange(before.verdict(t), after.verdict(t));
			if (kind != null) {
				kinds.add(kind);
			}
			boolean was = (before.professionalOnly() & (1 << t)) != 0;
			boolean is = (after.professionalOnly() & (1 << t)) != 0;
			if (was && !is) {
				kinds.add(Kind.PROFESSIONAL_ONLY_LIFTED);
			}
			else if (!was && is) {
				kinds.add(Kind.PROFESSIONAL_ONLY_ADDED);
			}
		}
		if (kinds.isEmpty() && before.reasons() != after.reasons()) {
			kinds.add(Kind.REASONS_CHANGED);
		}
		return kinds;
	}

	private static Kind verdictChange(Verdict before, Verdict after) {
		if (before == after) {
			return null;
		}
		if (before == Verdict.AVOID) {
			return Kind.AVOID_LIFTED;
		}
		if (after == Verdict.AVOID) {
			return Kind.AVOID_ADDED;
		}
		if (before == Verdict.MODIFY) {
			return Kind.MODIFY_LIFTED;
		}
		if (after == Verdict.MODIFY) {
			return Kind.MODIFY_ADDED;
		}
		return after == Verdict.RECOMMENDED ? Kind.RECOMMENDATION_ADDED : Kind.RECOMMENDATION_DROPPED;
	}

	/** The smallest answer set showing a kind of change, as profile and answer set numbers. */
	record Example(int profile, int index) {
	}

	/** What the comparison found before the examples are screened again for the rules that fired. */
	record Found(int compared, int changed, Map<Kind, Integer> counts, Map<Kind, Set<String>> codes,
			Map<Kind, Example> examples) {
	}

	/** Compares every outcome; every slot must have been filled. */
	Found compare() {
		int compared = 0;
		int changed = 0;
		Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
		Map<Kind, Set<String>> codes = new EnumMap<>(Kind.class);
		Map<Kind, Example> examples = new EnumMap<>(Kind.class);
		for (int p = 0; p < this.profiles.size(); p++) {
			List<Set<Kind>> byIndex = new ArrayList<>(PER_PROFILE);
			for (int k = 0; k < PER_PROFILE; k++) {
				Set<Kind> kinds = kinds(this.serving[p][k], this.candidate[p][k]);
				byIndex.add(kinds);
				compared++;
				if (!kinds.isEmpty()) {
					changed++;
				}
			}
			for (int k = 0; k < PER_PROFILE; k++) {
				for (Kind kind : byIndex.get(k)) {
					counts.merge(kind, 1, Integer::sum);
					boolean smallest = true;
					for (int smaller : within(k)) {
						smallest &= !byIndex.get(smaller).contains(kind);
					}
					Set<String> touched = codes.computeIfAbsent(kind, (x) -> new TreeSet<>());
					if (smallest) {
						request(this.profiles.get(p), k).answers().keySet().forEach((q) -> touched.add(q.name()));
					}
					Example best = examples.get(kind);
					if (best == null || size(k) < size(best.index())) {
						examples.put(kind, new Example(p, k));
					}
				}
			}
		}
		return new Found(compared, changed, counts, codes, examples);
	}

	/**
	 * The report, given the examples' results on both rule bases (screened again by the caller, on its
	 * workers, to learn which rules fired).
	 */
	ImpactReport report(String from, String to, Found found, Function<Example, ScreeningResult[]> beforeAndAfter) {
		List<Change> changes = new ArrayList<>();
		for (Kind kind : Kind.values()) {
			Example example = found.examples().get(kind);
			if (example == null) {
				continue;
			}
			ScreeningRequest request = request(this.profiles.get(example.profile()), example.index());
			ScreeningResult[] results = beforeAndAfter.apply(example);
			ScreeningResult before = results[0];
			ScreeningResult after = results[1];
			Set<String> onlyBefore = new TreeSet<>(before.firedRules());
			onlyBefore.removeAll(after.firedRules());
			Set<String> onlyAfter = new TreeSet<>(after.firedRules());
			onlyAfter.removeAll(before.firedRules());
			changes.add(new Change(kind, kind.direction(), found.counts().get(kind), List.copyOf(found.codes().get(kind)),
					request, RuleBaseGate.describe(request), summary(before), summary(after), detail(kind, before, after),
					List.copyOf(onlyBefore), List.copyOf(onlyAfter), null));
		}
		List<String> profiles = this.profiles.stream().map(ImpactComparison::profile).toList();
		return new ImpactReport(from, to, profiles, found.compared(), found.changed(), changes);
	}

	/** A pain profile in a few words. */
	static String profile(ScreeningRequest base) {
		return "age " + base.age() + ", " + base.pain().duration() + " pain " + base.pain().severity() + "/10, "
				+ (base.pain().patterns().isEmpty() ? "no pattern" : "every pattern") + ", " + base.setting();
	}

	/** An outcome in one line: the disposition, then the techniques by verdict. */
	static String summary(ScreeningResult result) {
		StringBuilder text = new StringBuilder(result.disposition().name());
		if (result.urgentAction() != null) {
			text.append(" (").append(result.urgentAction()).append(')');
		}
		if (result.techniques().stream().allMatch((t) -> t.verdict() == Verdict.AVOID)) {
			return text.append("; every technique AVOID").toString();
		}
		for (Verdict verdict : List.of(Verdict.AVOID, Verdict.MODIFY, Verdict.RECOMMENDED)) {
			List<String> these = result.techniques()
				.stream()
				.filter((t) -> t.verdict() == verdict)
				.map((t) -> t.technique().name())
				.toList();
			if (!these.isEmpty()) {
				text.append("; ").append(verdict).append(": ").append(String.join(", ", these));
			}
		}
		return text.toString();
	}

	private static String detail(Kind kind, ScreeningResult before, ScreeningResult after) {
		List<String> parts = new ArrayList<>();
		if (before.disposition() != after.disposition()) {
			parts.add("disposition " + before.disposition() + " to " + after.disposition());
		}
		if (before.urgentAction() != after.urgentAction()) {
			parts.add("urgent action " + before.urgentAction() + " to " + after.urgentAction());
		}
		for (Technique t : TECHNIQUES) {
			TechniqueVerdict was = before.verdictOn(t);
			TechniqueVerdict is = after.verdictOn(t);
			if (was.verdict() != is.verdict()) {
				parts.add(t + ": " + was.verdict() + " to " + is.verdict());
			}
			if (was.professionalOnly() != is.professionalOnly()) {
				parts.add(t + (is.professionalOnly() ? " now" : " no longer") + " kept for a therapist");
			}
		}
		if (parts.isEmpty() && kind == Kind.REASONS_CHANGED) {
			parts.add("the same disposition and verdicts, with other reasons or advice");
		}
		return String.join("; ", parts);
	}

}
