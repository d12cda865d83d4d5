package org.backsafe.rulebase;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.backsafe.support.RuleFolder;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The validate command on the project's rules and on each kind of bad edit: exit status and report. */
class ValidateCommandTests {

	@TempDir
	Path temp;

	private record Run(int status, String output) {
	}

	private static Run validate(String... args) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int status = ValidateCommand.run(List.of(args), new PrintStream(bytes, true, StandardCharsets.UTF_8));
		return new Run(status, bytes.toString(StandardCharsets.UTF_8));
	}

	private Path rules() {
		return RulesFolder.copyOfProjectRules(this.temp.resolve("rules"));
	}

	@Nested
	class Accepts {

		@Test
		void theProjectRules() {
			Run run = validate(RulesFolder.PROJECT_RULES.toString());
			assertThat(run.status()).isZero();
			assertThat(run.output()).contains("ACCEPTED").contains("safety invariants: all held")
				.contains("compared with: the rules packaged in the jar")
				.contains("14080 answer sets compared")
				.contains("0 outcomes changed")
				.doesNotContain("REFUSED");
		}

		@Test
		void aNewRuleWithItsScenario() {
			Path rules = rules();
			RulesFolder.addNewRule(rules);
			Run run = validate(rules.toString());
			assertThat(run.status()).as(run.output()).isZero();
			assertThat(run.output()).contains("ACCEPTED").doesNotContain("trigger-point-not-with-epilepsy  (");
		}

		@Test
		void aRuleNoScenarioExercisesButSaysSo() {
			Path rules = rules();
			RulesFolder.addUnreachedRule(rules);
			Run run = validate(rules.toString());
			assertThat(run.status()).as(run.output()).isZero();
			assertThat(run.output()).contains("no scenario makes these")
				.contains("over-115-with-care  (unreached.drl:7)");
		}

	}

	@Nested
	class Refuses {

		/** The command runs the gate with its time limits too; it does not hang on a rule that loops. */
		@Test
		@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
		void aRuleThatNeverReturnsWithinTheScreeningTimeLimit() {
			Path rules = rules();
			Spin.arm();
			try {
				RuleFolder.in(rules)
					.rule("spin.drl", "spin-in-a-condition", "Person(age == 35)\n\teval(org.backsafe.rulebase.Spin.forever())",
							"insert(new Advice());")
					.write();
				Run run = validate(rules.toString());
				assertThat(run.status()).as(run.output()).isEqualTo(ValidateCommand.REFUSED);
				assertThat(run.output()).contains("Scenarios that failed")
					.containsPattern("scenarios/[a-z-]+\\.yaml:\\d+: the rules did not finish a screening within 2 s")
					.contains("still running: rule \"Test: spin-in-a-condition\" (spin.drl:6)");
			}
			finally {
				Spin.release();
			}
		}

		@Test
		void aSyntaxErrorWithFileAndLine() {
			Path rules = rules();
			RulesFolder.addNewRule(rules);
			RulesFolder.write(rules, "epilepsy.drl", RulesFolder.SYNTAX_ERROR);
			Run run = validate(rules.toString());
			assertThat(run.status()).isEqualTo(ValidateCommand.REFUSED);
			assertThat(run.output()).contains("REFUSED")
				.contains("Rules that do not compile")
				.containsPattern("epilepsy\\.drl:1[6-9](:\\d+)?: ");
		}

		@Test
		void aFailingScenarioByNameWithWhatDiffered() {
			Path rules = rules();
			RulesFolder.addNewRule(rules);
			RulesFolder.write(rules, "scenarios/wrong.yaml", RulesFolder.FAILING_SCENARIO);
			Run run = validate(rules.toString());
			assertThat(run.status()).isEqualTo(ValidateCommand.REFUSED);
			assertThat(run.output()).contains("Scenarios that failed")
				.contains("scenarios/wrong.yaml:1: scenario \"Epilepsy with knots still recommends trigger point therapy\"")
				.contains("TRIGGER_POINT: expected RECOMMENDED but was AVOID");
		}

		@Test
		void aRedFlagThatNoLongerMeansUrgentCare() {
			Path rules = rules();
			RulesFolder.write(rules, RulesFolder.RED_FLAGS, RulesFolder.redFlagMadeDoctorFirst(rules));
			Run run = validate(rules.toString());
			assertThat(run.status()).isEqualTo(ValidateCommand.REFUSED);
			assertThat(run.output()).contains("Safety invariants broken")
				.contains("safety invariant 1 (a red flag means URGENT_CARE and every technique AVOID): gave SEE_DOCTOR")
				.contains("answers that break it: age: 40, yes: [SADDLE_NUMBNESS], unsure: []");
		}

		@Test
		void aRuleWithoutWording() {
			Path rules = rules();
			RulesFolder.write(rules, "epilepsy.drl", RulesFolder.NEW_RULE);
			Run run = validate(rules.toString());
			assertThat(run.status()).isEqualTo(ValidateCommand.REFUSED);
			assertThat(run.output()).contains("messages.properties: no wording for rule trigger-point-not-with-epilepsy");
		}

		@Test
		void aScenarioFileWithAnUnknownCode() {
			Path rules = rules();
			RulesFolder.write(rules, "scenarios/typo.yaml", RulesFolder.NEW_SCENARIO.replace("EPILEPSY", "EPILEPSSY"));
			Run run = validate(rules.toString());
			assertThat(run.status()).isEqualTo(ValidateCommand.REFUSED);
			assertThat(run.output()).contains("Wording or scenario files that cannot be used")
				.contains("scenarios/typo.yaml:1: ")
				.contains("\"EPILEPSSY\" in conditions is not a known code");
		}

		@Test
		void aDecisionTableCellThatDoesNotCompileByItsRow() {
			Path rules = rules();
			String table = RulesFolder.read(rules, "technique-indications.drl.csv");
			RulesFolder.write(rules, "technique-indications.drl.csv",
					table.replace(",MUSCLE_SPASM,,,,,MYOFASCIAL_RELEASE", ",MUSCLE_SPASM,,,,,MYOFASCIAL_RELEAS"));
			Run run = validate(rules.toString());
			assertThat(run.status()).isEqualTo(ValidateCommand.REFUSED);
			assertThat(run.output()).contains("technique-indications.drl.csv:24: in the rule made from row 24");
		}

	}

	/** What the rules change against the rules that would serve, and the exit status it gives. */
	@Nested
	class Impact {

		@Test
		void aLessCautiousChangeIsRefusedUntilAcknowledged() {
			Path rules = rules();
			ImpactEdits.minorFallFromSixty(rules);
			String against = RulesFolder.PROJECT_RULES.toString();
			Run run = validate("--against", against, rules.toString());
			assertThat(run.status()).as(run.output()).isEqualTo(ValidateCommand.REFUSED);
			assertThat(run.output()).contains("Less cautious changes without an acknowledgement")
				.contains("less cautious, not acknowledged: an AVOID lifted (AVOID_LIFTED)")
				.contains("age: 55, yes: [PAIN_AFTER_MINOR_FALL]")
				.doesNotContain("ACCEPTED");
			// the examples are in the report; the refusal below it names each change without repeating them
			String refusal = run.output().substring(run.output().indexOf("REFUSED:"));
			assertThat(run.output().substring(0, run.output().indexOf("REFUSED:"))).contains("smallest example: ");
			assertThat(refusal).contains("(the impact report gives its smallest example)")
				.doesNotContain("smallest example: ");

			String from = RuleFiles.fromFolder(RulesFolder.PROJECT_RULES).version();
			String to = RuleFiles.fromFolder(rules).version();
			RulesFolder.write(rules, "acknowledgements/minor-fall-from-60.yaml",
					ImpactEdits.acknowledgement(from, to, ImpactReport.Kind.DISPOSITION_MILDER, List.of("PAIN_AFTER_MINOR_FALL"))
							+ ImpactEdits.acknowledgement(from, to, ImpactReport.Kind.AVOID_LIFTED,
									List.of("PAIN_AFTER_MINOR_FALL")));
			run = validate("--against", against, rules.toString());
			assertThat(run.status()).as(run.output()).isEqualTo(ValidateCommand.ACCEPTED);
			assertThat(run.output()).contains("Impact of " + from + " -> " + to)
				.contains("acknowledged: acknowledgements/minor-fall-from-60.yaml, reviewed by Dr R. Reviewer")
				.contains("ACCEPTED");
		}

		@Test
		void aMoreCautiousChangeIsAcceptedAgainstThePackagedRules() {
			Path rules = rules();
			RulesFolder.addNewRule(rules);
			Run run = validate(rules.toString());
			assertThat(run.status()).as(run.output()).isEqualTo(ValidateCommand.ACCEPTED);
			assertThat(run.output()).contains("More cautious:")
				.contains("an AVOID added (AVOID_ADDED)")
				.contains("codes [EPILEPSY]")
				.doesNotContain("Less cautious:");
		}

	}

	@Nested
	class Usage {

		@Test
		void aFolderThatIsNotThere() {
			Run run = validate(temp.resolve("nothing-here").toString());
			assertThat(run.status()).isEqualTo(ValidateCommand.USAGE);
			assertThat(run.output()).contains("There is no folder");
		}

		@Test
		void tooManyArguments() {
			Run run = validate("rules", "more");
			assertThat(run.status()).isEqualTo(ValidateCommand.USAGE);
			assertThat(run.output()).startsWith("Usage: java -jar backsafe.jar validate [--against <rules folder>] [rules folder]");
		}

		@Test
		void againstWithoutAFolder() {
			Run run = validate("--against");
			assertThat(run.status()).isEqualTo(ValidateCommand.USAGE);
			assertThat(run.output()).startsWith("Usage: ");
		}

		@Test
		void againstAFolderThatIsNotThere() {
			Run run = validate("--against", temp.resolve("nothing-here").toString(), RulesFolder.PROJECT_RULES.toString());
			assertThat(run.status()).isEqualTo(ValidateCommand.USAGE);
			assertThat(run.output()).contains("There is no folder").contains("to compare with");
		}

		@Test
		void isTheCommandOnlyWhenNamedFirst() {
			assertThat(ValidateCommand.isCommand(new String[] { "validate" })).isTrue();
			assertThat(ValidateCommand.isCommand(new String[] { "--server.port=8092" })).isFalse();
			assertThat(ValidateCommand.isCommand(new String[0])).isFalse();
		}

	}

}
