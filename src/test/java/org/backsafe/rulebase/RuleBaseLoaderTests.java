package org.backsafe.rulebase;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the loads run: on one loading thread that Spring starts and stops, never from a constructor. */
class RuleBaseLoaderTests {

	@TempDir
	Path temp;

	private static List<Thread> loadingThreads() {
		return Thread.getAllStackTraces().keySet().stream()
			.filter((t) -> t.getName().equals("rule-base-loader") && t.isAlive())
			.toList();
	}

	@Test
	void makingALoaderStartsNothingSpringStartsTheFirstLoadAndStopsIt() throws Exception {
		Path rules = RulesFolder.copyOfProjectRules(this.temp.resolve("rules"));
		List<Thread> before = loadingThreads();
		RuleBaseLoader loader = new RuleBaseLoader(new RuleBaseProperties(rules, false, Duration.ofMillis(50)));
		try {
			assertThat(loadingThreads()).isEqualTo(before);
			assertThat(loader.holder().now().serving()).isNull();

			loader.afterPropertiesSet(); // as Spring does once it has made the bean
			assertThat(loader.holder().serving()).isPresent(); // a reader waits for the first load
			List<Thread> started = loadingThreads().stream().filter((t) -> !before.contains(t)).toList();
			assertThat(started).hasSize(1);

			// A reload runs on it too: no other loading thread is started.
			RulesFolder.addNewRule(rules);
			assertThat(loader.reloadFolder()).isTrue();
			assertThat(loadingThreads().stream().filter((t) -> !before.contains(t)).toList()).isEqualTo(started);

			loader.close(); // as Spring does at shutdown
			started.get(0).join(Duration.ofSeconds(30).toMillis());
			assertThat(started.get(0).isAlive()).isFalse();
			assertThat(loader.reloadFolder()).isFalse(); // stopped: nothing more is loaded
		}
		finally {
			loader.close();
		}
	}


	@Test
	void stoppingDuringTheFirstCompileIsNotARefusal() throws Exception {
		Path rules = RulesFolder.copyOfProjectRules(this.temp.resolve("rules"));
		List<Thread> before = loadingThreads();
		RuleBaseLoader loader = new RuleBaseLoader(new RuleBaseProperties(rules, false, Duration.ofMillis(50)));
		loader.afterPropertiesSet();
		Thread loading = loadingThreads().stream().filter((t) -> !before.contains(t)).findFirst().orElseThrow();
		// the compile takes a few hundred milliseconds at least: stop the app while it runs
		while (loading.isAlive() && !onTheCompile(loading)) {
			Thread.onSpinWait();
		}
		loader.close();
		loading.join(Duration.ofSeconds(30).toMillis());
		assertThat(loading.isAlive()).as("the loading thread ended, not waiting for a start that will not come").isFalse();
		assertThat(loader.holder().now().serving()).isNull();
		assertThat(loader.holder().now().lastFailure()).as("the rules were not refused, only not loaded").isNull();
	}

	@Test
	void aWatchedFolderWarmsUpTheReloadPathAfterTheFirstLoad() throws Exception {
		Path rules = RulesFolder.copyOfProjectRules(this.temp.resolve("rules"));
		RuleBaseProperties watched = new RuleBaseProperties(rules, true, Duration.ofMillis(50)).withWarmUpReloads(2);
		try (LoadedRules current = LoadedRules.of(watched)) {
			String version = current.serving().orElseThrow().version();
			assertThat(current.loader().awaitAhead(Duration.ofSeconds(120))).isTrue();
			assertThat(current.loader().warmUpsDone()).isEqualTo(2);
			// practice only: what serves, its history and its failures are as they were
			assertThat(current.serving().orElseThrow().version()).isEqualTo(version);
			assertThat(current.history()).hasSize(1);
			assertThat(current.lastFailure()).isEmpty();
		}
		// a folder nobody edits (not watched) has nothing to warm up for
		try (LoadedRules current = LoadedRules.of(watched.withWatch(false))) {
			assertThat(current.loader().awaitAhead(Duration.ofSeconds(120))).isTrue();
			assertThat(current.loader().warmUpsDone()).isZero();
		}
	}

	@Test
	@Timeout(180) // a warm-up that a save does not stop would hold the reload for its 1,000 rounds
	void aSaveDuringTheWarmUpStopsItAndIsTakenUp() throws Exception {
		Path rules = RulesFolder.copyOfProjectRules(this.temp.resolve("rules"));
		// far more practice than it will get: the save must stop it
		RuleBaseProperties watched = new RuleBaseProperties(rules, true, Duration.ofMillis(50)).withWarmUpReloads(1_000);
		try (LoadedRules current = LoadedRules.of(watched)) {
			String before = current.serving().orElseThrow().version();
			assertThat(RulesFolder.within(Duration.ofSeconds(120), () -> current.loader().warmUpsDone() >= 1)).isTrue();
			RulesFolder.addNewRule(rules);
			// the interrupt that stops the warm-up must not cancel the load that asked for it
			assertThat(current.reloadFolder()).isTrue();
			assertThat(current.serving().orElseThrow().version()).isNotEqualTo(before);
			assertThat(current.loader().awaitAhead(Duration.ofSeconds(30))).isTrue();
			assertThat(current.loader().warmUpsDone()).isLessThan(1_000);
			// and the loading thread takes up later edits as before
			RulesFolder.append(rules, "referrals.drl", "// one more edit\n");
			assertThat(current.reloadFolder()).isTrue();
			assertThat(current.lastFailure()).isEmpty();
		}
	}

	private static boolean onTheCompile(Thread thread) {
		return Arrays.stream(thread.getStackTrace())
			.anyMatch((frame) -> frame.getClassName().equals(RuleBaseCompiler.class.getName()));
	}


	@Test
	void aPublishedVersionMadeReadyServesOnlyOnceItIsActiveAndThenWithoutAnotherCompile() throws Exception {
		String code = BuildGateRecord.currentCodeVersion();
		AdmittedRules first = admitted(RuleFiles.fromFolder(RulesFolder.PROJECT_RULES), code);
		Path edited = RulesFolder.copyOfProjectRules(this.temp.resolve("edited"));
		RulesFolder.addNewRule(edited);
		AdmittedRules next = admitted(RuleFiles.fromFolder(edited), code);
		AtomicReference<AdmittedRules> active = new AtomicReference<>(first);
		RuleBaseLoader loader = new RuleBaseLoader(new RuleBaseProperties(this.temp.resolve("none"), false,
				Duration.ofMillis(50)), Optional.empty(), new AdmittedRules.Source() {
					@Override
					public Optional<AdmittedRules> active() {
						return Optional.of(active.get());
					}

					@Override
					public String describe() {
						return "the test's store";
					}
				});
		try {
			loader.afterPropertiesSet();
			assertThat(loader.holder().serving().orElseThrow().files().contentVersion())
				.isEqualTo(first.files().contentVersion());

			assertThat(loader.prepare(next)).isTrue();
			RuleBase ready = loader.prepared().orElseThrow();
			assertThat(ready.files().contentVersion()).isEqualTo(next.files().contentVersion());
			assertThat(loader.holder().serving().orElseThrow().files().contentVersion()).as("ready is not serving")
				.isEqualTo(first.files().contentVersion());

			active.set(next);
			assertThat(loader.reload()).isTrue();
			assertThat(loader.holder().serving()).as("the very rule base made ready").containsSame(ready);
			assertThat(loader.prepared()).isEmpty();

			// A version no gate passed, asked to be made ready: refused, and nothing changes
			Map<String, byte[]> files = new LinkedHashMap<>(next.files().all());
			files.put("epilepsy.drl", RulesFolder.SYNTAX_ERROR.getBytes(StandardCharsets.UTF_8));
			RuleFiles forgedFiles = RuleFiles.of(files, "the test's store");
			AdmittedRules forged = new AdmittedRules(forgedFiles,
					new BuildGateRecord("another content", code, Map.of()));
			assertThat(loader.prepare(forged)).isFalse();
			assertThat(loader.prepared()).isEmpty();
			assertThat(loader.holder().serving()).containsSame(ready);
			assertThat(loader.holder().now().lastFailure()).as("only a load reports a failure").isNull();
		}
		finally {
			loader.close();
		}
	}

	private static AdmittedRules admitted(RuleFiles folder, String code) {
		RuleFiles files = RuleFiles.of(folder.all(), "the test's store");
		RuleBaseGate.Report report = RuleBaseGate.run(RuleBaseCompiler.compile(files));
		assertThat(report.passed()).as("%s", report.problems()).isTrue();
		return new AdmittedRules(files, new BuildGateRecord(files.contentVersion(), code, report.coverage()));
	}
}
