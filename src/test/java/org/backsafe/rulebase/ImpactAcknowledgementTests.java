package org.backsafe.rulebase;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.backsafe.rulebase.ImpactReport.Change;
import org.backsafe.rulebase.ImpactReport.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live rules folder: a less cautious change is refused until an acknowledgement names exactly that
 * change; a stale or mismatched one does not count; wording and more cautious changes need none; and
 * every admitted version keeps its report.
 */
class ImpactAcknowledgementTests {

	@TempDir
	Path temp;

	Path rules;

	LoadedRules current;

	String original;

	@BeforeEach
	void serveACopyOfTheProjectRules() {
		this.rules = RulesFolder.copyOfProjectRules(this.temp.resolve("rules"));
		this.current = LoadedRules.of(new RuleBaseProperties(this.rules, false, Duration.ofMillis(50)));
		this.original = this.current.serving().orElseThrow().version();
	}

	@AfterEach
	void close() {
		this.current.close();
	}

	@Test
	void theFirstLoadHasNothingToCompareWith() {
		List<CurrentRuleBase.AdmittedVersion> history = this.current.history();
		assertThat(history).hasSize(1);
		assertThat(history.get(0).version()).isEqualTo(this.original);
		assertThat(history.get(0).impact().isFirstLoad()).isTrue();
		assertThat(history.get(0).impact().toText()).contains("first load, no rule base was serving");
	}

	@Test
	void aDoctorFirstConditionMadeOnlyCautiousIsRefusedUntilAcknowledgedExactly() {
		ImpactEdits.minorFallFromSixty(this.rules);
		String changed = RuleFiles.fromFolder(this.rules).version();

		// Refused, with a report that names the condition, the smallest answer set and the rule.
		assertThat(this.current.reloadFolder()).isFalse();
		assertThat(this.current.serving().orElseThrow().version()).isEqualTo(this.original);
		FailedAttempt failure = this.current.lastFailure().orElseThrow();
		assertThat(failure.problems()).isNotEmpty()
			.allSatisfy((p) -> assertThat(p.kind()).isEqualTo(RuleProblem.Kind.IMPACT));
		assertThat(failure.problems()).anySatisfy((p) -> assertThat(p.message()).contains("DISPOSITION_MILDER")
			.contains("codes [PAIN_AFTER_MINOR_FALL]"));
		ImpactReport refused = failure.impact();
		assertThat(refused.lessCautious()).anySatisfy((c) -> assertThat(c.toText()).contains("DISPOSITION_MILDER")
			.contains("age: 55, yes: [PAIN_AFTER_MINOR_FALL]")
			.contains("-minor-fall-at-50-or-over-ask-doctor")
			.contains("before: SEE_DOCTOR"));
		assertThat(refused.from()).isEqualTo(this.original);
		assertThat(refused.to()).isEqualTo(changed);
		assertThat(refused.unacknowledged()).extracting(Change::kind)
			.containsExactlyInAnyOrder(Kind.DISPOSITION_MILDER, Kind.AVOID_LIFTED);

		// A stale acknowledgement (written for another change of versions) does not count.
		RulesFolder.write(this.rules, "acknowledgements/minor-fall.yaml",
				acknowledgements("0123456789ab", changed, refused.unacknowledged()));
		assertThat(this.current.reloadFolder()).isFalse();
		assertThat(this.current.lastFailure().orElseThrow().problems())
			.anySatisfy((p) -> assertThat(p.message()).contains("acknowledgements/minor-fall.yaml:1 is stale")
				.contains("it acknowledges 0123456789ab -> " + changed));

		// Nor does one of the right versions that names other codes.
		RulesFolder.write(this.rules, "acknowledgements/minor-fall.yaml",
				ImpactEdits.acknowledgement(this.original, changed, Kind.DISPOSITION_MILDER, List.of("OSTEOPOROSIS"))
						+ ImpactEdits.acknowledgement(this.original, changed, Kind.AVOID_LIFTED,
								List.of("PAIN_AFTER_MINOR_FALL")));
		assertThat(this.current.reloadFolder()).isFalse();
		FailedAttempt mismatched = this.current.lastFailure().orElseThrow();
		assertThat(mismatched.problems()).singleElement()
			.satisfies((p) -> assertThat(p.message()).contains("DISPOSITION_MILDER")
				.contains("acknowledgements/minor-fall.yaml:1 does not match: it acknowledges DISPOSITION_MILDER"
						+ " [OSTEOPOROSIS], this change is DISPOSITION_MILDER [PAIN_AFTER_MINOR_FALL]"));
		assertThat(mismatched.impact().unacknowledged()).extracting(Change::kind)
			.containsExactly(Kind.DISPOSITION_MILDER);

		// With both changes acknowledged exactly, it serves, and its report is kept with it.
		RulesFolder.write(this.rules, "acknowledgements/minor-fall.yaml",
				acknowledgements(this.original, changed, refused.unacknowledged()));
		assertThat(this.current.reloadFolder()).as(() -> String.valueOf(this.current.lastFailure())).isTrue();
		assertThat(this.current.serving().orElseThrow().version()).isEqualTo(changed);
		assertThat(this.current.lastFailure()).isEmpty();
		List<CurrentRuleBase.AdmittedVersion> history = this.current.history();
		assertThat(history).extracting(CurrentRuleBase.AdmittedVersion::version).containsExactly(changed, this.original);
		ImpactReport admitted = history.get(0).impact();
		assertThat(admitted.unacknowledged()).isEmpty();
		assertThat(admitted.lessCautious()).hasSize(2)
			.allSatisfy((c) -> assertThat(c.acknowledgedBy()).startsWith("acknowledgements/minor-fall.yaml, reviewed by"
					+ " Dr R. Reviewer"));
		assertThat(admitted.toText()).contains("acknowledged: acknowledgements/minor-fall.yaml");
	}

	@Test
	void aWordingOnlyEditIsAdmittedWithNoOutcomeChanged() {
		ImpactEdits.replace(this.rules, "messages.properties", "\nheart-condition-mild-heat=",
				"\nheart-condition-mild-heat=In short: ");
		assertThat(this.current.reloadFolder()).isTrue();
		ImpactReport impact = this.current.history().get(0).impact();
		assertThat(impact.from()).isEqualTo(this.original);
		assertThat(impact.to()).isNotEqualTo(this.original);
		assertThat(impact.compared()).isEqualTo(14_080);
		assertThat(impact.changed()).isZero();
		assertThat(impact.changes()).isEmpty();
	}

	@Test
	void aMoreCautiousChangeIsAdmittedWithoutAnAcknowledgement() {
		RulesFolder.addNewRule(this.rules);
		assertThat(this.current.reloadFolder()).as(() -> String.valueOf(this.current.lastFailure())).isTrue();
		ImpactReport impact = this.current.serving().orElseThrow().impact().orElseThrow();
		assertThat(impact.lessCautious()).isEmpty();
		assertThat(impact.change(Kind.AVOID_ADDED).orElseThrow().codes()).containsExactly("EPILEPSY");
		assertThat(this.current.history().get(0).impact()).isEqualTo(impact);
	}

	@Test
	void aMalformedAcknowledgementIsRefusedNamingItsFileAndLine() {
		RulesFolder.write(this.rules, "acknowledgements/typo.yaml", """
				- from: %s
				  to: 0123456789ab
				  kind: AVOID_REMOVED
				  codes: [PAIN_AFTER_MINOR_FALL]
				  reviewedBy: Dr R. Reviewer
				  reason: a typo in the kind
				""".formatted(this.original));
		assertThat(this.current.reloadFolder()).isFalse();
		assertThat(this.current.lastFailure().orElseThrow().problems()).singleElement().satisfies((p) -> {
			assertThat(p.kind()).isEqualTo(RuleProblem.Kind.IMPACT);
			assertThat(p.file()).isEqualTo("acknowledgements/typo.yaml");
			assertThat(p.line()).isEqualTo(3);
			assertThat(p.message()).contains("unknown kind \"AVOID_REMOVED\"").contains("AVOID_LIFTED");
		});
	}

	@Test
	void acknowledgementsAreLeftOutOfTheVersionAndAReadmeBesideThemIsIgnored() {
		RuleFiles before = RuleFiles.fromFolder(this.rules);
		RulesFolder.write(this.rules, "acknowledgements/README.md", "What these files are for.\n");
		RulesFolder.write(this.rules, "acknowledgements/old.yaml",
				ImpactEdits.acknowledgement(this.original, "0123456789ab", Kind.AVOID_LIFTED, List.of("EPILEPSY")));
		RuleFiles after = RuleFiles.fromFolder(this.rules);
		assertThat(after.version()).isEqualTo(before.version());
		assertThat(after.contentVersion()).isNotEqualTo(before.contentVersion());
		assertThat(after.all()).containsKey("acknowledgements/old.yaml").doesNotContainKey("acknowledgements/README.md");
		// An acknowledgement left from an earlier change admits nothing and refuses nothing.
		assertThat(this.current.reloadFolder()).isTrue();
		assertThat(this.current.serving().orElseThrow().version()).isEqualTo(this.original);
	}

	private static String acknowledgements(String from, String to, List<Change> changes) {
		StringBuilder text = new StringBuilder();
		changes.forEach((c) -> text.append(ImpactEdits.acknowledgement(from, to, c.kind(), c.codes())));
		return text.toString();
	}

}
