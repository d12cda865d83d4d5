package org.backsafe.rulebase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.backsafe.rulebase.RuleProblem.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The running app following edits in its rules folder, however they are made. */
class RuleFolderWatcherTests {

	private static final Duration SECONDS = Duration.ofSeconds(15);

	@TempDir
	Path temp;

	Path rules;

	LoadedRules current;

	RuleFolderWatcher watcher;

	String original;

	@BeforeEach
	void watchACopyOfTheProjectRules() {
		this.rules = RulesFolder.copyOfProjectRules(this.temp.resolve("rules"));
		RuleBaseProperties properties = new RuleBaseProperties(this.rules, true, Duration.ofMillis(100));
		this.current = LoadedRules.of(properties);
		this.original = version();
		this.watcher = new RuleFolderWatcher(this.current.loader(), properties);
		this.watcher.start();
		assertThat(this.watcher.isRunning()).isTrue();
	}

	@AfterEach
	void stop() {
		this.watcher.stop();
	}

	private String version() {
		return this.current.serving().orElseThrow().version();
	}

	private boolean serves(String ruleId) {
		return this.current.serving().orElseThrow().rules().stream().anyMatch((r) -> r.id().equals(ruleId));
	}

	@Test
	void aNewRuleWithItsScenarioServesWithinSeconds() {
		RulesFolder.addNewRule(this.rules);
		assertThat(RulesFolder.within(SECONDS, () -> serves("trigger-point-not-with-epilepsy")
				&& this.current.lastFailure().isEmpty())).isTrue();
		assertThat(version()).isEqualTo(RuleFiles.fromFolder(this.rules).version());
	}

	@Test
	void aFileSavedByRenameIsTakenUp() {
		RulesFolder.writeByRename(this.rules, "referrals.drl",
				RulesFolder.read(this.rules, "referrals.drl") + "\n// reviewed\n");
		assertThat(RulesFolder.within(SECONDS, () -> !version().equals(this.original))).isTrue();
		assertThat(this.current.lastFailure()).isEmpty();
	}

	@Test
	void aFailingScenarioInANewSubfolderIsRefusedAndDeletingItClearsTheFailure() throws IOException {
		Files.createDirectories(this.rules.resolve("scenarios/more"));
		RulesFolder.addNewRule(this.rules);
		assertThat(RulesFolder.within(SECONDS, () -> serves("trigger-point-not-with-epilepsy"))).isTrue();
		String good = version();

		RulesFolder.write(this.rules, "scenarios/more/wrong.yaml", RulesFolder.FAILING_SCENARIO);
		assertThat(RulesFolder.within(SECONDS, () -> this.current.lastFailure()
			.filter((f) -> f.problems().stream().anyMatch((p) -> p.kind() == Kind.SCENARIO
					&& "scenarios/more/wrong.yaml".equals(p.file())))
			.isPresent())).isTrue();
		assertThat(version()).isEqualTo(good);

		Files.delete(this.rules.resolve("scenarios/more/wrong.yaml"));
		assertThat(RulesFolder.within(SECONDS, () -> this.current.lastFailure().isEmpty())).isTrue();
		assertThat(version()).isEqualTo(good);
	}

	@Test
	void theFolderGoingAwayIsReportedAndItsReturnIsTakenUp() throws IOException {
		Path away = this.temp.resolve("rules-away");
		Files.move(this.rules, away);
		assertThat(RulesFolder.within(SECONDS, () -> this.current.lastFailure()
			.filter((f) -> f.problems().get(0).message().contains("is missing"))
			.isPresent())).isTrue();
		assertThat(version()).isEqualTo(this.original);

		RulesFolder.addNewRule(away);
		Files.move(away, this.rules);
		assertThat(RulesFolder.within(SECONDS, () -> serves("trigger-point-not-with-epilepsy")
				&& this.current.lastFailure().isEmpty())).isTrue();

		// The folder that came back is the one watched now.
		RulesFolder.write(this.rules, "scenarios/more.yaml", RulesFolder.FAILING_SCENARIO);
		assertThat(RulesFolder.within(SECONDS, () -> this.current.lastFailure().isPresent())).isTrue();
	}

	@Test
	void nothingIsWatchedWhenSwitchedOff() throws InterruptedException {
		this.watcher.stop();
		RuleFolderWatcher off = new RuleFolderWatcher(this.current.loader(),
				new RuleBaseProperties(this.rules, false, Duration.ofMillis(100)));
		off.start();
		assertThat(off.isRunning()).isFalse();
		RulesFolder.write(this.rules, "scenarios/wrong.yaml", RulesFolder.FAILING_SCENARIO);
		Thread.sleep(800);
		assertThat(this.current.lastFailure()).isEmpty();
		assertThat(version()).isEqualTo(this.original);
	}

}
