package org.backsafe.rulebase;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

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
 * The safety invariants on generated answer sets: any subset of the health questions, each answered
 * yes or not sure, any pain profile, any age from 0 to 120, either setting, any equipment. Each try
 * also adds one more answer, to check that one more yes never lowers the outcome and that not sure
 * is at least as cautious as yes. The checks are {@link InvariantOracle}'s.
 * <p>
 * The generator is seeded, so a failure can be replayed: it names its seed, and
 * {@code -Dbacksafe.seed=N} runs that seed again. A failing set is shrunk, answer by answer, to
 * the smallest one that still fails.
 */
class GeneratedAnswerSetsTests {

	static final int TRIES = 10_000;

	/** The answers that allow some massage, so that most sets reach the techniques' verdicts. */
	static final Set<HealthQuestion> ALLOWING_MASSAGE = EnumSet.of(HealthQuestion.OSTEOPOROSIS, HealthQuestion.EPILEPSY,
			HealthQuestion.SENSITIVE_SKIN, HealthQuestion.SKIN_DISORDER, HealthQuestion.INFLAMED_OR_INJURED_AREA,
			HealthQuestion.SCIATICA_OR_PINCHED_NERVE);

	private final InvariantOracle oracle = new InvariantOracle(RealRules.ruleBase());

	private int screenings;

	private int comparisons;

	@Test
	void everyInvariantHoldsAndOneMoreAnswerNeverLowersTheOutcome() {
		long seed = Long.getLong("backsafe.seed", 20261122L);
		SplittableRandom random = new SplittableRandom(seed);
		Map<Disposition, Integer> dispositions = new EnumMap<>(Disposition.class);
		for (int i = 0; i < TRIES; i++) {
			ScreeningRequest request = answerSet(random);
			HealthQuestion question = pick(random, HealthQuestion.values());
			List<String> broken = check(request, question);
			if (!broken.isEmpty()) {
				ScreeningRequest smallest = shrink(request, question);
				fail("try %d of seed %d (replay with -Dbacksafe.seed=%d): %s%nsmallest failing answers: %s%n  %s", i,
						seed, seed, InvariantOracle.describe(request), InvariantOracle.describe(smallest),
						String.join("\n  ", check(smallest, question)));
			}
			dispositions.merge(RealRules.screen(request).disposition(), 1, Integer::sum);
		}
		// A generator stuck at one outcome would prove little: every level must be reached.
		assertThat(dispositions).as("dispositions reached").containsOnlyKeys(Disposition.values());
		System.out.printf("Generated answer sets: %,d tried (seed %d), %,d screenings checked, %,d monotonicity"
				+ " comparisons; dispositions %s%n", TRIES, seed, this.screenings, this.comparisons, dispositions);
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

	/** Drops answers one at a time while the set still fails, so the report shows what matters. */
	private ScreeningRequest shrink(ScreeningRequest failing, HealthQuestion question) {
		ScreeningRequest smallest = failing;
		boolean smaller = true;
		while (smaller) {
			smaller = false;
			for (HealthQuestion answered : smallest.answers().keySet()) {
				Map<HealthQuestion, Response> fewer = new EnumMap<>(HealthQuestion.class);
				fewer.putAll(smallest.answers());
				fewer.remove(answered);
				ScreeningRequest candidate = new ScreeningRequest(smallest.age(), fewer, smallest.pain(),
						smallest.setting(), smallest.equipment());
				if (!check(candidate, question).isEmpty()) {
					smallest = candidate;
					smaller = true;
					break;
				}
			}
		}
		return smallest;
	}

	private static ScreeningRequest answerSet(SplittableRandom random) {
		// One set in three draws from every question, the rest from those that still allow massage.
		HealthQuestion[] pool = random.nextInt(3) == 0 ? HealthQuestion.values()
				: ALLOWING_MASSAGE.toArray(HealthQuestion[]::new);
		Map<HealthQuestion, Response> answers = new EnumMap<>(HealthQuestion.class);
		int count = random.nextInt(pool.length + 1);
		for (int i = 0; i < count; i++) {
			answers.put(pick(random, pool), pick(random, Response.values()));
		}
		// Every age is tried, adults more often: under 20 always means a doctor first.
		int age = random.nextInt(5) == 0 ? random.nextInt(20) : 20 + random.nextInt(ScreeningRequest.MAX_AGE - 19);
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
