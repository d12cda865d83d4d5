package org.backsafe.rulebase.scenario;

import java.util.List;

import org.backsafe.screening.Disposition;
import org.backsafe.screening.Equipment;
import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.PainArea;
import org.backsafe.screening.PainDuration;
import org.backsafe.screening.PainPattern;
import org.backsafe.screening.Response;
import org.backsafe.screening.Setting;
import org.backsafe.screening.Technique;
import org.backsafe.screening.UrgentAction;
import org.backsafe.screening.Verdict;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ScenarioParserTests {

	static ScenarioFormatException error(String yaml) {
		ScenarioFormatException ex = catchThrowableOfType(ScenarioFormatException.class,
				() -> ScenarioParser.parse("scenarios/test.yaml", yaml));
		assertThat(ex).as("the parser should refuse:%n%s", yaml).isNotNull();
		return ex;
	}

	@Nested
	class Reads {

		@Test
		void aFullScenario() {
			List<Scenario> scenarios = ScenarioParser.parse("scenarios/test.yaml", """
					# a comment
					- scenario: Everything written out
					  notes: a note for the reader
					  age: 70
					  conditions: [EPILEPSY]
					  unsure: [CANCER]
					  pain: {areas: [UPPER_BACK, NECK_SHOULDERS], duration: CHRONIC, severity: 8, worsening: true,
					         patterns: [KNOTS]}
					  setting: PROFESSIONAL
					  equipment: [HEAT_SOURCE]
					  expect:
					    disposition: SEE_DOCTOR
					    allTechniques: AVOID
					    verdicts: {SWEDISH: MODIFY}
					    professionalOnly: [DEEP_TISSUE]
					    reasons: [unsure-counts-as-yes]
					""");
			assertThat(scenarios).singleElement().satisfies((s) -> {
				assertThat(s.name()).isEqualTo("Everything written out");
				assertThat(s.line()).isEqualTo(2);
				assertThat(s.where()).isEqualTo("scenarios/test.yaml:2 \"Everything written out\"");
				assertThat(s.request().age()).isEqualTo(70);
				assertThat(s.request().answers()).containsEntry(HealthQuestion.EPILEPSY, Response.YES)
					.containsEntry(HealthQuestion.CANCER, Response.UNSURE)
					.hasSize(2);
				assertThat(s.request().pain().areas()).containsOnly(PainArea.UPPER_BACK, PainArea.NECK_SHOULDERS);
				assertThat(s.request().pain().duration()).isEqualTo(PainDuration.CHRONIC);
				assertThat(s.request().pain().severity()).isEqualTo(8);
				assertThat(s.request().pain().worsening()).isTrue();
				assertThat(s.request().pain().patterns()).containsOnly(PainPattern.KNOTS);
				assertThat(s.request().setting()).isEqualTo(Setting.PROFESSIONAL);
				assertThat(s.request().equipment()).containsOnly(Equipment.HEAT_SOURCE);
				assertThat(s.expect().disposition()).isEqualTo(Disposition.SEE_DOCTOR);
				// verdicts override allTechniques for the techniques they name
				assertThat(s.expect().verdicts()).hasSize(12)
					.containsEntry(Technique.SWEDISH, Verdict.MODIFY)
					.containsEntry(Technique.HOT_STONE, Verdict.AVOID);
				assertThat(s.expect().professionalOnly()).containsOnly(Technique.DEEP_TISSUE);
				assertThat(s.expect().reasons()).containsExactly("unsure-counts-as-yes");
			});
		}

		@Test
		void plainDefaultsForWhatIsLeftOut() {
			Scenario s = ScenarioParser.parse("f.yaml", "- scenario: Short\n  expect: {disposition: PROCEED}\n").get(0);
			assertThat(s.request().age()).isEqualTo(40);
			assertThat(s.request().answers()).isEmpty();
			assertThat(s.request().pain().areas()).containsOnly(PainArea.LOWER_BACK);
			assertThat(s.request().pain().duration()).isEqualTo(PainDuration.ACUTE);
			assertThat(s.request().pain().severity()).isEqualTo(3);
			assertThat(s.request().pain().worsening()).isFalse();
			assertThat(s.request().pain().patterns()).isEmpty();
			assertThat(s.request().setting()).isEqualTo(Setting.SELF);
			assertThat(s.request().equipment()).isEmpty();
			assertThat(s.expect().verdicts()).isEmpty();
			assertThat(s.expect().urgentAction()).as("not stated, so not checked").isNull();
			assertThat(s.expect().reasons()).isEmpty();
			assertThat(s.expect().absentReasons()).isEmpty();
		}

		@Test
		void anUrgentActionAndReasonsThatMustNotBeGiven() {
			Scenario s = ScenarioParser.parse("f.yaml", """
					- scenario: Chest pain with blood thinners
					  conditions: [CHEST_PAIN_OR_BREATHLESSNESS, ANTICOAGULANT_MEDICATION]
					  expect:
					    disposition: URGENT_CARE
					    urgentAction: CALL_EMERGENCY_NUMBER
					    reasons: [red-flag-means-emergency-number]
					    absentReasons: [blood-thinners-ask-doctor, doctor-first-means-no-massage-yet]
					""").get(0);
			assertThat(s.expect().urgentAction()).isEqualTo(UrgentAction.CALL_EMERGENCY_NUMBER);
			assertThat(s.expect().reasons()).containsExactly("red-flag-means-emergency-number");
			assertThat(s.expect().absentReasons()).containsExactly("blood-thinners-ask-doctor",
					"doctor-first-means-no-massage-yet");
			assertThat(ScenarioParser.parse("f.yaml", """
					- scenario: Both legs
					  conditions: [BOTH_LEGS_AFFECTED]
					  expect: {disposition: URGENT_CARE, urgentAction: GO_TO_EMERGENCY_DEPARTMENT}
					""").get(0).expect().urgentAction()).isEqualTo(UrgentAction.GO_TO_EMERGENCY_DEPARTMENT);
		}

		@Test
		void eachScenarioWithItsOwnLine() {
			List<Scenario> scenarios = ScenarioParser.parse("f.yaml", """
					- scenario: First
					  expect: {disposition: PROCEED}

					- scenario: Second
					  expect: {disposition: PROCEED}
					""");
			assertThat(scenarios).extracting(Scenario::line).containsExactly(1, 4);
		}

		@Test
		void anEmptyFileAsNoScenarios() {
			assertThat(ScenarioParser.parse("f.yaml", "# nothing yet\n")).isEmpty();
		}

	}

	@Nested
	class RefusesWithAClearMessage {

		@Test
		void textThatIsNotYaml() {
			ScenarioFormatException ex = error("""
					- scenario: Fine
					  expect: {disposition: PROCEED
					- scenario: Broken
					""");
			assertThat(ex.getMessage()).startsWith("not valid YAML");
			assertThat(ex.line()).isPositive();
		}

		@Test
		void aFileThatIsNotAList() {
			ScenarioFormatException ex = error("scenario: Not in a list\nexpect: {disposition: PROCEED}\n");
			assertThat(ex.line()).isEqualTo(1);
			assertThat(ex.getMessage()).contains("a list of scenarios").contains("- scenario:");
		}

		@Test
		void aScenarioWithoutAName() {
			ScenarioFormatException ex = error("- age: 40\n  expect: {disposition: PROCEED}\n");
			assertThat(ex.getMessage()).contains("each scenario needs a name");
		}

		@Test
		void aScenarioWithoutExpect() {
			assertThat(error("- scenario: Nothing expected\n  age: 40\n").getMessage())
				.isEqualTo("scenario \"Nothing expected\": \"expect\" is missing: say at least the expected disposition");
		}

		@Test
		void anExpectWithoutADisposition() {
			assertThat(error("- scenario: No disposition\n  expect: {allTechniques: AVOID}\n").getMessage())
				.contains("expect.disposition is missing").contains("URGENT_CARE");
		}

		@Test
		void anUnknownKeyAnywhere() {
			assertThat(error("- scenario: Typo\n  conditons: [EPILEPSY]\n  expect: {disposition: PROCEED}\n")
				.getMessage()).contains("unknown key \"conditons\" in scenario").contains("conditions");
			assertThat(error("- scenario: Typo\n  pain: {severty: 3}\n  expect: {disposition: PROCEED}\n")
				.getMessage()).contains("unknown key \"severty\" in pain");
			assertThat(error("- scenario: Typo\n  expect: {disposition: PROCEED, verdict: {SWEDISH: AVOID}}\n")
				.getMessage()).contains("unknown key \"verdict\" in expect");
		}

		@Test
		void anUnknownCodeWithTheCodesItCouldBe() {
			ScenarioFormatException ex = error("""
					- scenario: First
					  expect: {disposition: PROCEED}
					- scenario: Bad code
					  conditions: [EPILEPSY, HEADACHE]
					  expect: {disposition: PROCEED}
					""");
			assertThat(ex.line()).isEqualTo(3);
			assertThat(ex.getMessage()).startsWith("scenario \"Bad code\": \"HEADACHE\" in conditions is not a known code")
				.contains("SADDLE_NUMBNESS");
			assertThat(error("- scenario: x\n  expect: {disposition: MAYBE}\n").getMessage())
				.contains("\"MAYBE\" in expect.disposition is not a known code");
			assertThat(error("- scenario: x\n  expect: {disposition: PROCEED, verdicts: {SWEDISH: OK}}\n")
				.getMessage()).contains("\"OK\" in expect.verdicts.SWEDISH is not a known code");
			assertThat(error("- scenario: x\n  expect: {disposition: PROCEED, verdicts: {REIKI: AVOID}}\n")
				.getMessage()).contains("\"REIKI\" in expect.verdicts is not a known code");
			assertThat(error("- scenario: x\n  pain: {patterns: [ACHY]}\n  expect: {disposition: PROCEED}\n")
				.getMessage()).contains("\"ACHY\" in pain.patterns is not a known code");
		}

		@Test
		void anUnknownUrgentActionWithTheActionsItCouldBe() {
			ScenarioFormatException ex = error("""
					- scenario: Call the doctor
					  conditions: [SADDLE_NUMBNESS]
					  expect: {disposition: URGENT_CARE, urgentAction: CALL_YOUR_DOCTOR}
					""");
			assertThat(ex.line()).isEqualTo(1);
			assertThat(ex.getMessage()).isEqualTo("scenario \"Call the doctor\": \"CALL_YOUR_DOCTOR\" in"
					+ " expect.urgentAction is not a known code; known codes: [GO_TO_EMERGENCY_DEPARTMENT,"
					+ " CALL_EMERGENCY_NUMBER]");
		}

		@Test
		void anUrgentActionOnAResultThatIsNotUrgent() {
			assertThat(error("- scenario: x\n  expect: {disposition: SEE_DOCTOR, urgentAction: CALL_EMERGENCY_NUMBER}\n")
				.getMessage()).contains("expect.urgentAction").contains("disposition: URGENT_CARE, not SEE_DOCTOR");
		}

		@Test
		void aReasonExpectedBothGivenAndNotGiven() {
			assertThat(error("- scenario: x\n  expect: {disposition: PROCEED, reasons: [warm-up-first],"
					+ " absentReasons: [warm-up-first]}\n").getMessage())
				.contains("warm-up-first is under both \"reasons\" and \"absentReasons\"");
			assertThat(error("- scenario: x\n  expect: {disposition: PROCEED, absentReasons: warm-up-first}\n")
				.getMessage()).contains("expect.absentReasons must be a list");
		}

		@Test
		void aQuestionAnsweredBothWays() {
			assertThat(error("- scenario: Both\n  conditions: [CANCER]\n  unsure: [CANCER]\n"
					+ "  expect: {disposition: SEE_DOCTOR}\n").getMessage())
				.contains("CANCER is under both \"conditions\" and \"unsure\"");
		}

		@Test
		void valuesOfTheWrongKind() {
			assertThat(error("- scenario: x\n  age: forty\n  expect: {disposition: PROCEED}\n").getMessage())
				.contains("age must be a whole number, not \"forty\"");
			assertThat(error("- scenario: x\n  pain: {worsening: maybe}\n  expect: {disposition: PROCEED}\n")
				.getMessage()).contains("pain.worsening must be true or false");
			assertThat(error("- scenario: x\n  conditions: EPILEPSY\n  expect: {disposition: PROCEED}\n")
				.getMessage()).contains("conditions must be a list, like [A, B]");
			assertThat(error("- scenario: x\n  pain: lower back\n  expect: {disposition: PROCEED}\n").getMessage())
				.contains("pain must be a set of \"key: value\" lines");
		}

		@Test
		void numbersOutOfRange() {
			assertThat(error("- scenario: Too old\n  age: 130\n  expect: {disposition: PROCEED}\n").getMessage())
				.isEqualTo("scenario \"Too old\": age must be 0 to 120, was 130");
			assertThat(error("- scenario: x\n  pain: {severity: 11}\n  expect: {disposition: PROCEED}\n")
				.getMessage()).contains("severity must be 0 to 10, was 11");
		}

		@Test
		void twoScenariosWithTheSameName() {
			ScenarioFormatException ex = error("""
					- scenario: Twin
					  expect: {disposition: PROCEED}
					- scenario: Twin
					  expect: {disposition: PROCEED}
					""");
			assertThat(ex.line()).isEqualTo(3);
			assertThat(ex.getMessage()).contains("\"Twin\" is used twice");
		}

		@Test
		void yamlThatWouldBuildJavaObjects() {
			// A safe loader: tags that name Java classes are refused, never instantiated.
			ScenarioFormatException ex = error("- !!java.io.File [\"/tmp\"]\n");
			assertThat(ex.getMessage()).startsWith("not valid YAML");
		}

	}

}
