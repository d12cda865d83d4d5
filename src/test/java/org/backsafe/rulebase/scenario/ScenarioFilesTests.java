package org.backsafe.rulebase.scenario;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.backsafe.rulebase.RealRules;
import org.backsafe.rulebase.RuleBase;
import org.backsafe.screening.Disposition;
import org.backsafe.screening.Equipment;
import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.PainArea;
import org.backsafe.screening.PainDuration;
import org.backsafe.screening.PainPattern;
import org.backsafe.screening.Response;
import org.backsafe.screening.ScreeningRequest;
import org.backsafe.screening.Setting;
import org.backsafe.screening.Technique;
import org.backsafe.screening.UrgentAction;
import org.backsafe.screening.Verdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs every scenario file of the real {@code rules/scenarios/} folder, one test per scenario, and
 * checks that together they cover the whole vocabulary of DESIGN section 3.
 */
class ScenarioFilesTests {

	/** The issue asks for at least this many clinical scenarios. */
	static final int MINIMUM_SCENARIOS = 40;

	static RuleBase ruleBase;

	@BeforeAll
	static void compileTheRealRules() {
		ruleBase = RealRules.ruleBase();
	}

	@TestFactory
	Stream<DynamicTest> everyScenarioPasses() {
		return ruleBase.scenarios().stream().map((scenario) -> DynamicTest.dynamicTest(
				scenario.file() + " › " + scenario.name(), source(scenario), () -> {
					ScenarioRunner.Outcome outcome = ScenarioRunner.run(ruleBase, scenario);
					if (!outcome.passed()) {
						fail("rules/" + scenario.where() + " differed:\n  - "
								+ String.join("\n  - ", outcome.differences()));
					}
				}));
	}

	@Test
	void theFolderHoldsAtLeastFortyScenarios() {
		Map<String, Integer> perFile = new LinkedHashMap<>();
		ruleBase.scenarios().forEach((s) -> perFile.merge(s.file(), 1, Integer::sum));
		System.out.println("Scenario files: " + perFile + ", " + ruleBase.scenarios().size() + " scenarios in all");
		assertThat(ruleBase.scenarios()).hasSizeGreaterThanOrEqualTo(MINIMUM_SCENARIOS);
	}

	@Nested
	class Coverage {

		@Test
		void everyCodeOfTheVocabularyAppearsInSomeScenario() {
			Set<String> used = new TreeSet<>();
			for (Scenario scenario : ruleBase.scenarios()) {
				ScreeningRequest request = scenario.request();
				request.answers().keySet().forEach((q) -> used.add(code(q)));
				request.pain().areas().forEach((a) -> used.add(code(a)));
				request.pain().patterns().forEach((p) -> used.add(code(p)));
				request.equipment().forEach((e) -> used.add(code(e)));
				used.add(code(request.pain().duration()));
				used.add(code(request.setting()));
				if (request.pain().worsening()) {
					used.add("worsening pain");
				}
			}
			List<String> vocabulary = new ArrayList<>();
			for (Class<? extends Enum<?>> type : List.of(HealthQuestion.class, PainArea.class, PainDuration.class,
					PainPattern.class, Setting.class, Equipment.class)) {
				for (Enum<?> constant : type.getEnumConstants()) {
					vocabulary.add(code(constant));
				}
			}
			vocabulary.add("worsening pain");
			List<String> missing = vocabulary.stream().filter((c) -> !used.contains(c)).toList();
			System.out.println("Scenario coverage: " + (vocabulary.size() - missing.size()) + " of "
					+ vocabulary.size() + " codes of the vocabulary");
			assertThat(missing).as("codes of DESIGN section 3 that no scenario in rules/scenarios/ uses").isEmpty();
		}

		@Test
		void notSureAnswersReachEveryLevelOfCare() {
			// "Not sure" reaches the same rules as "yes" (the invariant tests prove it for every code);
			// the scenarios show it at each level a person can be sent to.
			Set<Disposition> reached = EnumSet.noneOf(Disposition.class);
			for (Scenario scenario : ruleBase.scenarios()) {
				if (scenario.request().answers().containsValue(Response.UNSURE)) {
					reached.add(scenario.expect().disposition());
				}
			}
			assertThat(reached).as("dispositions reached by a scenario with a not-sure answer")
				.containsExactlyInAnyOrder(Disposition.PROCEED_WITH_CAUTION, Disposition.WAIT_UNTIL_WELL,
						Disposition.SEE_DOCTOR, Disposition.URGENT_CARE);
		}

		@Test
		void everyUrgentScenarioSaysWhatToDoNowAndBothActionsAreExpected() {
			// An urgent result always says what to do now (DESIGN section 2): each scenario that
			// expects urgent care states which action, so a red flag moved to the wrong one fails.
			Set<UrgentAction> actions = EnumSet.noneOf(UrgentAction.class);
			for (Scenario scenario : ruleBase.scenarios()) {
				if (scenario.expect().disposition() == Disposition.URGENT_CARE) {
					assertThat(scenario.expect().urgentAction()).as("urgentAction of " + scenario.where()).isNotNull();
					actions.add(scenario.expect().urgentAction());
				}
			}
			assertThat(actions).containsExactlyInAnyOrder(UrgentAction.values());
		}

		@Test
		void everyHealthQuestionIsAnsweredBothYesAndNotSureSomewhere() {
			Set<HealthQuestion> yes = EnumSet.noneOf(HealthQuestion.class);
			Set<HealthQuestion> unsure = EnumSet.noneOf(HealthQuestion.class);
			for (Scenario scenario : ruleBase.scenarios()) {
				scenario.request().answers().forEach((q, r) -> (r == Response.YES ? yes : unsure).add(q));
			}
			assertThat(EnumSet.complementOf(EnumSet.copyOf(yes))).as("questions no scenario answers yes").isEmpty();
			Set<HealthQuestion> sinceVersion2 = EnumSet.noneOf(HealthQuestion.class);
			for (HealthQuestion q : HealthQuestion.values()) {
				if (q.getSince() >= 2) {
					sinceVersion2.add(q);
				}
			}
			assertThat(sinceVersion2).hasSize(16);
			assertThat(unsure).as("version 2 questions answered not sure in some scenario")
				.containsAll(sinceVersion2);
		}

		@Test
		void everyDispositionVerdictAndTechniqueIsExpectedSomewhere() {
			Set<Disposition> dispositions = EnumSet.noneOf(Disposition.class);
			Map<Technique, Set<Verdict>> verdicts = new LinkedHashMap<>();
			for (Scenario scenario : ruleBase.scenarios()) {
				dispositions.add(scenario.expect().disposition());
				scenario.expect().verdicts().forEach((technique, verdict) -> verdicts
					.computeIfAbsent(technique, (t) -> EnumSet.noneOf(Verdict.class)).add(verdict));
			}
			assertThat(dispositions).containsExactlyInAnyOrder(Disposition.values());
			for (Technique technique : Technique.values()) {
				assertThat(verdicts.getOrDefault(technique, Set.of()))
					.as("verdicts that scenarios expect for %s", technique)
					.contains(Verdict.AVOID, Verdict.SUITABLE)
					.containsAnyOf(Verdict.RECOMMENDED, Verdict.MODIFY);
			}
		}

		@Test
		void everyRuleIsExercisedBySomeScenario() {
			Set<String> fired = new TreeSet<>();
			ScenarioRunner.runAll(ruleBase, ruleBase.scenarios()).forEach((outcome) -> fired.addAll(outcome.firedRules()));
			List<String> idle = ruleBase.rules()
				.stream()
				.filter((rule) -> !fired.contains(rule.id()))
				.map((rule) -> rule.id() + " (" + rule.file() + ":" + rule.line() + ")")
				.toList();
			System.out.println("Rules exercised by the scenarios: " + (ruleBase.rules().size() - idle.size())
					+ " of " + ruleBase.rules().size());
			assertThat(idle).as("rules that no scenario makes fire").isEmpty();
		}

		@Test
		void everyScenarioIsNamedAsASentence() {
			assertThat(ruleBase.scenarios()).allSatisfy((scenario) -> assertThat(scenario.name())
				.as(scenario.where())
				.matches("[A-Z0-9].*\\S \\S.*\\S \\S.*")
				.doesNotEndWith("."));
		}

		private static String code(Enum<?> constant) {
			return constant.getDeclaringClass().getSimpleName() + "." + constant.name();
		}

	}

	private static URI source(Scenario scenario) {
		return RealRules.FOLDER.resolve(scenario.file()).toAbsolutePath().toUri().resolve("?line=" + scenario.line());
	}

}
