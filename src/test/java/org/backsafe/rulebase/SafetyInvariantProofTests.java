package org.backsafe.rulebase;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves the safety invariants of DESIGN section 4 on the real rules, exhaustively over the whole
 * vocabulary: no answer, every single health question answered yes and not sure, and every pair of
 * questions in all four yes/not-sure combinations, each on every pain profile: no pattern, each
 * pattern alone, and all patterns, times both settings, the three durations, and worsening or not.
 * The checks are {@link InvariantOracle}'s, written apart from {@link SafetyInvariants}.
 */
class SafetyInvariantProofTests {

	static final HealthQuestion[] QUESTIONS = HealthQuestion.values();

	static final Response[] RESPONSES = { Response.YES, Response.UNSURE };

	static InvariantOracle oracle;

	@BeforeAll
	static void compileTheRealRules() {
		oracle = new InvariantOracle(RealRules.ruleBase());
	}

	/** The pain profiles every answer set is tried on: 14 pattern sets x 2 settings x 3 durations x 2. */
	static List<ScreeningRequest> profiles() {
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
						profiles.add(new ScreeningRequest(40, Map.of(), new PainProfile(
								EnumSet.allOf(PainArea.class), duration, 5, worsening, patterns), setting,
								EnumSet.allOf(Equipment.class)));
					}
				}
			}
		}
		return profiles;
	}

	@Test
	void theOracleNamesTheCodesOfTheDesign() {
		Set<HealthQuestion> warningSigns = Stream.of(QUESTIONS)
			.filter(HealthQuestion::isWarningSign)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(HealthQuestion.class)));
		assertThat(InvariantOracle.RED_FLAGS).isEqualTo(warningSigns).hasSize(9);
		assertThat(InvariantOracle.NO_MASSAGE_BEFORE_DOCTOR).hasSize(14).doesNotContainAnyElementsOf(warningSigns);
		assertThat(QUESTIONS).hasSize(37);
		assertThat(PainPattern.values()).hasSize(12);
		assertThat(profiles()).hasSize(14 * 2 * 3 * 2);
	}

	@Test
	void everySingleAnswerAsYesAndAsNotSure() {
		Tally tally = new Tally("Single answers");
		for (ScreeningRequest profile : profiles()) {
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
		}
		tally.report();
		assertThat(tally.screenings).isEqualTo(profiles().size() * (1 + 2 * QUESTIONS.length));
	}

	@Test
	void everyPairOfAnswersInAllFourCombinations() {
		Tally tally = new Tally("Pairs of answers");
		for (ScreeningRequest profile : profiles()) {
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
						tally.compare(null, "invariant 3, " + QUESTIONS[i] + " not sure against yes", pair[0][r],
								pair[1][r]);
						tally.compare(null, "invariant 3, " + QUESTIONS[j] + " not sure against yes", pair[r][0],
								pair[r][1]);
					}
				}
			}
		}
		tally.report();
		int pairs = QUESTIONS.length * (QUESTIONS.length - 1) / 2;
		assertThat(tally.screenings).isEqualTo(profiles().size() * pairs * 4);
	}

	@Test
	void painThatGetsWorseNeverLowersTheOutcome() {
		Tally tally = new Tally("Worsening pain");
		for (ScreeningRequest profile : profiles()) {
			if (profile.pain().worsening()) {
				continue;
			}
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
		}
		tally.report();
	}

	/** Counts what a test covered and keeps the first few failures with their answer sets. */
	static final class Tally {

		private static final int SHOWN = 12;

		private final String name;

		private final List<String> failures = new ArrayList<>();

		private int failed;

		int screenings;

		int comparisons;

		private final long started = System.nanoTime();

		Tally(String name) {
			this.name = name;
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
			this.screenings++;
			fail(request, oracle.violations(request, result));
			return result;
		}

		void compare(ScreeningRequest request, String what, ScreeningResult fewer, ScreeningResult more) {
			if (fewer == null || more == null) {
				return;
			}
			this.comparisons++;
			fail(request, InvariantOracle.notLessCautious(what, fewer, more));
		}

		private void fail(ScreeningRequest request, List<String> broken) {
			if (broken.isEmpty()) {
				return;
			}
			this.failed++;
			if (this.failures.size() < SHOWN) {
				this.failures.add(broken + (request == null ? "" : "\n      answers: " + InvariantOracle.describe(request)));
			}
		}

		void report() {
			long millis = (System.nanoTime() - this.started) / 1_000_000;
			System.out.printf("%s: %,d answer sets screened and checked, %,d monotonicity comparisons, %,d ms%n",
					this.name, this.screenings, this.comparisons, millis);
			assertThat(this.failed)
				.as("%s: %d answer sets or comparisons broke an invariant; the first ones:%n  - %s", this.name,
						this.failed, String.join("\n  - ", this.failures))
				.isZero();
		}

	}

}
