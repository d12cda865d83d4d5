package org.backsafe.rulebase;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.backsafe.screening.Disposition;
import org.backsafe.screening.Equipment;
import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.PainArea;
import org.backsafe.screening.PainDuration;
import org.backsafe.screening.PainPattern;
import org.backsafe.screening.PainProfile;
import org.backsafe.screening.Reason;
import org.backsafe.screening.Response;
import org.backsafe.screening.EmergencyNumber;
import org.backsafe.result.ResultWording;
import org.backsafe.screening.ScreeningRequest;
import org.backsafe.screening.ScreeningResult;
import org.backsafe.screening.ScreeningService;
import org.backsafe.screening.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several threads screen while the rules change again and again, with good edits and bad ones. Each
 * good edit renames a probe rule that fires on every screening, so a result shows which rules it
 * ran on: no request may fail, every result must name a version that was served, and its rules and
 * its wording must be those of that version and no other.
 */
class LiveReloadConcurrencyTests {

	private static final int SCREENERS = 3;

	private static final int ROUNDS = 3;

	private static final String WRONG_SCENARIO = """
			- scenario: Knots alone send nobody to a doctor (this expects the wrong thing)
			  pain: {patterns: [KNOTS]}
			  expect:
			    disposition: SEE_DOCTOR
			""";

	@TempDir
	Path temp;

	private static String probe(int k) {
		return """
				package org.backsafe.rules;

				import org.backsafe.screening.facts.Advice;
				import org.backsafe.screening.facts.Pain;

				rule "Probe: marks the rule base of edit %1$d"
					@id("probe-%1$d")
					@source("Test probe")
				when
					Pain()
				then
					insert(new Advice());
				end
				""".formatted(k);
	}

	private static void pause() {
		try {
			Thread.sleep(1);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** What one screening gave, kept compact. */
	private record Seen(String version, Disposition disposition, boolean completed, Set<String> probes,
			List<String> probeWords, boolean redFlag) {
	}

	@Test
	void screeningsNeverFailNorMixVersionsWhileRulesChange() throws Exception {
		Path rules = RulesFolder.copyOfProjectRules(this.temp.resolve("rules"));
		StringBuilder wording = new StringBuilder("\n");
		for (int k = 0; k <= ROUNDS; k++) {
			wording.append("probe-").append(k).append("=Probe ").append(k).append('\n');
		}
		RulesFolder.append(rules, "messages.properties", wording.toString());
		RulesFolder.append(rules, "messages_es.properties", wording.toString());
		RulesFolder.write(rules, "probe.drl", probe(0));
		String redFlags = RulesFolder.read(rules, RulesFolder.RED_FLAGS);

		LoadedRules current = LoadedRules.of(new RuleBaseProperties(rules, false, Duration.ofMillis(50)));
		Map<String, Integer> served = new ConcurrentHashMap<>();
		served.put(current.serving().orElseThrow().version(), 0);
		ScreeningService screenings = new ScreeningService(current);
		ResultWording words = new ResultWording(new StaticMessageSource(), current.holder(), new EmergencyNumber("112"));

		ScreeningRequest everyday = new ScreeningRequest(40, Map.of(), new PainProfile(EnumSet.of(PainArea.LOWER_BACK),
				PainDuration.CHRONIC, 4, false, EnumSet.of(PainPattern.KNOTS)), Setting.SELF,
				EnumSet.of(Equipment.FOAM_ROLLER));
		ScreeningRequest redFlag = everyday.withAnswer(HealthQuestion.SADDLE_NUMBNESS, Response.YES);

		AtomicBoolean editing = new AtomicBoolean(true);
		ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();
		ExecutorService pool = Executors.newFixedThreadPool(SCREENERS);
		List<Future<?>> screeners = new ArrayList<>();
		for (int t = 0; t < SCREENERS; t++) {
			screeners.add(pool.submit(() -> {
				for (int i = 0; editing.get(); i++) {
					boolean flag = i % 2 == 1;
					ScreeningResult result = screenings.screen(flag ? redFlag : everyday);
					List<Reason> probes = result.advice().stream().filter((r) -> r.rule().startsWith("probe-")).toList();
					seen.add(new Seen(result.ruleBase() == null ? null : result.ruleBase().version(),
							result.disposition(), result.completed(),
							result.firedRules().stream().filter((r) -> r.startsWith("probe-")).collect(Collectors.toSet()),
							probes.stream().map((r) -> words.reason(r, result.ruleBase(), Locale.ENGLISH)).toList(), flag));
					pause(); // leave the reloads some of the two cores
				}
			}));
		}

		int refused = 0;
		try {
			for (int k = 1; k <= ROUNDS; k++) {
				RulesFolder.write(rules, "probe.drl", probe(k));
				assertThat(current.reloadFolder()).as("good edit %d", k).isTrue();
				served.put(current.serving().orElseThrow().version(), k);
				String before = current.serving().orElseThrow().version();
				switch (k % 3) {
					case 1 -> RulesFolder.write(rules, "probe.drl", probe(k).replace("then", "thne"));
					case 2 -> RulesFolder.write(rules, "scenarios/probe.yaml", WRONG_SCENARIO);
					default -> RulesFolder.write(rules, RulesFolder.RED_FLAGS, RulesFolder.redFlagMadeDoctorFirst(rules));
				}
				assertThat(current.reloadFolder()).as("bad edit %d", k).isFalse();
				refused++;
				assertThat(current.serving().orElseThrow().version()).isEqualTo(before);
				RulesFolder.delete(rules.resolve("scenarios/probe.yaml"));
				RulesFolder.write(rules, RulesFolder.RED_FLAGS, redFlags);
			}
		}
		finally {
			editing.set(false);
			for (Future<?> screener : screeners) {
				screener.get(30, TimeUnit.SECONDS);
			}
			pool.shutdown();
		}

		assertThat(refused).isEqualTo(ROUNDS);
		assertThat(served).hasSize(ROUNDS + 1);
		assertThat(seen).hasSizeGreaterThan(100);
		assertThat(seen).allSatisfy((s) -> {
			assertThat(s.completed()).as("a request failed").isTrue();
			assertThat(served).as("a result names a version that never served").containsKey(s.version());
			int k = served.get(s.version());
			assertThat(s.probes()).as("the rules a result ran on belong to its version").containsExactly("probe-" + k);
			assertThat(s.probeWords()).as("its wording belongs to its version").containsExactly("Probe " + k);
			assertThat(s.disposition()).isEqualTo(s.redFlag() ? Disposition.URGENT_CARE : Disposition.PROCEED);
		});
		Map<String, Long> perVersion = seen.stream().collect(Collectors.groupingBy(Seen::version, Collectors.counting()));
		System.out.println("Screenings per served version while editing: " + perVersion + " (" + seen.size() + " in all)");
		assertThat(perVersion.size()).as("screenings ran on several versions").isGreaterThan(1);
	}

}
