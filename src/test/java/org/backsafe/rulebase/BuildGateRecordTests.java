package org.backsafe.rulebase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The build's gate record: rules serve before the gate runs here only when the record vouches for
 * exactly their files, read by exactly this code, and the whole gate runs on them once the app has
 * started all the same. The build's executable model of them serves them uncompiled only then, and
 * screens every answer set as the compiled rules do.
 */
class BuildGateRecordTests {

	@TempDir
	Path temp;

	private static BuildGateRecord vouchingFor(Path folder) {
		return new BuildGateRecord(RuleFiles.fromFolder(folder).contentVersion(), BuildGateRecord.currentCodeVersion(),
				Map.of("ask-a-doctor-when-in-doubt", 7));
	}

	private static RuleBaseProperties unwatched(Path rules) {
		return new RuleBaseProperties(rules, false, Duration.ofMillis(50)).withTrustBuildRecord(true);
	}

	@Test
	void theBuildRecordsThatThePackagedRulesPassedTheGate() {
		BuildGateRecord record = BuildGateRecord.onClasspath().orElseThrow(
				() -> new AssertionError("no " + BuildGateRecord.LOCATION + ": the build's gate-the-packaged-rules step did not run"));
		assertThat(record.vouchesFor(RuleFiles.packaged(), BuildGateRecord.currentCodeVersion())).isTrue();
		assertThat(record.vouchesFor(RuleFiles.fromFolder(RulesFolder.PROJECT_RULES),
				BuildGateRecord.currentCodeVersion())).isTrue();
		assertThat(record.coverage()).containsKey("ask-a-doctor-when-in-doubt");
	}

	@Test
	@Timeout(180)
	void theBuildMakesTheExecutableModelOfThePackagedRulesAndItScreensEveryAnswerSetAsTheCompiledRulesDo() {
		RuleFiles packaged = RuleFiles.packaged();
		byte[] model = BuildGateRecord.modelOnClasspath(packaged, BuildGateRecord.currentCodeVersion())
			.orElseThrow(() -> new AssertionError("no " + BuildGateRecord.MODEL_LOCATION
					+ " for the packaged rules: the build's gate-the-packaged-rules step did not make it"));
		RuleBase fromModel = RuleBaseCompiler.fromModel(packaged, model);
		RuleBase compiled = RuleBaseCompiler.compile(packaged);
		assertThat(fromModel.rules()).isEqualTo(compiled.rules());

		RuleBaseGate.Report report = RuleBaseGate.run(fromModel, compiled);
		assertThat(report.problems()).isEmpty();
		assertThat(report.impact().compared()).isGreaterThan(10_000);
		assertThat(report.impact().changed()).as(report.impact().toText()).isZero();
	}

	@Test
	void theModelServesNoOtherByteAndNoOtherCode() {
		String code = BuildGateRecord.currentCodeVersion();
		Path rules = RulesFolder.copyOfProjectRules(this.temp.resolve("rules"));
		assertThat(BuildGateRecord.modelOnClasspath(RuleFiles.fromFolder(rules), code)).isPresent();
		assertThat(BuildGateRecord.modelOnClasspath(RuleFiles.fromFolder(rules),
				code.replace(code.charAt(0), code.charAt(0) == '0' ? '1' : '0')))
			.as("other code")
			.isEmpty();
		RulesFolder.append(rules, "advice.drl", " ");
		assertThat(BuildGateRecord.modelOnClasspath(RuleFiles.fromFolder(rules), code)).as("one byte more").isEmpty();
	}

	@Test
	void aRecordVouchesForNoOtherByteNoOtherAcknowledgementAndNoOtherCode() {
		Path rules = RulesFolder.copyOfProjectRules(this.temp.resolve("rules"));
		BuildGateRecord record = vouchingFor(rules);
		String code = BuildGateRecord.currentCodeVersion();
		assertThat(record.vouchesFor(RuleFiles.fromFolder(rules), code)).isTrue();
		assertThat(record.vouchesFor(RuleFiles.fromFolder(rules), code.replace(code.charAt(0), code.charAt(0) == '0' ? '1' : '0')))
			.as("other code").isFalse();

		RulesFolder.append(rules, "advice.drl", " ");
		assertThat(record.vouchesFor(RuleFiles.fromFolder(rules), code)).as("one byte more").isFalse();

		Path again = RulesFolder.copyOfProjectRules(this.temp.resolve("again"));
		RulesFolder.write(again, "acknowledgements/any.yaml", "version: 000000000000\n");
		assertThat(record.vouchesFor(RuleFiles.fromFolder(again), code)).as("an acknowledgement more").isFalse();
	}

	@Test
	void aRecordReadsBackAsWrittenAndAnythingElseIsRefused() {
		BuildGateRecord record = new BuildGateRecord("0123456789ab", "cd", Map.of("rule-a", 3, "rule.b", 0));
		assertThat(BuildGateRecord.parse(record.toText())).isEqualTo(record);
		assertThatIllegalArgumentException().isThrownBy(() -> BuildGateRecord.parse("content-version=0123456789ab\n"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BuildGateRecord.parse(record.toText() + "trust-everything=true\n"));
	}

	@Test
	@Timeout(180)
	@ExtendWith(OutputCaptureExtension.class)
	void vouchedForRulesServeAtOnceAndPassTheWholeGateHereOnceTheAppHasStarted(CapturedOutput output) throws Exception {
		Path rules = RulesFolder.copyOfProjectRules(this.temp.resolve("rules"));
		try (LoadedRules current = LoadedRules.startingWith(unwatched(rules), vouchingFor(rules))) {
			RuleBase first = current.serving().orElseThrow();
			assertThat(output.getOut()).as("the packaged rules' files: served from the build's model, not compiled")
				.contains("made from the build's executable model of them");
			assertThat(first.gatedHere()).as("served on the record, before the gate ran here").isFalse();
			RuleBaseHealthIndicator health = new RuleBaseHealthIndicator(current.loader());
			assertThat(health.health().getDetails()).containsEntry("gatePassed", "at build; running here now");
			assertThat(first.scenariosExercising("ask-a-doctor-when-in-doubt")).as("coverage from the record").isEqualTo(7);

			current.started();
			assertThat(current.awaitAhead(Duration.ofSeconds(150))).isTrue();
			RuleBase gated = current.serving().orElseThrow();
			assertThat(gated.gatedHere()).isTrue();
			assertThat(health.health().getDetails()).containsEntry("gatePassed", "at build, and here");
			assertThat(gated.version()).isEqualTo(first.version());
			assertThat(gated.info()).as("it has served since the first load").isEqualTo(first.info());
			assertThat(gated.scenariosExercising("ask-a-doctor-when-in-doubt")).as("coverage found here").isGreaterThan(7);
			assertThat(current.lastFailure()).isEmpty();
		}
	}

	@Test
	@Timeout(180)
	void withoutTheCheckAfterStartTheRecordIsTrustedAloneAndTheHealthSaysSo() throws Exception {
		Path rules = RulesFolder.copyOfProjectRules(this.temp.resolve("rules"));
		RulesFolder.write(rules, RulesFolder.RED_FLAGS, RulesFolder.redFlagMadeDoctorFirst(rules));
		// a record no build would write: with the check, these rules are withdrawn (the test below)
		try (LoadedRules current = LoadedRules.startingWith(unwatched(rules).withCheckAfterStart(false),
				vouchingFor(rules))) {
			current.started();
			assertThat(current.awaitAhead(Duration.ofSeconds(150))).isTrue();
			RuleBase serving = current.serving().orElseThrow();
			assertThat(serving.gatedHere()).as("no gate here after the start").isFalse();
			assertThat(new RuleBaseHealthIndicator(current.loader()).health().getDetails())
				.containsEntry("gatePassed", "at build");
			assertThat(current.lastFailure()).isEmpty();
		}
	}

	@Test
	@Timeout(180)
	void rulesThatFailTheGateHereStopServingWhateverTheRecordSays() throws Exception {
		Path rules = RulesFolder.copyOfProjectRules(this.temp.resolve("rules"));
		RulesFolder.write(rules, RulesFolder.RED_FLAGS, RulesFolder.redFlagMadeDoctorFirst(rules));
		// a record no build would write: these rules fail the gate
		try (LoadedRules current = LoadedRules.startingWith(unwatched(rules), vouchingFor(rules))) {
			assertThat(current.serving()).isPresent();

			current.started();
			assertThat(current.awaitAhead(Duration.ofSeconds(150))).isTrue();
			assertThat(current.serving()).as("withdrawn: every screening says see a doctor").isEmpty();
			FailedAttempt failure = current.lastFailure().orElseThrow();
			assertThat(failure.problems()).isNotEmpty();
			assertThat(failure.version()).isEqualTo(RuleFiles.fromFolder(rules).version());
		}
	}

	@Test
	@Timeout(180)
	void rulesTheRecordDoesNotVouchForPassTheWholeGateBeforeTheyServe() throws Exception {
		Path vouched = RulesFolder.copyOfProjectRules(this.temp.resolve("vouched"));
		Path rules = RulesFolder.copyOfProjectRules(this.temp.resolve("rules"));
		RulesFolder.write(rules, RulesFolder.RED_FLAGS, RulesFolder.redFlagMadeDoctorFirst(rules));
		try (LoadedRules current = LoadedRules.startingWith(unwatched(rules), vouchingFor(vouched))) {
			assertThat(current.serving()).as("refused before it ever served").isEmpty();
			assertThat(current.lastFailure()).isPresent();
		}
		RulesFolder.addNewRule(vouched);
		try (LoadedRules current = LoadedRules.startingWith(unwatched(vouched), vouchingFor(rules))) {
			assertThat(current.serving().orElseThrow().gatedHere()).isTrue();
		}
	}

	@Test
	@Timeout(180)
	void theBuildStepWritesARecordOnlyForRulesThatPass() throws Exception {
		Path classes = this.temp.resolve("classes");
		RulesFolder.copyOfProjectRules(classes.resolve("rules"));
		BuildGateRecord.main(new String[] { classes.toString() });
		Path written = classes.resolve(BuildGateRecord.LOCATION);
		assertThat(BuildGateRecord.parse(Files.readString(written))
			.vouchesFor(RuleFiles.fromFolder(classes.resolve("rules")), BuildGateRecord.currentCodeVersion())).isTrue();
		Path model = classes.resolve(BuildGateRecord.MODEL_LOCATION);
		assertThat(model).as("the model that passed the gate too").isNotEmptyFile();
		assertThat(Path.of(model + ".properties")).content().contains("content-version="
				+ RuleFiles.fromFolder(classes.resolve("rules")).contentVersion());

		Path rules = classes.resolve("rules");
		RulesFolder.write(rules, RulesFolder.RED_FLAGS, RulesFolder.redFlagMadeDoctorFirst(rules));
		BuildGateRecord.main(new String[] { classes.toString() });
		assertThat(written).as("the old record is gone too").doesNotExist();
		assertThat(model).as("and the old model").doesNotExist();
		assertThat(Path.of(model + ".properties")).doesNotExist();
	}

}
