package org.backsafe.rulebase;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.backsafe.screening.Disposition;
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
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The safety invariants on generated answer sets: any subset of the 37 health questions of version 2,
 * each answered yes or not sure, any pain profile with a score from 0 to 10, any age from 0 to 120,
 * either setting, any equipment. Each try also adds one more answer, to check that one more yes never
 * lowers the outcome and that not sure is at least as cautious as yes. The checks are
 * {@link InvariantOracle}'s.
 * <p>
 * One set in three draws from every question; the others from the answers that still allow some
 * massage (so that most sets reach the techniques' verdicts), with a cold now and then (so that
 * WAIT_UNTIL_WELL is reached often, not by luck). One age in four is taken from both sides of the
 * thresholds of DESIGN section 3 (15 and 16, 19 and 20, 49 and 50) or the ends of the range; the
 * rest are uniform from 0 to 120. The test fails if a code, an age threshold, a pain score or a
 * level of care was never drawn or reached.
 * <p>
 * The generator is seeded, so a failure can be replayed: it names its seed, and
 * {@code -Dbacksafe.seed=N} runs that seed again. A failing set is shrunk, one answer, pattern, area
 * or piece of equipment at a time, to the smallest one that still fails.
 */
class GeneratedAnswerSetsTests {

	static final int TRIES = 10_000;

	/**
	 * The answers that allow some massage, so that most sets reach the techniques' verdicts: every
	 * question that is not a red flag, a reason to see a doctor first or a passing illness (by the
	 * design's lists, in {@link InvariantOracle}). A small fall is among them: below 50 and without
	 * fragile bones it changes nothing.
	 */
	static final Set<HealthQuestion> ALLOWING_MASSAGE = allowingMassage();

	/** Both sides of each age threshold of DESIGN section 3, and the ends of the range. */
	static final List<Integer> THRESHOLD_AGES = List.of(0, 15, 16, 19, 20, 49, 50, ScreeningRequest.MAX_AGE);

	private final InvariantOracle oracle = new InvariantOracle(RealRules.ruleBase());

	private int screenings;

	private int comparisons;

	@Test
	void everyInvariantHoldsAndOneMoreAnswerNeverLowersTheOutcome() {
		long seed = Long.getLong("backsafe.seed", 20261122L);
		SplittableRandom random = new SplittableRandom(seed);
		Map<Disposition, Integer> dispositions = new EnumMap<>(Disposition.class);
		Set<HealthQuestion> drawnYes = EnumSet.noneOf(HealthQuestion.class);
		Set<HealthQuestion> drawnUnsure = EnumSet.noneOf(HealthQuestion.class);
		TreeSet<Integer> ages = new TreeSet<>();
		Set<Integer> severities = new TreeSet<>();
		for (int i = 0; i < TRIES; i++) {
			ScreeningRequest request = answerSet(random);
			HealthQuestion question = pick(random, HealthQuestion.values());
			request.answers().forEach((q, r) -> (r == Response.YES ? drawnYes : drawnUnsure).add(q));
			ages.add(request.age());
			severities.add(request.pain().severity());
			List<String> broken = check(request, question);
			if (!broken.isEmpty()) {
				ScreeningRequest smallest = shrink(request, question);
				fail("try %d of seed %d (replay with -Dbacksafe.seed=%d): %s%nsmallest failing answers: %s%n  %s", i,
						seed, seed, InvariantOracle.describe(request), InvariantOracle.describe(smallest),
						String.join("\n  ", check(smallest, question)));
			}
			dispositions.merge(RealRules.screen(request).disposition(), 1, Integer::sum);
		}
		System.out.printf("Generated answer sets: %,d tried (seed %d), %,d screenings checked, %,d monotonicity"
				+ " comparisons; %d ages from %d to %d, pain scores %s; dispositions %s%n", TRIES, seed,
				this.screenings, this.comparisons, ages.size(), ages.first(),
				ages.last(), severities, dispositions);
		// A generator stuck at one outcome, or blind to part of the vocabulary, would prove little.
		assertThat(dispositions).as("dispositions reached").containsOnlyKeys(Disposition.values());
		assertThat(dispositions.get(Disposition.WAIT_UNTIL_WELL)).as("sets ending at WAIT_UNTIL_WELL")
			.isGreaterThanOrEqualTo(TRIES / 100);
		assertThat(drawnYes).as("questions drawn as yes").containsExactlyInAnyOrder(HealthQuestion.values());
		assertThat(drawnUnsure).as("questions drawn as not sure").containsExactlyInAnyOrder(HealthQuestion.values());
		assertThat(ages).as("ages drawn").containsAll(THRESHOLD_AGES).hasSizeGreaterThan(100);
		assertThat(severities).as("pain scores drawn").hasSize(PainProfile.MAX_SEVERITY + 1);
	}

	/** Every broken invariant for this answer set and for it with one more answer to the question. */
	private List<String> check(ScreeningRequest request, HealthQuestion question) {
		List<String> broken = new ArrayList<>();
		ScreeningResult result = screen(request, broken);
		Map<HealthQuestion, Response> others = new EnumMap<>(HealthQuestion.class);
		others.putAll(request.answers());
		others.remove(question);
		ScreeningRequest without = new ScreeningRequest(request.age(), others, request.pain(), request.setting(),
				request.equipment());
		ScreeningResult withoutResult = screen(without, broken);
		ScreeningResult yes = screen(without.withAnswer(question, Response.YES), broken);
		ScreeningResult unsure = screen(without.withAnswer(question, Response.UNSURE), broken);
		this.comparisons += 3;
		broken.addAll(InvariantOracle.notLessCautious("invariant 7, one more yes to " + question, withoutResult, yes));
		broken.addAll(InvariantOracle.notLessCautious("invariant 7, one more not sure to " + question, withoutResult,
				unsure));
		broken.addAll(InvariantOracle.notLessCautious("invariant 3, not sure against yes to " + question, yes, unsure));
		if (!request.pain().worsening()) {
			this.comparisons++;
			broken.addAll(InvariantOracle.notLessCautious("invariant 7, pain now getting worse", result,
					screen(request.withWorseningPain(), broken)));
		}
		return broken;
	}

	private ScreeningResult screen(ScreeningRequest request, List<String> broken) {
		this.screenings++;
		ScreeningResult result = RealRules.screen(request);
		broken.addAll(this.oracle.violations(request, result));
		return result;
	}

	/**
	 * Drops answers, then patterns, areas and equipment, one at a time while the set still fails, so
	 * the report shows what matters. The age, the pain score and the duration are kept: a threshold
	 * may be what the failure is about.
	 */
	private ScreeningRequest shrink(ScreeningRequest failing, HealthQuestion question) {
		ScreeningRequest smallest = failing;
		boolean smaller = true;
		while (smaller) {
			smaller = false;
			for (ScreeningRequest candidate : oneSmaller(smallest)) {
				if (!check(candidate, question).isEmpty()) {
					smallest = candidate;
					smaller = true;
					break;
				}
			}
		}
		return smallest;
	}

	/** Every answer set with one answer, pattern, area or piece of equipment fewer. */
	private static List<ScreeningRequest> oneSmaller(ScreeningRequest request) {
		List<ScreeningRequest> candidates = new ArrayList<>();
		PainProfile pain = request.pain();
		for (HealthQuestion answered : request.answers().keySet()) {
			Map<HealthQuestion, Response> fewer = new EnumMap<>(HealthQuestion.class);
			fewer.putAll(request.answers());
			fewer.remove(answered);
			candidates.add(new ScreeningRequest(request.age(), fewer, pain, request.setting(), request.equipment()));
		}
		for (PainPattern pattern : pain.patterns()) {
			candidates.add(withPain(request, new PainProfile(pain.areas(), pain.duration(), pain.severity(),
					pain.worsening(), without(pain.patterns(), pattern))));
		}
		for (PainArea area : pain.areas()) {
			candidates.add(withPain(request, new PainProfile(without(pain.areas(), area), pain.duration(),
					pain.severity(), pain.worsening(), pain.patterns())));
		}
		for (Equipment item : request.equipment()) {
			candidates.add(new ScreeningRequest(request.age(), request.answers(), pain, request.setting(),
					without(request.equipment(), item)));
		}
		return candidates;
	}

	private static ScreeningRequest withPain(ScreeningRequest request, PainProfile pain) {
		return new ScreeningRequest(request.age(), request.answers(), pain, request.setting(), request.equipment());
	}

	private static <E> Set<E> without(Set<E> set, E item) {
		Set<E> fewer = new HashSet<>(set);
		fewer.remove(item);
		return fewer;
	}

	private static Set<HealthQuestion> allowingMassage() {
		Set<HealthQuestion> allowing = EnumSet.allOf(HealthQuestion.class);
		allowing.removeAll(InvariantOracle.RED_FLAGS);
		allowing.removeAll(InvariantOracle.NO_MASSAGE_BEFORE_DOCTOR);
		allowing.removeAll(InvariantOracle.NO_MASSAGE_TODAY);
		return allowing;
	}

	private static ScreeningRequest answerSet(SplittableRandom random) {
		// One set in three draws from every question, the rest from those that still allow massage,
		// one of those in six with a passing illness as well.
		boolean everyQuestion = random.nextInt(3) == 0;
		HealthQuestion[] pool = everyQuestion ? HealthQuestion.values() : ALLOWING_MASSAGE.toArray(HealthQuestion[]::new);
		Map<HealthQuestion, Response> answers = new EnumMap<>(HealthQuestion.class);
		int count = random.nextInt(pool.length + 1);
		for (int i = 0; i < count; i++) {
			answers.put(pick(random, pool), pick(random, Response.values()));
		}
		if (!everyQuestion && random.nextInt(6) == 0) {
			answers.put(pick(random, InvariantOracle.NO_MASSAGE_TODAY.toArray(HealthQuestion[]::new)),
					pick(random, Response.values()));
		}
		// Every age from 0 to 120; one in four from both sides of a threshold or the ends of the range.
		int age = random.nextInt(4) == 0 ? THRESHOLD_AGES.get(random.nextInt(THRESHOLD_AGES.size()))
				: random.nextInt(ScreeningRequest.MAX_AGE + 1);
		PainProfile pain = new PainProfile(subset(random, PainArea.class), pick(random, PainDuration.values()),
				random.nextInt(PainProfile.MAX_SEVERITY + 1), random.nextInt(8) == 0,
				subset(random, PainPattern.class));
		return new ScreeningRequest(age, answers, pain, pick(random, Setting.values()), subset(random, Equipment.class));
	}

	private static <E extends Enum<E>> Set<E> subset(SplittableRandom random, Class<E> type) {
		Set<E> subset = EnumSet.noneOf(type);
		for (E value : type.getEnumConstants()) {
			if (random.nextBoolean()) {
				subset.add(value);
			}
		}
		return subset;
	}

	private static <T> T pick(SplittableRandom random, T[] values) {
		return values[random.nextInt(values.length)];
	}

}
