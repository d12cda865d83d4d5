package org.backsafe.rulebase;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.backsafe.rulebase.RuleProblem.Kind;
import org.backsafe.screening.Disposition;
import org.backsafe.screening.Equipment;
import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.PainArea;
import org.backsafe.screening.PainDuration;
import org.backsafe.screening.PainPattern;
import org.backsafe.screening.PainProfile;
import org.backsafe.screening.Response;
import org.backsafe.screening.ScreeningRequest;
import org.backsafe.screening.ScreeningResult;
import org.backsafe.screening.Setting;
import org.backsafe.screening.Verdict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The gate on a copy of the real rules that a rule author has broken: it must refuse each edit that
 * breaks a safety invariant, naming the invariant and a minimal answer set, and the independent
 * {@link InvariantOracle} must agree on that answer set.
 */
class RuleBaseGateTests {

	@TempDir
	Path rules;

	@BeforeEach
	void copyTheRealRules() throws IOException {
		try (Stream<Path> files = Files.walk(RealRules.FOLDER)) {
			for (Path source : files.toList()) {
				Path target = this.rules.resolve(RealRules.FOLDER.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(source, target);
				}
			}
		}
	}

	@Test
	void theRealRulesPassTheGate() {
		assertThat(RuleBaseGate.check(RealRules.ruleBase())).isEmpty();
		assertThat(RuleBaseGate.check(candidate())).as("an untouched copy").isEmpty();
	}

	@Nested
	class RefusesAnEditWhere {

		@Test
		void aRedFlagGivesSeeDoctorInsteadOfUrgentCare() throws IOException {
			edit("clinical-pack-red-flags.drl", "import org.backsafe.screening.facts.RedFlag;",
					"import org.backsafe.screening.facts.RedFlag;\nimport org.backsafe.screening.facts.DoctorFirst;");
			edit("clinical-pack-red-flags.drl",
					"Answer(question == HealthQuestion.MAJOR_TRAUMA, $sign : question)\nthen\n\tinsertLogical(new RedFlag($sign));",
					"Answer(question == HealthQuestion.MAJOR_TRAUMA, $sign : question)\nthen\n\tinsertLogical(new DoctorFirst($sign));");
			RuleBase broken = candidate();

			assertRefused(broken, "safety invariant 1 (", "age: 40, yes: [MAJOR_TRAUMA], unsure: []");
			assertThat(oracleOn(broken, Map.of(HealthQuestion.MAJOR_TRAUMA, Response.YES)))
				.anyMatch((v) -> v.startsWith("invariant 1 "));
			assertThat(RuleBaseGate.check(broken)).anySatisfy((problem) -> {
				assertThat(problem.kind()).isEqualTo(Kind.SCENARIO);
				assertThat(problem.file()).isEqualTo("scenarios/red-flags.yaml");
				assertThat(problem.line()).isPositive();
				assertThat(problem.message()).contains("A major fall or crash means the emergency department now")
					.contains("disposition: expected URGENT_CARE but was SEE_DOCTOR");
			});
		}

		@Test
		void theRuleThatCountsNotSureAsYesIsRemoved() throws IOException {
			String referrals = read("referrals.drl");
			int start = referrals.indexOf("// \"Not sure\" is treated as yes");
			assertThat(start).as("the not-sure rule in referrals.drl").isPositive();
			Files.writeString(rules.resolve("referrals.drl"), referrals.substring(0, start));
			RuleBase broken = candidate();

			assertRefused(broken, "safety invariant 3 (", "age: 40, yes: [], unsure: [SADDLE_NUMBNESS]");
			assertThat(oracleOn(broken, Map.of(HealthQuestion.SCIATICA_OR_PINCHED_NERVE, Response.UNSURE)))
				.anyMatch((v) -> v.startsWith("invariant 3 "));
		}

		@Test
		void deepTissueIsNoLongerAvoidedWithEpilepsy() throws IOException {
			edit("technique-restrictions.drl", "HealthQuestion.CANCER,\n\t\t\tHealthQuestion.EPILEPSY)",
					"HealthQuestion.CANCER)");
			RuleBase broken = candidate();

			assertRefused(broken, "safety invariant 4 (", "age: 40, yes: [EPILEPSY], unsure: []");
			assertThat(oracleOn(broken, Map.of(HealthQuestion.EPILEPSY, Response.YES)))
				.anyMatch((v) -> v.startsWith("invariant 4 "));
		}

		@Test
		void aRuleFailsOnOneAnswer() throws IOException {
			addRule("broken-rule.drl", "broken-fails-on-epilepsy", """
					rule "Broken: a rule that fails when epilepsy is answered"
						@id("broken-fails-on-epilepsy")
						@source("a test of the gate")
					when
						Answer(question == HealthQuestion.EPILEPSY)
					then
						throw new IllegalStateException("a mistake in a rule");
					end
					""");
			RuleBase broken = candidate();

			assertThat(invariantProblems(broken)).first().asString().contains("the screening failed");
			assertThatThrownBy(() -> RuleBaseGate.admit(broken)).isInstanceOf(RuleBaseRejected.class);
		}

	}

	/**
	 * An author cannot break invariant 6 from the rules: an indication for every technique, inserted
	 * whenever a red flag or a reason to see a doctor is found, still recommends nothing, because the
	 * fold withholds every technique at SEE_DOCTOR and above.
	 */
	@Test
	void anIndicationThatFiresUnderAReferralCannotMakeAnythingRecommended() throws IOException {
		addRule("indications-under-referral.drl", "indicated-despite-red-flag", """
				rule "Reckless: every technique indicated despite a red flag"
					@id("indicated-despite-red-flag")
					@source("a test of the fold")
				when
					RedFlag()
				then
					for (Technique t : Technique.values()) { insert(new Indication(t)); }
				end
				""");
		addRule("indications-under-doctor-first.drl", "indicated-despite-doctor-first", """
				rule "Reckless: every technique indicated despite a reason to see a doctor"
					@id("indicated-despite-doctor-first")
					@source("a test of the fold")
				when
					DoctorFirst()
				then
					for (Technique t : Technique.values()) { insert(new Indication(t)); }
				end
				""");
		RuleBase reckless = candidate();

		for (HealthQuestion question : List.of(HealthQuestion.MAJOR_TRAUMA, HealthQuestion.PREGNANCY)) {
			ScreeningResult result = reckless.screen(request(Map.of(question, Response.YES)));
			assertThat(result.firedRules()).containsAnyOf("indicated-despite-red-flag", "indicated-despite-doctor-first");
			assertThat(result.disposition()).isIn(Disposition.SEE_DOCTOR, Disposition.URGENT_CARE);
			assertThat(result.techniques()).allSatisfy((t) -> assertThat(t.verdict()).isEqualTo(Verdict.AVOID));
		}
		assertThat(RuleBaseGate.check(reckless)).as("no invariant or scenario can be broken this way").isEmpty();
	}

	private void assertRefused(RuleBase broken, String invariant, String minimalAnswers) {
		List<RuleProblem> problems = invariantProblems(broken);
		assertThat(problems).as("the gate's invariant problems").isNotEmpty();
		assertThat(problems.get(0).message()).contains(invariant).contains("answers that break it: " + minimalAnswers);
		assertThatThrownBy(() -> RuleBaseGate.admit(broken)).isInstanceOf(RuleBaseRejected.class)
			.hasMessageContaining(invariant);
	}

	private static List<RuleProblem> invariantProblems(RuleBase candidate) {
		return RuleBaseGate.check(candidate).stream().filter((p) -> p.kind() == Kind.INVARIANT).toList();
	}

	private static List<String> oracleOn(RuleBase candidate, Map<HealthQuestion, Response> answers) {
		ScreeningRequest request = request(answers);
		return new InvariantOracle(candidate).violations(request, candidate.screen(request));
	}

	private static ScreeningRequest request(Map<HealthQuestion, Response> answers) {
		return new ScreeningRequest(40, answers, new PainProfile(EnumSet.of(PainArea.LOWER_BACK), PainDuration.CHRONIC,
				4, false, EnumSet.of(PainPattern.KNOTS)), Setting.SELF, EnumSet.allOf(Equipment.class));
	}

	private RuleBase candidate() {
		return RuleBaseCompiler.compile(RuleFiles.fromFolder(this.rules));
	}

	private String read(String file) throws IOException {
		return Files.readString(this.rules.resolve(file), StandardCharsets.UTF_8);
	}

	private void edit(String file, String old, String replacement) throws IOException {
		String text = read(file);
		assertThat(text).as("the text to change in " + file).contains(old);
		Files.writeString(this.rules.resolve(file), text.replace(old, replacement), StandardCharsets.UTF_8);
	}

	/** A new DRL file with the imports every test rule needs, and its words in both languages. */
	private void addRule(String file, String id, String rule) throws IOException {
		Files.writeString(this.rules.resolve(file), """
				package org.backsafe.rules;

				import org.backsafe.screening.HealthQuestion;
				import org.backsafe.screening.Technique;
				import org.backsafe.screening.facts.Answer;
				import org.backsafe.screening.facts.DoctorFirst;
				import org.backsafe.screening.facts.Indication;
				import org.backsafe.screening.facts.RedFlag;

				""" + rule, StandardCharsets.UTF_8);
		for (String wording : List.of("messages.properties", "messages_es.properties")) {
			Files.writeString(this.rules.resolve(wording), "\n" + id + "=Words for a test rule.\n",
					StandardCharsets.UTF_8, StandardOpenOption.APPEND);
		}
	}

}
