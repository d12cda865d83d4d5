package org.backsafe.rulebase;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.backsafe.rulebase.RuleProblem.Kind;
import org.backsafe.screening.DeadlineWorkers;
import org.backsafe.screening.Disposition;
import org.backsafe.screening.Equipment;
import org.backsafe.screening.PainArea;
import org.backsafe.screening.PainDuration;
import org.backsafe.screening.PainProfile;
import org.backsafe.screening.ScreeningRequest;
import org.backsafe.screening.ScreeningResult;
import org.backsafe.screening.ScreeningService;
import org.backsafe.screening.Setting;
import org.backsafe.support.RuleFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule that never returns, in a condition or in a consequence, on the real compiler and a real
 * rules folder: the gate refuses it within the screening time limit, saying where it was and which
 * rule ran, the old rules keep serving, and the next good edit is taken up; loaded at start, nothing
 * serves, and every screening is answered "see a doctor". Rules that always return but too slowly
 * are refused at the gate's own time limit. Without time limits, each test fails on a JUnit time-out:
 * the reload would never return.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class RuleThatNeverReturnsTests {

	/** How long one screening may take (the default). */
	static final Duration STEP = Duration.ofSeconds(2);

	/** Short for the slow rules' test; the real rules' gate runs with the default (20 s). */
	static final Duration GATE = Duration.ofSeconds(3);

	/** Scenarios use this age; the invariant sweep does not (it tries 17, 40 and 55). */
	static final int SCENARIO_AGE = 35;

	/** The sweep tries this age; no scenario is left in the folder of the start-up test. */
	static final int SWEEP_AGE = 55;

	@TempDir
	Path dir;

	LoadedRules current;

	@BeforeEach
	void armTheSpin() {
		Spin.arm();
	}

	/** Lets the stuck workers go, so that they do not slow the tests that follow; the app cannot. */
	@AfterEach
	void releaseTheSpin() {
		Spin.release();
		if (this.current != null) {
			assertThat(RulesFolder.within(Duration.ofSeconds(5), () -> this.current.abandonedGateWorkers() == 0))
				.as("released workers end").isTrue();
			this.current.close();
		}
	}

	private Health health() {
		return new RuleBaseHealthIndicator(this.current.loader()).health();
	}

	@Test
	void aConditionThatNeverReturnsIsRefusedInTimeAndTheNextGoodEditServes() {
		RuleFolder folder = RuleFolder.copyOfRealRules(this.dir);
		this.current = LoadedRules.of(new RuleBaseProperties(this.dir, false, Duration.ofMillis(50))
			.withScreeningTimeout(STEP));
		String original = this.current.serving().orElseThrow().version();

		folder.rule("spin.drl", "spin-in-a-condition", "Person(age == " + SCENARIO_AGE
				+ ")\n\teval(org.backsafe.rulebase.Spin.forever())", "insert(new Advice());").write();
		long started = System.nanoTime();
		assertThat(this.current.reloadFolder()).isFalse();
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		System.out.println("A looping condition was refused after " + took.toMillis() + " ms");
		assertThat(took).as("refused at the time limit (after the compile)").isBetween(STEP,
				STEP.multipliedBy(DeadlineWorkers.CLOCK_FACTOR).plusSeconds(4));

		assertThat(this.current.serving().orElseThrow().version()).as("the old rules serve").isEqualTo(original);
		RuleProblem problem = this.current.lastFailure().orElseThrow().problems().get(0);
		assertThat(problem.kind()).isEqualTo(Kind.SCENARIO);
		assertThat(problem.file()).startsWith("scenarios/");
		assertThat(problem.line()).isPositive();
		assertThat(problem.message()).startsWith("the rules did not finish a screening within 2 s"
				+ " (backsafe.rules.screening-timeout) on scenario \"")
			.contains("still running: rule \"Test: spin-in-a-condition\" (spin.drl:6), in its conditions (when),"
					+ " at org.backsafe.rulebase.Spin.forever")
			.contains("the rules that serve are kept");
		assertThat(this.current.abandonedGateWorkers()).as("the worker stuck on the scenario").isEqualTo(1);
		Health degraded = health();
		assertThat(degraded.getStatus().getCode()).isEqualTo(RuleBaseHealthIndicator.DEGRADED);
		assertThat(degraded.getDetails()).containsKey("stuckWorkers");

		// The author fixes the rule; the worker is still stuck, and the edit is taken up on fresh ones.
		folder.write("spin.drl", RuleFolder.HEADER + """
				rule "Test: spin-in-a-condition"
					@id("spin-in-a-condition")
					@source("source of spin-in-a-condition")
				when
					Person(age == %d)
				then
					insert(new Advice());
				end
				""".formatted(SCENARIO_AGE));
		started = System.nanoTime();
		assertThat(this.current.reloadFolder()).as("%s", this.current.lastFailure()).isTrue();
		System.out.println("The fixed rule was admitted after " + (System.nanoTime() - started) / 1_000_000
				+ " ms, with " + this.current.abandonedGateWorkers() + " worker still spinning");
		assertThat(this.current.serving().orElseThrow().version()).isNotEqualTo(original);
		assertThat(this.current.lastFailure()).isEmpty();
	}

	@Test
	void aConsequenceThatNeverReturnsAtStartLeavesNothingServingAndScreeningsFailSafe() {
		RuleFolder folder = RuleFolder.copyOfRealRules(this.dir);
		RulesFolder.delete(this.dir.resolve("scenarios"));
		folder.rule("spin.drl", "spin-in-a-consequence", "Person(age == " + SWEEP_AGE + ")",
				"while (org.backsafe.rulebase.Spin.spinning()) { }").write();

		long started = System.nanoTime();
		this.current = LoadedRules.of(new RuleBaseProperties(this.dir, false, Duration.ofMillis(50))
			.withScreeningTimeout(STEP));
		CurrentRuleBase.State state = this.current.state();
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		System.out.println("The first load with a looping consequence ended after " + took.toMillis() + " ms");
		assertThat(took).as("compile, then the screening time limit").isLessThan(STEP.multipliedBy(DeadlineWorkers.CLOCK_FACTOR).plusSeconds(12));

		assertThat(state.serving()).isNull();
		RuleProblem problem = state.lastFailure().problems().get(0);
		assertThat(problem.kind()).isEqualTo(Kind.INVARIANT);
		assertThat(problem.message()).startsWith("the rules did not finish a screening within 2 s"
				+ " (backsafe.rules.screening-timeout) on answers age: " + SWEEP_AGE + ", yes: [], unsure: []")
			.contains("still running: rule \"Test: spin-in-a-consequence\" (spin.drl:6), in its consequence (then)");
		assertThat(health().getStatus()).isEqualTo(Status.DOWN);

		try (ScreeningService screenings = new ScreeningService(this.current)) {
			ScreeningResult result = screenings.screen(new ScreeningRequest(SWEEP_AGE, Map.of(),
					new PainProfile(Set.of(PainArea.LOWER_BACK), PainDuration.CHRONIC, 4, false, Set.of()),
					Setting.SELF, Set.of(Equipment.FOAM_ROLLER)));
			assertThat(result.disposition()).isEqualTo(Disposition.SEE_DOCTOR);
			assertThat(result.completed()).isFalse();
			assertThat(result.offersAnyTechnique()).isFalse();
		}
	}

	@Test
	void rulesThatAlwaysReturnButTooSlowlyAreRefusedAtTheGatesTimeLimit() {
		RuleFolder.copyOfRealRules(this.dir)
			.rule("slow.drl", "slow-on-every-screening", "Pain()\n\teval(org.backsafe.rulebase.Spin.slowly())",
					"insert(new Advice());")
			.write();
		long started = System.nanoTime();
		this.current = LoadedRules.of(new RuleBaseProperties(this.dir, false, Duration.ofMillis(50))
			.withGateTimeout(GATE));
		CurrentRuleBase.State state = this.current.state();
		System.out.println("The first load with slow rules ended after " + (System.nanoTime() - started) / 1_000_000
				+ " ms");

		assertThat(state.serving()).isNull();
		assertThat(state.lastFailure().problems()).last().satisfies((problem) -> assertThat(problem.message())
			.startsWith("the gate did not finish within 3 s (backsafe.rules.gate-timeout) on ")
			.contains("Every screening returned, but too slowly"));
		assertThat(this.current.abandonedGateWorkers()).as("slow workers come back when cancelled").isZero();
	}

	/** SIGTERM while the first load is stuck: a request waiting for it is answered, and holds nothing up. */
	@Test
	void aReaderWaitingForTheFirstLoadIsLetGoWhenTheAppStops() throws InterruptedException {
		RuleFolder.copyOfRealRules(this.dir)
			.rule("spin.drl", "spin-in-a-condition", "Person(age == " + SCENARIO_AGE
					+ ")\n\teval(org.backsafe.rulebase.Spin.forever())", "insert(new Advice());")
			.write();
		this.current = LoadedRules.of(new RuleBaseProperties(this.dir, false, Duration.ofMillis(50))
			.withScreeningTimeout(Duration.ofSeconds(50)));
		this.current.start();
		CurrentRuleBase.State[] seen = new CurrentRuleBase.State[1];
		Thread reader = new Thread(() -> seen[0] = this.current.state(), "reader");
		reader.setDaemon(true);
		reader.start();
		reader.join(1000);
		assertThat(reader.isAlive()).as("waiting for the first load").isTrue();

		long stopped = System.nanoTime();
		this.current.stop();
		reader.join(2000);
		assertThat(reader.isAlive()).as("let go").isFalse();
		System.out.println("A reader waiting for the first load was let go " + (System.nanoTime() - stopped) / 1_000_000
				+ " ms after stop()");
		assertThat(seen[0].serving()).isNull();
	}

}
