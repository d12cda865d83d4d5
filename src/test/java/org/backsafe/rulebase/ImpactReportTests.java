package org.backsafe.rulebase;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.function.Consumer;

import org.backsafe.rulebase.ImpactReport.Change;
import org.backsafe.rulebase.ImpactReport.Direction;
import org.backsafe.rulebase.ImpactReport.Kind;
import org.backsafe.screening.HealthQuestion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The comparison on real edits of the project's rules: each kind of change is found, in the right
 * direction, with its smallest example, the codes it touches and the rules that fired differently.
 * The candidates have no scenarios, so that the gate runs only the invariants and the comparison.
 */
class ImpactReportTests {

	@TempDir
	static Path temp;

	static RuleBase serving;

	@BeforeAll
	static void compileTheProjectRules() {
		serving = RuleBaseCompiler.compile(RuleFiles.fromFolder(RulesFolder.PROJECT_RULES));
	}

	private static RuleBase candidate(String name, Consumer<Path> edit) {
		Path rules = RulesFolder.copyOfProjectRules(temp.resolve(name));
		edit.accept(rules);
		RulesFolder.delete(rules.resolve("scenarios"));
		return RuleBaseCompiler.compile(RuleFiles.fromFolder(rules));
	}

	@Test
	void findsEachLessCautiousKindWithItsSmallestExample() {
		RuleBase candidate = candidate("looser", (rules) -> {
			ImpactEdits.minorFallFromSixty(rules);
			ImpactEdits.heartHeatUnrestricted(rules);
			ImpactEdits.swedishForEveryone(rules);
		});
		long started = System.nanoTime();
		RuleBaseGate.Report report = RuleBaseGate.run(candidate, serving);
		System.out.printf("gate with the impact report (no kept sweep): %d ms, load average %.1f%n",
				(System.nanoTime() - started) / 1_000_000, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		ImpactReport impact = report.impact();
		System.out.println(impact.toText());
		assertThat(impact.from()).isEqualTo(serving.version());
		assertThat(impact.to()).isEqualTo(candidate.version());
		assertThat(impact.compared()).isEqualTo(RuleBaseGate.bases().size() * (2 + 2 * 37 + 2 * 666));
		assertThat(impact.changed()).isPositive();

		Change milder = impact.change(Kind.DISPOSITION_MILDER).orElseThrow();
		assertThat(milder.direction()).isEqualTo(Direction.LESS_CAUTIOUS);
		assertThat(milder.codes()).contains("PAIN_AFTER_MINOR_FALL");

		Change avoidLifted = impact.change(Kind.AVOID_LIFTED).orElseThrow();
		assertThat(avoidLifted.codes()).containsExactly("PAIN_AFTER_MINOR_FALL");
		assertThat(avoidLifted.example().age()).isEqualTo(55);
		assertThat(avoidLifted.example().answers()).containsOnlyKeys(HealthQuestion.PAIN_AFTER_MINOR_FALL);
		assertThat(avoidLifted.before()).startsWith("SEE_DOCTOR; every technique AVOID");
		assertThat(avoidLifted.after()).startsWith("PROCEED_WITH_CAUTION");
		assertThat(avoidLifted.firedOnlyBefore()).contains("minor-fall-at-50-or-over-ask-doctor");

		Change modifyLifted = impact.change(Kind.MODIFY_LIFTED).orElseThrow();
		assertThat(modifyLifted.codes()).containsExactly("HEART_CONDITION_OR_HIGH_BLOOD_PRESSURE");
		assertThat(modifyLifted.example().answers()).containsOnlyKeys(HealthQuestion.HEART_CONDITION_OR_HIGH_BLOOD_PRESSURE);
		assertThat(modifyLifted.detail()).contains("HEAT_THERAPY: MODIFY to");
		assertThat(modifyLifted.firedOnlyBefore()).contains("heart-condition-mild-heat");

		Change added = impact.change(Kind.RECOMMENDATION_ADDED).orElseThrow();
		assertThat(added.codes()).isEmpty(); // it shows with no answer at all
		assertThat(added.example().answers()).isEmpty();
		assertThat(added.detail()).contains("SWEDISH: SUITABLE to RECOMMENDED");
		assertThat(added.firedOnlyAfter()).contains("swedish-for-everyone");

		assertThat(impact.moreCautious()).isEmpty();
		// None of them is acknowledged, so each one refuses the candidate; the report gives its example.
		assertThat(report.passed()).isFalse();
		assertThat(report.problems()).allSatisfy((p) -> assertThat(p.kind()).isEqualTo(RuleProblem.Kind.IMPACT));
		assertThat(report.problems()).hasSize(impact.lessCautious().size());
		assertThat(report.problems()).anySatisfy((p) -> assertThat(p.message()).contains("AVOID_LIFTED")
			.contains("codes [PAIN_AFTER_MINOR_FALL]"));
		assertThat(impact.lessCautious()).anySatisfy((c) -> assertThat(c.toText()).contains("AVOID_LIFTED")
			.contains("age: 55, yes: [PAIN_AFTER_MINOR_FALL]")
			.contains("-minor-fall-at-50-or-over-ask-doctor"));
	}

	@Test
	void findsEachMoreCautiousKindAndAdmitsThemWithoutAnAcknowledgement() {
		RuleBase candidate = candidate("stricter", (rules) -> {
			RulesFolder.write(rules, "epilepsy.drl", RulesFolder.NEW_RULE);
			RulesFolder.append(rules, "messages.properties", RulesFolder.NEW_RULE_WORDING);
			RulesFolder.append(rules, "messages_es.properties", RulesFolder.NEW_RULE_WORDING_ES);
			ImpactEdits.gentleSwedishAfterAFall(rules);
			ImpactEdits.noHotStoneIndications(rules);
		});
		RuleBaseGate.Report report = RuleBaseGate.run(candidate, serving);
		ImpactReport impact = report.impact();
		System.out.println(impact.toText());
		assertThat(report.problems()).isEmpty();
		assertThat(impact.lessCautious()).isEmpty();
		assertThat(impact.changes()).extracting(Change::kind)
			.contains(Kind.AVOID_ADDED, Kind.MODIFY_ADDED, Kind.DISPOSITION_STRICTER, Kind.RECOMMENDATION_DROPPED);

		Change avoidAdded = impact.change(Kind.AVOID_ADDED).orElseThrow();
		assertThat(avoidAdded.direction()).isEqualTo(Direction.MORE_CAUTIOUS);
		assertThat(avoidAdded.codes()).containsExactly("EPILEPSY");
		assertThat(avoidAdded.example().answers()).containsOnlyKeys(HealthQuestion.EPILEPSY);
		assertThat(avoidAdded.detail()).contains("TRIGGER_POINT").contains("to AVOID");
		assertThat(avoidAdded.firedOnlyAfter()).contains("trigger-point-not-with-epilepsy");

		Change modifyAdded = impact.change(Kind.MODIFY_ADDED).orElseThrow();
		assertThat(modifyAdded.codes()).containsExactly("PAIN_AFTER_MINOR_FALL");
		assertThat(modifyAdded.detail()).contains("SWEDISH: ").contains("to MODIFY");

		Change stricter = impact.change(Kind.DISPOSITION_STRICTER).orElseThrow();
		assertThat(stricter.codes()).containsExactly("PAIN_AFTER_MINOR_FALL");
		assertThat(stricter.before()).startsWith("PROCEED");
		assertThat(stricter.after()).startsWith("PROCEED_WITH_CAUTION");

		Change dropped = impact.change(Kind.RECOMMENDATION_DROPPED).orElseThrow();
		assertThat(dropped.codes()).isEmpty();
		assertThat(dropped.example().answers()).isEmpty();
		assertThat(dropped.detail()).contains("HOT_STONE: RECOMMENDED to SUITABLE");
		assertThat(dropped.firedOnlyBefore()).containsAnyOf("hot-stone-for-stress", "hot-stone-for-cold-weather");
	}

	@Test
	void theSameRulesChangeNothing() {
		RuleBaseGate.Report report = RuleBaseGate.run(serving, serving);
		assertThat(report.passed()).isTrue();
		assertThat(report.impact().changed()).isZero();
		assertThat(report.impact().changes()).isEmpty();
		assertThat(report.impact().toText()).contains("0 outcomes changed");
	}

	@Test
	void everyLessCautiousKindHasAMoreCautiousCounterpart() {
		EnumSet<Kind> less = EnumSet.noneOf(Kind.class);
		for (Kind kind : Kind.values()) {
			if (kind.direction() == Direction.LESS_CAUTIOUS) {
				less.add(kind);
			}
		}
		assertThat(less).contains(Kind.DISPOSITION_MILDER, Kind.AVOID_LIFTED, Kind.MODIFY_LIFTED,
				Kind.RECOMMENDATION_ADDED);
		assertThat(Kind.RECOMMENDATION_DROPPED.direction()).isEqualTo(Direction.MORE_CAUTIOUS);
	}

}
