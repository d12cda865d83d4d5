package org.backsafe.rulebase;

import java.nio.file.Path;
import java.util.List;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.backsafe.support.RuleFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule base's health on real rule bases: serving, refused while serving, and never served. */
class RuleBaseHealthIndicatorTests {

	@TempDir
	Path dir;

	/** Up, degraded after a refused edit, and up again: one folder, as the gate is slow to run often. */
	@Test
	void upThenDegradedWhileTheOldRulesServeThenUpAgain() {
		RuleFolder folder = RuleFolder.copyOfRealRules(this.dir);
		LoadedRules current = LoadedRules.of(new RuleBaseProperties(this.dir));
		RuleBase serving = current.serving().orElseThrow();
		RuleBaseHealthIndicator indicator = new RuleBaseHealthIndicator(current.loader());

		Health up = indicator.health();
		assertThat(up.getStatus()).isEqualTo(Status.UP);
		assertThat(up.getDetails()).containsEntry("version", serving.version())
			.containsEntry("loadedAt", serving.info().loadedAt().toString())
			.containsEntry("origin", this.dir.toAbsolutePath().normalize().toString())
			.containsEntry("rules", serving.rules().size())
			.containsEntry("scenarios", serving.scenarios().size())
			.containsEntry("gatePassed", "here")
			.doesNotContainKey("lastFailure");

		folder.write("zz-broken.drl", RuleFolder.HEADER + "rule \"Broken\"\nwhen\n\tPain()\nend\n");
		assertThat(current.reload()).isFalse();
		Health degraded = indicator.health();
		assertThat(degraded.getStatus()).isEqualTo(new Status(RuleBaseHealthIndicator.DEGRADED));
		assertThat(degraded.getDetails()).containsEntry("version", serving.version());
		assertThat(degraded.getDetails().get("lastFailure")).asInstanceOf(InstanceOfAssertFactories.list(String.class))
			.isNotEmpty()
			.allSatisfy((problem) -> assertThat(problem).contains("zz-broken.drl"));

		this.dir.resolve("zz-broken.drl").toFile().delete();
		assertThat(current.reload()).isTrue();
		Health healed = indicator.health();
		assertThat(healed.getStatus()).isEqualTo(Status.UP);
		assertThat(healed.getDetails()).containsEntry("version", serving.version()).doesNotContainKey("lastFailure");
	}

	@Test
	void downWithTheReasonWhenNoRuleBaseEverServed() {
		RuleFolder.in(this.dir).write("messages.properties", "");
		LoadedRules current = LoadedRules.of(new RuleBaseProperties(this.dir));
		Health health = new RuleBaseHealthIndicator(current.loader()).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).doesNotContainKey("version");
		assertThat(health.getDetails().get("lastFailure")).isEqualTo(
				List.of("[COMPILE] no rule files (*.drl, *.drl.csv, *.drl.xls, *.drl.xlsx) found in "
						+ this.dir.toAbsolutePath().normalize()));
	}

}
