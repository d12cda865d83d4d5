package org.backsafe.rulebase;

import java.nio.file.Path;
import java.util.Arrays;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
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
		assertThat(loader.holder().now().serving()).isNull();
		assertThat(loader.holder().now().lastFailure()).as("the rules were not refused, only not loaded").isNull();
	}

	private static boolean onTheCompile(Thread thread) {
		return Arrays.stream(thread.getStackTrace())
			.anyMatch((frame) -> frame.getClassName().equals(RuleBaseCompiler.class.getName()));
	}

}
