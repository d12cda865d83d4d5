package org.backsafe.screening;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.backsafe.rulebase.CurrentRuleBase;
import org.backsafe.rulebase.LoadedRules;
import org.backsafe.rulebase.RuleBaseProperties;
import org.backsafe.rulebase.Spin;
import org.backsafe.support.RuleFolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's fail-safe on real broken rule bases. The broken rules are the real ones plus bugs
 * that fire only at ages the gate does not try, so the gate admits them and they fail while serving,
 * as a bug that slipped past the scenarios would.
 */
class ScreeningServiceTests {

	// Ages no scenario is likely to use, and the invariant sweep does not.
	static final int THROWS_AT = 117;

	static final int LOOPS_AT = 118;

	static final int OVERFLOWS_AT = 119;

	static final int NEVER_RETURNS_AT = 116;

	/** Short, to keep the test quick; a screening takes microseconds. */
	static final Duration TIME_LIMIT = Duration.ofSeconds(1);

	@TempDir
	static Path buggyFolder;

	@TempDir
	static Path emptyFolder;

	static LoadedRules buggy;

	static ScreeningService service;

	@BeforeAll
	static void serveBuggyRules() {
		Spin.arm();
		RuleFolder.copyOfRealRules(buggyFolder)
			.rule("bugs.drl", "bug-throws", "Person(age == " + THROWS_AT + ")",
					"throw new IllegalStateException(\"a bug in a rule\");")
			// The loop must constrain count: with property reactivity, a bare Tick() would not refire.
			.rule("bugs.drl", "bug-loops-start", "Person(age == " + LOOPS_AT + ")", "insert(new Tick());")
			.rule("bugs.drl", "bug-loops-forever", "$t : Tick(count >= 0)", "modify($t) { setCount($t.getCount() + 1) }")
			.rule("bugs.drl", "bug-overflows", "Person(age == " + OVERFLOWS_AT + ")", "down(0);")
			.rule("bugs.drl", "bug-never-returns", "Person(age == " + NEVER_RETURNS_AT
					+ ")\n\teval(org.backsafe.rulebase.Spin.forever())", "insert(new Advice());")
			.write();
		RuleFolder.in(buggyFolder).append("bugs.drl", """
				declare Tick
					count : int
				end

				function int down(int n) {
					return down(n + 1) + 1;
				}
				""");
		buggy = LoadedRules.of(new RuleBaseProperties(buggyFolder).withScreeningTimeout(TIME_LIMIT));
		assertThat(buggy.serving()).as("the gate should admit the buggy rules: %s", buggy.lastFailure()).isPresent();
		service = new ScreeningService(buggy);
	}

	/** Lets a worker stuck in the rule that never returns go, so that it does not slow later tests. */
	@AfterAll
	static void releaseTheSpin() {
		Spin.release();
		service.close();
		buggy.close();
	}

	static ScreeningRequest answersAt(int age) {
		return new ScreeningRequest(age, Map.of(HealthQuestion.SCIATICA_OR_PINCHED_NERVE, Response.YES),
				new PainProfile(Set.of(PainArea.LOWER_BACK), PainDuration.CHRONIC, 4, false,
						Set.of(PainPattern.KNOTS, PainPattern.GENERAL_STIFFNESS)),
				Setting.SELF, Set.of(Equipment.MASSAGE_BALL));
	}

	static void assertFailSafe(ScreeningResult result) {
		assertThat(result.disposition()).isEqualTo(Disposition.SEE_DOCTOR);
		assertThat(result.completed()).isFalse();
		assertThat(result.offersAnyTechnique()).isFalse();
		assertThat(result.techniques()).hasSize(12).allSatisfy((t) -> {
			assertThat(t.verdict()).isEqualTo(Verdict.AVOID);
			assertThat(t.howTo()).isEmpty();
		});
		assertThat(result.reasons()).extracting(Reason::rule).containsExactly(Triage.NOT_COMPLETED);
	}

	@Nested
	class OnRulesThatWork {

		@Test
		void answersInFull() {
			ScreeningResult result = service.screen(answersAt(40));
			assertThat(result.completed()).isTrue();
			assertThat(result.disposition()).isEqualTo(Disposition.PROCEED_WITH_CAUTION);
			assertThat(result.offersAnyTechnique()).isTrue();
			assertThat(result.ruleBase()).isEqualTo(buggy.serving().orElseThrow().info());
		}

	}

	@Nested
	class FailsSafe {

		@Test
		void whenARuleThrows() {
			ScreeningResult result = service.screen(answersAt(THROWS_AT));
			assertFailSafe(result);
			assertThat(result.ruleBase()).as("the result still says which rule base failed")
				.isEqualTo(buggy.serving().orElseThrow().info());
		}

		@Test
		void whenRulesLoopForever() {
			assertFailSafe(service.screen(answersAt(LOOPS_AT)));
		}

		/**
		 * The gate cannot try every answer set, so a rule that never returns on answers it does not
		 * try is admitted. The screening is answered at its time limit, and the next on fresh workers.
		 */
		@Test
		@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
		void whenARuleNeverReturnsAndTheNextScreeningIsFine() {
			long started = System.nanoTime();
			ScreeningResult result = service.screen(answersAt(NEVER_RETURNS_AT));
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			assertFailSafe(result);
			assertThat(result.ruleBase()).isEqualTo(buggy.serving().orElseThrow().info());
			assertThat(took).as("answered at the time limit").isBetween(TIME_LIMIT,
					TIME_LIMIT.multipliedBy(DeadlineWorkers.CLOCK_FACTOR).plusSeconds(2));
			assertThat(service.abandonedWorkers()).isEqualTo(1);
			assertThat(service.screen(answersAt(40)).completed()).isTrue();
		}

		@Test
		void whenARuleOverflowsTheStack() {
			assertFailSafe(service.screen(answersAt(OVERFLOWS_AT)));
		}

		@Test
		void whenNoRuleBaseIsServing() {
			LoadedRules none = LoadedRules.of(new RuleBaseProperties(emptyFolder));
			assertThat(none.serving()).isEmpty();
			assertThat(none.lastFailure()).isPresent();
			ScreeningResult result = new ScreeningService(none).screen(answersAt(40));
			assertFailSafe(result);
			assertThat(result.ruleBase()).isNull();
		}

		@Test
		void andTheNextScreeningIsFineAgain() {
			assertFailSafe(service.screen(answersAt(THROWS_AT)));
			assertThat(service.screen(answersAt(40)).completed()).isTrue();
		}

	}

}
