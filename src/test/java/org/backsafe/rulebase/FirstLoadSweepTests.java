package org.backsafe.rulebase;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The first rule base's sweep, completed ahead of the first edit. */
class FirstLoadSweepTests {

	@TempDir
	Path temp;

	/**
	 * The first rule base has nothing to be compared with, so its gate skips the not-sure pairs; they
	 * are screened right after it serves, so that the first edit's report does not wait for them.
	 */
	@Test
	void theFirstLoadScreensAheadWhatTheFirstComparisonNeeds() {
		Path rules = RulesFolder.copyOfProjectRules(this.temp.resolve("ahead"));
		try (LoadedRules current = LoadedRules.of(new RuleBaseProperties(rules, false, Duration.ofMillis(50)))) {
			RuleBase first = current.serving().orElseThrow();
			assertThat(RulesFolder.within(Duration.ofSeconds(60), () -> missing(first) == 0))
				.as("answer sets still missing from the first rule base's sweep: %d", missing(first))
				.isTrue();
		}
	}

	@Test
	void withoutTheCheckAfterStartTheFirstEditScreensWhatItNeedsItself() throws InterruptedException {
		Path rules = RulesFolder.copyOfProjectRules(this.temp.resolve("not-ahead"));
		RuleBaseProperties properties = new RuleBaseProperties(rules, false, Duration.ofMillis(50))
			.withCheckAfterStart(false);
		try (LoadedRules current = LoadedRules.of(properties)) {
			RuleBase first = current.serving().orElseThrow();
			assertThat(current.awaitAhead(Duration.ofSeconds(60))).isTrue();
			assertThat(missing(first)).as("answer sets left for the first edit").isPositive();

			RulesFolder.append(rules, "referrals.drl", "// an edit\n");
			assertThat(current.reloadFolder()).isTrue();
			ImpactReport impact = current.serving().orElseThrow().impact().orElseThrow();
			assertThat(impact.isFirstLoad()).isFalse();
			assertThat(impact.changed()).isZero();
			assertThat(missing(first)).as("screened by the edit's gate").isZero();
		}
	}

	/** How many of the rule base's sweep answer sets are not screened yet. */
	static int missing(RuleBase ruleBase) {
		int missing = 0;
		for (ImpactComparison.Outcome[] profile : ruleBase.sweep()) {
			for (ImpactComparison.Outcome outcome : profile) {
				missing += (outcome == null) ? 1 : 0;
			}
		}
		return missing;
	}

}
