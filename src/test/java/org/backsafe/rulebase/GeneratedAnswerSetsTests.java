package org.backsafe.rulebase;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The safety invariants on generated answer sets: any subset of the health questions, each answered
 * yes or not sure, any pain profile, any age from 0 to 120, either setting, any equipment. Each try
 * also adds one more answer, to check that one more yes never lowers the outcome and that not sure
 * is at least as cautious as yes. The checks are {@link InvariantOracle}'s.
 */
class GeneratedAnswerSetsTests {

	static final int TRIES = 10_000;

	/** The answers that allow some massage, so that most sets reach the techniques' verdicts. */
	static final Set<HealthQuestion> ALLOWING_MASSAGE = EnumSet.of(HealthQuestion.OSTEOPOROSIS, HealthQuestion.EPILEPSY,
			HealthQuestion.SENSITIVE_SKIN, HealthQuestion.SKIN_DISORDER, HealthQuestion.INFLAMED_OR_INJURED_AREA,
			HealthQuestion.SCIATICA_OR_PINCHED_NERVE);

	static final AtomicInteger answerSets = new AtomicInteger();

	static final AtomicInteger screenings = new AtomicInteger();

	static final AtomicInteger comparisons = new AtomicInteger();

	static InvariantOracle oracle;

	@BeforeContainer
	static void compileTheRealRules() {
		oracle = new InvariantOracle(RealRules.ruleBase());
	}

	@Property(tries = TRIES)
	void everyInvariantHoldsAndOneMoreAnswerNeverLowersTheOutcome(@ForAll("answerSets") ScreeningRequest request,
			@ForAll HealthQuestion question) {
		answerSets.incrementAndGet();
		ScreeningResult result = screen(request);
		Statistics.label("disposition").collect(result.disposition());

		Map<HealthQuestion, Response> others = new EnumMap<>(HealthQuestion.class);
		others.putAll(request.answers());
		others.remove(question);
		ScreeningRequest without = new ScreeningRequest(request.age(), others, request.pain(), request.setting(),
				request.equipment());
		ScreeningResult withoutResult = screen(without);
		ScreeningResult yes = screen(without.withAnswer(question, Response.YES));
		ScreeningResult unsure = screen(without.withAnswer(question, Response.UNSURE));
		comparisons.addAndGet(3);
		assertThat(InvariantOracle.notLessCautious("invariant 7, one more yes to " + question, withoutResult, yes))
			.isEmpty();
		assertThat(InvariantOracle.notLessCautious("invariant 7, one more not sure to " + question, withoutResult,
				unsure))
			.isEmpty();
		assertThat(InvariantOracle.notLessCautious("invariant 3, not sure against yes to " + question, yes, unsure))
			.isEmpty();
		if (!request.pain().worsening()) {
			comparisons.incrementAndGet();
			assertThat(InvariantOracle.notLessCautious("invariant 7, pain now getting worse", result,
					screen(request.withWorseningPain())))
				.isEmpty();
		}
	}

	@Provide
	Arbitrary<ScreeningRequest> answerSets() {
		Arbitrary<Map<HealthQuestion, Response>> anyAnswers = Arbitraries
			.maps(Arbitraries.of(HealthQuestion.class), Arbitraries.of(Response.class))
			.ofMaxSize(HealthQuestion.values().length);
		Arbitrary<Map<HealthQuestion, Response>> answersAllowingMassage = Arbitraries
			.maps(Arbitraries.of(ALLOWING_MASSAGE), Arbitraries.of(Response.class))
			.ofMaxSize(ALLOWING_MASSAGE.size());
		Arbitrary<Map<HealthQuestion, Response>> answers = Arbitraries.frequencyOf(Tuple.of(1, anyAnswers),
				Tuple.of(2, answersAllowingMassage));
		// Every age is tried, adults more often: under 20 always means a doctor first.
		Arbitrary<Integer> age = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.integers().between(0, 19)),
				Tuple.of(4, Arbitraries.integers().between(20, ScreeningRequest.MAX_AGE)));
		Arbitrary<PainProfile> pain = Combinators
			.combine(Arbitraries.subsetOf(PainArea.values()), Arbitraries.of(PainDuration.class),
					Arbitraries.integers().between(0, PainProfile.MAX_SEVERITY),
					Arbitraries.frequency(Tuple.of(1, true), Tuple.of(7, false)),
					Arbitraries.subsetOf(PainPattern.values()))
			.as(PainProfile::new);
		return Combinators
			.combine(age, answers, pain,
					Arbitraries.of(Setting.class), Arbitraries.subsetOf(Equipment.values()))
			.as(ScreeningRequest::new);
	}

	private static ScreeningResult screen(ScreeningRequest request) {
		screenings.incrementAndGet();
		ScreeningResult result = RealRules.screen(request);
		List<String> broken = oracle.violations(request, result);
		assertThat(broken).as("answers: %s", InvariantOracle.describe(request)).isEmpty();
		return result;
	}

	@AfterContainer
	static void report() {
		// Fewer than TRIES only when the property failed, and jqwik has reported that already.
		System.out.printf("Generated answer sets: %,d tried, %,d screenings checked, %,d monotonicity comparisons%n",
				answerSets.get(), screenings.get(), comparisons.get());
	}

}
