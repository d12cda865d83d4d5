package org.backsafe.screening;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.backsafe.rulebase.CurrentRuleBase;
import org.backsafe.rulebase.LoadedRules;
import org.backsafe.rulebase.RuleBaseProperties;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One screening in-process, on the real rules, as {@link ScreeningService#screen} runs it: a fresh
 * session, the facts in, the rules fired, the session disposed, the findings folded. Not a test (its
 * name keeps it out of Surefire); run it with the command in docs/performance.md. Sample mode, so
 * JMH reports the median (p0.50) as well as the mean.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms256m", "-Xmx256m" })
public class ScreeningBenchmark {

	private ScreeningService service;

	private ScreeningRequest typical;

	private ScreeningRequest manyCodes;

	@Setup
	public void serveTheRealRules() {
		Path rules = Path.of(System.getProperty("backsafe.rules.dir", "rules"));
		LoadedRules current = LoadedRules.of(new RuleBaseProperties(rules));
		if (current.serving().isEmpty()) {
			throw new IllegalStateException("the rules in " + rules.toAbsolutePath() + " did not load: "
					+ current.lastFailure().orElse(null));
		}
		this.service = new ScreeningService(current);

		// The README's example: one condition, two patterns, one piece of equipment.
		this.typical = new ScreeningRequest(52, Map.of(HealthQuestion.EPILEPSY, Response.YES),
				new PainProfile(Set.of(PainArea.LOWER_BACK), PainDuration.CHRONIC, 6, false,
						Set.of(PainPattern.KNOTS, PainPattern.GENERAL_STIFFNESS)),
				Setting.SELF, Set.of(Equipment.FOAM_ROLLER));

		// Every question raised (every other one as "not sure"), every pattern, area and piece of equipment.
		Map<HealthQuestion, Response> all = new EnumMap<>(HealthQuestion.class);
		for (HealthQuestion q : HealthQuestion.values()) {
			all.put(q, q.ordinal() % 2 == 0 ? Response.YES : Response.UNSURE);
		}
		this.manyCodes = new ScreeningRequest(70, all,
				new PainProfile(EnumSet.allOf(PainArea.class), PainDuration.SUBACUTE, 8, true,
						EnumSet.allOf(PainPattern.class)),
				Setting.SELF, EnumSet.allOf(Equipment.class));

		for (ScreeningRequest request : new ScreeningRequest[] { this.typical, this.manyCodes }) {
			if (!this.service.screen(request).completed()) {
				throw new IllegalStateException("the screening failed; see the log");
			}
		}
	}

	@Benchmark
	public ScreeningResult typical() {
		return this.service.screen(this.typical);
	}

	@Benchmark
	public ScreeningResult manyCodes() {
		return this.service.screen(this.manyCodes);
	}

}
