package org.backsafe.rulebase;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long a reload of the shipped rules takes with the impact report, edit after edit, as the
 * running app does it (the watcher's quiet period comes on top). It prints its timings with the
 * machine's load average for docs/performance.md, and is run by hand ({@code -Dtest=ImpactTimingBenchmark});
 * its name keeps it out of the build's tests. It asserts only that each edit was admitted with a
 * report, since times on a shared machine vary too much to fail a build on.
 */
class ImpactTimingBenchmark {

	private static final int EDITS = 6;

	/** The app's default (backsafe.rules.warm-up-reloads). */
	private static final int WARM_UP_RELOADS = 2;

	@TempDir
	Path temp;

	@Test
	void reloadsWithTheImpactReport() throws InterruptedException {
		Path rules = RulesFolder.copyOfProjectRules(this.temp.resolve("rules"));
		long started = System.nanoTime();
		// watched and warmed up, as the running app's folder is (the reloads below are called by hand all the same)
		RuleBaseProperties asTheApp = new RuleBaseProperties(rules, true, Duration.ofMillis(50))
			.withWarmUpReloads(WARM_UP_RELOADS);
		try (LoadedRules current = LoadedRules.of(asTheApp)) {
			current.serving().orElseThrow();
			System.out.printf("first load (nothing to compare with): %d ms, load average %.1f%n",
					(System.nanoTime() - started) / 1_000_000, loadAverage());
			// An author's first save comes after the not-sure pairs are screened ahead (about a second)
			// and the reload path is warmed up (about three).
			RuleBase first = current.serving().orElseThrow();
			long ahead = System.nanoTime();
			assertThat(current.awaitAhead(Duration.ofSeconds(120))).isTrue();
			assertThat(FirstLoadSweepTests.missing(first)).isZero();
			assertThat(current.loader().warmUpsDone()).isEqualTo(WARM_UP_RELOADS);
			System.out.printf("screened ahead and warmed up for the first edit: %d ms more%n",
					(System.nanoTime() - ahead) / 1_000_000);
			List<Long> times = new ArrayList<>();
			for (int i = 1; i <= EDITS; i++) {
				// A comment: a new version whose outcomes are all the same, so all of them are compared.
				RulesFolder.append(rules, "referrals.drl", "// edit " + i + "\n");
				long start = System.nanoTime();
				assertThat(current.reloadFolder()).isTrue();
				long millis = (System.nanoTime() - start) / 1_000_000;
				times.add(millis);
				ImpactReport impact = current.serving().orElseThrow().impact().orElseThrow();
				assertThat(impact.isFirstLoad()).isFalse();
				assertThat(impact.compared()).isEqualTo(14_080);
				assertThat(impact.changed()).isZero();
				System.out.printf("edit %d: reload with the impact report %d ms, load average %.1f%n", i, millis,
						loadAverage());
			}
			System.out.println("reload times, ms: " + times);
			// The gate alone on one candidate, without and with the comparison, turn about.
			RulesFolder.append(rules, "referrals.drl", "// one more edit\n");
			RuleBase candidate = RuleBaseCompiler.compile(RuleFiles.fromFolder(rules));
			RuleBase serving = current.serving().orElseThrow();
			for (int i = 1; i <= 3; i++) {
				long start = System.nanoTime();
				assertThat(RuleBaseGate.run(candidate).passed()).isTrue();
				long alone = (System.nanoTime() - start) / 1_000_000;
				start = System.nanoTime();
				assertThat(RuleBaseGate.run(candidate, serving).impact().changed()).isZero();
				long compared = (System.nanoTime() - start) / 1_000_000;
				System.out.printf("gate %d: %d ms alone, %d ms with the comparison, load average %.1f%n", i, alone,
						compared, loadAverage());
			}
		}
	}

	private static double loadAverage() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

}
