package org.backsafe.rulebase;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves the safety invariants of DESIGN section 4 (and the outcomes of section 3, as lower bounds)
 * on the real rules, exhaustively over the whole version 2 vocabulary: no answer, every single health
 * question answered yes and not sure, and every pair of questions in all four yes/not-sure
 * combinations, each on every pain profile. The checks are {@link InvariantOracle}'s, written apart
 * from {@link SafetyInvariants}.
 * <p>
 * The pain profiles, two families, 360 in all:
 * <ul>
 * <li><b>the pattern cross</b> (168): what the indications and the advice read. No pattern, each of the
 * 12 patterns alone, and all 12, times both settings, the three durations, and worsening or not; at
 * age 40 with a pain score of 5, where no number-reading rule applies, so every difference comes
 * from the patterns, the setting, the duration or the answers;</li>
 * <li><b>the threshold cross</b> (192): what the rules that read a number together with the answers
 * need, on both sides of each threshold. Ages 0, 15, 16, 19, 20, 49, 50 and 120 (the ends of the
 * range; a child under 16; a young person of 16 to 19; a small fall at 50 or over), times pain
 * scores 6 and 7 (severe pain from 7), the three durations (the young person's rule reads 6 weeks
 * or more), both settings, and no pattern or all 12 (an indication is either absent or present for
 * every technique that has one). Worsening pain is left out here: it means a doctor first at any
 * age, and the worsening test below adds it to every profile.</li>
 * </ul>
 * Every area and every piece of equipment is always ticked, so that every indication can fire. Pairs
 * run on all 360 profiles, as singles do: two answers are where combined rules live (a small fall
 * with fragile bones, a fever with a raised risk of infection), and the thresholds change which of
 * them fire. The profiles are screened on a small pool of threads of its own (a KieBase serves many
 * sessions at once); the counts and the first failures do not depend on how the work was shared.
 */
class SafetyInvariantProofTests {

	static final HealthQuestion[] QUESTIONS = HealthQuestion.values();

	static final Response[] RESPONSES = { Response.YES, Response.UNSURE };

	/** Both sides of every age threshold of DESIGN section 3, and the ends of the range. */
	static final List<Integer> THRESHOLD_AGES = List.of(0, 15, 16, 19, 20, 49, 50, 120);

	/** Both sides of the severe-pain threshold (7 or more). */
	static final List<Integer> THRESHOLD_SEVERITIES = List.of(6, 7);

	static InvariantOracle oracle;

	static ExecutorService pool;

	@BeforeAll
	static void compileTheRealRules() {
		oracle = new InvariantOracle(RealRules.ruleBase());
		pool = Executors.newFixedThreadPool(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
	}

	@AfterAll
	static void stopThePool() {
		pool.shutdownNow();
	}

	/** The pattern cross: 14 pattern sets x 2 settings x 3 durations x worsening or not, at 40 with pain of 5. */
	static List<ScreeningRequest> patternProfiles() {
		List<Set<PainPattern>> patternSets = new ArrayList<>();
		patternSets.add(Set.of());
		for (PainPattern pattern : PainPattern.values()) {
			patternSets.add(Set.of(pattern));
		}
		patternSets.add(EnumSet.allOf(PainPattern.class));
		List<ScreeningRequest> profiles = new ArrayList<>();
		for (Set<PainPattern> patterns : patternSets) {
			for (Setting setting : Setting.values()) {
				for (PainDuration duration : PainDuration.values()) {
					for (boolean worsening : List.of(false, true)) {
						profiles.add(profile(40, duration, 5, worsening, patterns, setting));
					}
				}
			}
		}
		return profiles;
	}

	/** The threshold cross: 8 ages x 2 pain scores x 3 durations x 2 settings x no or all patterns. */
	static List<ScreeningRequest> thresholdProfiles() {
		List<ScreeningRequest> profiles = new ArrayList<>();
		for (int age : THRESHOLD_AGES) {
			for (int severity : THRESHOLD_SEVERITIES) {
				for (PainDuration duration : PainDuration.values()) {
					for (Setting setting : Setting.values()) {
						for (Set<PainPattern> patterns : List.of(Set.<PainPattern>of(), EnumSet.allOf(PainPattern.class))) {
							profiles.add(profile(age, duration, severity, false, patterns, setting));
						}
					}
				}
			}
		}
		return profiles;
	}

	static List<ScreeningRequest> profiles() {
		List<ScreeningRequest> profiles = new ArrayList<>(patternProfiles());
		profiles.addAll(thresholdProfiles());
		return profiles;
	}

	private static ScreeningRequest profile(int age, PainDuration duration, int severity, boolean worsening,
			Set<PainPattern> patterns, Setting setting) {
		return new ScreeningRequest(age, Map.of(),
				new PainProfile(EnumSet.allOf(PainArea.class), duration, severity, worsening, patterns), setting,
				EnumSet.allOf(Equipment.class));
	}

	@Test
	void theOracleNamesTheCodesOfTheDesign() {
		Set<HealthQuestion> warningSigns = Stream.of(QUESTIONS)
			.filter(HealthQuestion::isWarningSign)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(HealthQuestion.class)));
		assertThat(InvariantOracle.RED_FLAGS).isEqualTo(warningSigns).hasSize(9);
		assertThat(InvariantOracle.NO_MASSAGE_BEFORE_DOCTOR).hasSize(14).doesNotContainAnyElementsOf(warningSigns);
		assertThat(InvariantOracle.NO_MASSAGE_TODAY).containsExactly(HealthQuestion.COLD_OR_MINOR_ILLNESS)
			.doesNotContainAnyElementsOf(InvariantOracle.NO_MASSAGE_BEFORE_DOCTOR);
		assertThat(InvariantOracle.CALL_THE_NUMBER).isSubsetOf(InvariantOracle.RED_FLAGS);
		assertThat(QUESTIONS).hasSize(37);
		assertThat(Stream.of(QUESTIONS).filter((q) -> q.getSince() == 2)).hasSize(16);
		assertThat(PainPattern.values()).hasSize(12);
		assertThat(patternProfiles()).hasSize(14 * 2 * 3 * 2).doesNotHaveDuplicates();
		assertThat(thresholdProfiles()).hasSize(8 * 2 * 3 * 2 * 2).doesNotHaveDuplicates();
		// Both sides of every threshold the design names are in the threshold cross.
		assertThat(THRESHOLD_AGES).contains(InvariantOracle.CHILD_UNDER - 1, InvariantOracle.CHILD_UNDER,
				InvariantOracle.YOUNG_PERSON_UNDER - 1, InvariantOracle.YOUNG_PERSON_UNDER,
				InvariantOracle.MINOR_FALL_AGE - 1, InvariantOracle.MINOR_FALL_AGE, 0, ScreeningRequest.MAX_AGE);
		assertThat(THRESHOLD_SEVERITIES).contains(InvariantOracle.SEVERE_PAIN - 1, InvariantOracle.SEVERE_PAIN);
	}

	@Test
	void everySingleAnswerAsYesAndAsNotSure() {
		Tally tally = new Tally("Single answers");
		List<ScreeningRequest> profiles = profiles();
		tally.run(profiles, (profile) -> {
			ScreeningResult none = tally.screen(profile);
			for (HealthQuestion question : QUESTIONS) {
				ScreeningRequest yes = profile.withAnswer(question, Response.YES);
				ScreeningRequest unsure = profile.withAnswer(question, Response.UNSURE);
				ScreeningResult yesResult = tally.screen(yes);
				ScreeningResult unsureResult = tally.screen(unsure);
				tally.compare(yes, "invariant 7, one more yes (" + question + ")", none, yesResult);
				tally.compare(unsure, "invariant 7, one more not sure (" + question + ")", none, unsureResult);
				tally.compare(unsure, "invariant 3, not sure against yes (" + question + ")", yesResult, unsureResult);
			}
		});
		tally.report(profiles.size());
		assertThat(tally.screenings()).isEqualTo(profiles.size() * (1 + 2 * QUESTIONS.length));
		assertThat(tally.comparisons()).isEqualTo(profiles.size() * 3 * QUESTIONS.length);
	}

	@Test
	void everyPairOfAnswersInAllFourCombinations() {
		Tally tally = new Tally("Pairs of answers");
		List<ScreeningRequest> profiles = profiles();
		tally.run(profiles, (profile) -> {
			ScreeningResult[][] singles = new ScreeningResult[QUESTIONS.length][RESPONSES.length];
			for (HealthQuestion q : QUESTIONS) {
				for (int r = 0; r < RESPONSES.length; r++) {
					singles[q.ordinal()][r] = RealRules.screen(profile.withAnswer(q, RESPONSES[r]));
				}
			}
			for (int i = 0; i < QUESTIONS.length; i++) {
				for (int j = i + 1; j < QUESTIONS.length; j++) {
					ScreeningResult[][] pair = new ScreeningResult[RESPONSES.length][RESPONSES.length];
					for (int ri = 0; ri < RESPONSES.length; ri++) {
						for (int rj = 0; rj < RESPONSES.length; rj++) {
							ScreeningRequest request = profile.withAnswer(QUESTIONS[i], RESPONSES[ri])
								.withAnswer(QUESTIONS[j], RESPONSES[rj]);
							ScreeningResult result = tally.screen(request);
							pair[ri][rj] = result;
							tally.compare(request, "invariant 7, " + QUESTIONS[j] + " added to " + QUESTIONS[i],
									singles[i][ri], result);
							tally.compare(request, "invariant 7, " + QUESTIONS[i] + " added to " + QUESTIONS[j],
									singles[j][rj], result);
						}
					}
					for (int r = 0; r < RESPONSES.length; r++) {
						tally.compare(profile.withAnswer(QUESTIONS[i], Response.UNSURE).withAnswer(QUESTIONS[j], RESPONSES[r]),
								"invariant 3, " + QUESTIONS[i] + " not sure against yes", pair[0][r], pair[1][r]);
						tally.compare(profile.withAnswer(QUESTIONS[i], RESPONSES[r]).withAnswer(QUESTIONS[j], Response.UNSURE),
								"invariant 3, " + QUESTIONS[j] + " not sure against yes", pair[r][0], pair[r][1]);
					}
				}
			}
		});
		tally.report(profiles.size());
		int pairs = QUESTIONS.length * (QUESTIONS.length - 1) / 2;
		assertThat(pairs).isEqualTo(666);
		assertThat(tally.screenings()).isEqualTo(profiles.size() * pairs * 4);
		assertThat(tally.comparisons()).isEqualTo(profiles.size() * pairs * (8 + 4));
	}

	@Test
	void painThatGetsWorseNeverLowersTheOutcome() {
		Tally tally = new Tally("Worsening pain");
		List<ScreeningRequest> steadyProfiles = profiles().stream().filter((p) -> !p.pain().worsening()).toList();
		tally.run(steadyProfiles, (profile) -> {
			List<ScreeningRequest> answerSets = new ArrayList<>(List.of(profile));
			for (HealthQuestion q : QUESTIONS) {
				for (Response r : RESPONSES) {
					answerSets.add(profile.withAnswer(q, r));
				}
			}
			for (ScreeningRequest steady : answerSets) {
				ScreeningRequest worse = steady.withWorseningPain();
				tally.compare(worse, "invariant 7, pain now getting worse", tally.screen(steady), tally.screen(worse));
			}
		});
		tally.report(steadyProfiles.size());
		assertThat(tally.comparisons()).isEqualTo(steadyProfiles.size() * (1 + 2 * QUESTIONS.length));
	}

	/**
	 * Counts what a test covered and keeps the first few failures with their answer sets. Safe to use
	 * from the pool's threads; {@link #run} waits for every profile and passes on any exception.
	 */
	static final class Tally {

		private static final int SHOWN = 12;

		private final String name;

		private final List<String> failures = new ArrayList<>();

		private final AtomicInteger failed = new AtomicInteger();

		private final AtomicInteger screenings = new AtomicInteger();

		private final AtomicInteger comparisons = new AtomicInteger();

		private final long started = System.nanoTime();

		Tally(String name) {
			this.name = name;
		}

		/** Runs the work once per profile on the pool, and waits for all of it. */
		void run(List<ScreeningRequest> profiles, Consumer<ScreeningRequest> work) {
			List<Future<?>> running = profiles.stream().<Future<?>>map((p) -> pool.submit(() -> work.accept(p))).toList();
			try {
				for (Future<?> future : running) {
					future.get();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException("a profile could not be screened", ex.getCause());
			}
		}

		ScreeningResult screen(ScreeningRequest request) {
			ScreeningResult result;
			try {
				result = RealRules.screen(request);
			}
			catch (RuntimeException ex) {
				fail(request, List.of("invariant 8: the screening threw " + ex));
				return null;
			}
			this.screenings.incrementAndGet();
			fail(request, oracle.violations(request, result));
			return result;
		}

		void compare(ScreeningRequest request, String what, ScreeningResult fewer, ScreeningResult more) {
			if (fewer == null || more == null) {
				return;
			}
			this.comparisons.incrementAndGet();
			fail(request, InvariantOracle.notLessCautious(what, fewer, more));
		}

		int screenings() {
			return this.screenings.get();
		}

		int comparisons() {
			return this.comparisons.get();
		}

		private void fail(ScreeningRequest request, List<String> broken) {
			if (broken.isEmpty()) {
				return;
			}
			this.failed.incrementAndGet();
			synchronized (this.failures) {
				if (this.failures.size() < SHOWN) {
					this.failures.add(broken + "\n      answers: " + InvariantOracle.describe(request));
				}
			}
		}

		void report(int profiles) {
			long millis = (System.nanoTime() - this.started) / 1_000_000;
			System.out.printf("%s: %,d pain profiles, %,d answer sets screened and checked, %,d monotonicity"
					+ " comparisons, %,d ms%n", this.name, profiles, screenings(), comparisons(), millis);
			List<String> shown;
			synchronized (this.failures) {
				shown = List.copyOf(this.failures);
			}
			assertThat(this.failed.get())
				.as("%s: %d answer sets or comparisons broke an invariant; the first ones:%n  - %s", this.name,
						this.failed.get(), String.join("\n  - ", shown))
				.isZero();
		}

	}

}
