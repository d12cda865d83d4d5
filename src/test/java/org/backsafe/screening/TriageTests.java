package org.backsafe.screening;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.backsafe.rulebase.RuleBase;
import org.backsafe.screening.facts.Advice;
import org.backsafe.screening.facts.Indication;
import org.backsafe.screening.facts.Referral;
import org.backsafe.screening.facts.Restriction;
import org.backsafe.support.RuleFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The fold, on findings stamped by Drools from a small rule base written for these tests: each
 * answer below triggers exactly the findings named in its rule, so each test chooses its findings
 * by choosing answers.
 */
class TriageTests {

	@TempDir
	static Path folder;

	static RuleBase rules;

	@BeforeAll
	static void compileRules() {
		rules = RuleFolder.in(folder)
			.rule("referrals.drl", "urgent-saddle", "Answer(question == HealthQuestion.SADDLE_NUMBNESS, $q : question)",
					"insert(new Referral(Disposition.URGENT_CARE, $q));")
			.rule("referrals.drl", "doctor-surgery", "Answer(question == HealthQuestion.RECENT_SURGERY, $q : question)",
					"insert(new Referral(Disposition.SEE_DOCTOR, $q));")
			.rule("referrals.drl", "urgent-chest-call",
					"Answer(question == HealthQuestion.CHEST_PAIN_OR_BREATHLESSNESS)",
					"insert(new Referral(Disposition.URGENT_CARE, UrgentAction.CALL_EMERGENCY_NUMBER));")
			.rule("referrals.drl", "urgent-leg-department", "Answer(question == HealthQuestion.LEG_CLOT_SIGNS)",
					"insert(new Referral(Disposition.URGENT_CARE, UrgentAction.GO_TO_EMERGENCY_DEPARTMENT));")
			.rule("referrals.drl", "wait-cold", "Answer(question == HealthQuestion.COLD_OR_MINOR_ILLNESS, $q : question)",
					"insert(new Referral(Disposition.WAIT_UNTIL_WELL, $q));")
			.rule("referrals.drl", "caution-sciatica",
					"Answer(question == HealthQuestion.SCIATICA_OR_PINCHED_NERVE, $q : question)",
					"insert(new Referral(Disposition.PROCEED_WITH_CAUTION, $q));")
			.rule("derive.drl", "derive-cancer", "Answer(question == HealthQuestion.CANCER, $q : question)",
					"insert(new DoctorFirst($q));")
			.rule("referrals.drl", "doctor-first", "$d : DoctorFirst()",
					"insert(new Referral(Disposition.SEE_DOCTOR, $d));")
			.rule("restrictions.drl", "modify-deep-osteoporosis",
					"Answer(question == HealthQuestion.OSTEOPOROSIS, $q : question)",
					"insert(new Restriction(Technique.DEEP_TISSUE, Verdict.MODIFY, $q));")
			.rule("restrictions.drl", "avoid-deep-epilepsy",
					"Answer(question == HealthQuestion.EPILEPSY, $q : question)",
					"insert(new Restriction(Technique.DEEP_TISSUE, Verdict.AVOID, $q));")
			.rule("indications.drl", "knots-deep", "ReportedPattern(pattern == PainPattern.KNOTS)",
					"insert(new Indication(Technique.DEEP_TISSUE));")
			.rule("indications.drl", "knots-trigger", "ReportedPattern(pattern == PainPattern.KNOTS)",
					"insert(new Indication(Technique.TRIGGER_POINT));")
			.rule("advice.drl", "general-advice", "Pain()", "insert(new Advice());")
			.rule("advice.drl", "how-to-deep", "Pain()", "insert(new Advice(Technique.DEEP_TISSUE));")
			.rule("advice.drl", "how-to-trigger", "Pain()", "insert(new Advice(Technique.TRIGGER_POINT));")
			.rule("self.drl", "deep-with-therapist", "MassagePlan(selfMassage == true)",
					"insert(new ProfessionalOnly(Technique.DEEP_TISSUE));")
			.compile();
	}

	static ScreeningResult screen(Set<PainPattern> patterns, HealthQuestion... yes) {
		Map<HealthQuestion, Response> answers = new EnumMap<>(HealthQuestion.class);
		for (HealthQuestion q : yes) {
			answers.put(q, Response.YES);
		}
		ScreeningRequest request = new ScreeningRequest(40, answers,
				new PainProfile(Set.of(PainArea.LOWER_BACK), PainDuration.ACUTE, 3, false, patterns), Setting.SELF,
				Set.of());
		return rules.screen(request);
	}

	static ScreeningResult screen(HealthQuestion... yes) {
		return screen(Set.of(), yes);
	}

	static List<String> ruleIds(List<Reason> reasons) {
		return reasons.stream().map(Reason::rule).toList();
	}

	@Nested
	class Dispositions {

		@Test
		void nothingFoundMeansProceedWithoutReasons() {
			ScreeningResult result = screen();
			assertThat(result.disposition()).isEqualTo(Disposition.PROCEED);
			assertThat(result.reasons()).isEmpty();
			assertThat(result.completed()).isTrue();
		}

		@Test
		void theMostSevereReferralWins() {
			assertThat(screen(HealthQuestion.SCIATICA_OR_PINCHED_NERVE).disposition())
				.isEqualTo(Disposition.PROCEED_WITH_CAUTION);
			assertThat(screen(HealthQuestion.SCIATICA_OR_PINCHED_NERVE, HealthQuestion.RECENT_SURGERY).disposition())
				.isEqualTo(Disposition.SEE_DOCTOR);
			ScreeningResult all = screen(HealthQuestion.SCIATICA_OR_PINCHED_NERVE, HealthQuestion.RECENT_SURGERY,
					HealthQuestion.SADDLE_NUMBNESS);
			assertThat(all.disposition()).isEqualTo(Disposition.URGENT_CARE);
		}

		@Test
		void reasonsComeMostSevereFirstWithTheirRuleAndSource() {
			ScreeningResult result = screen(HealthQuestion.SCIATICA_OR_PINCHED_NERVE, HealthQuestion.COLD_OR_MINOR_ILLNESS,
					HealthQuestion.RECENT_SURGERY);
			assertThat(ruleIds(result.reasons())).containsExactly("doctor-surgery", "wait-cold", "caution-sciatica");
			assertThat(result.reasons().get(0))
				.isEqualTo(new Reason("doctor-surgery", "source of doctor-surgery", HealthQuestion.RECENT_SURGERY));
		}

		@Test
		void anUrgentResultListsOnlyUrgentReasonsAndNotesFromTheCautiousLevel() {
			// "See a doctor before massage" or "wait until well" would contradict "get care now"; a note
			// about an answer (here at PROCEED_WITH_CAUTION, as "not sure" notes are) stays.
			ScreeningResult result = screen(HealthQuestion.SCIATICA_OR_PINCHED_NERVE, HealthQuestion.RECENT_SURGERY,
					HealthQuestion.COLD_OR_MINOR_ILLNESS, HealthQuestion.CANCER, HealthQuestion.SADDLE_NUMBNESS);
			assertThat(result.disposition()).isEqualTo(Disposition.URGENT_CARE);
			assertThat(ruleIds(result.reasons())).containsExactly("urgent-saddle", "caution-sciatica");
			assertThat(result.reasons().get(0))
				.isEqualTo(new Reason("urgent-saddle", "source of urgent-saddle", HealthQuestion.SADDLE_NUMBNESS));
		}

		@Test
		void waitUntilWellRanksBetweenSeeDoctorAndProceedWithCaution() {
			assertThat(Disposition.values()).containsExactly(Disposition.PROCEED, Disposition.PROCEED_WITH_CAUTION,
					Disposition.WAIT_UNTIL_WELL, Disposition.SEE_DOCTOR, Disposition.URGENT_CARE);
			assertThat(screen(HealthQuestion.COLD_OR_MINOR_ILLNESS).disposition()).isEqualTo(Disposition.WAIT_UNTIL_WELL);
			assertThat(screen(HealthQuestion.COLD_OR_MINOR_ILLNESS, HealthQuestion.SCIATICA_OR_PINCHED_NERVE,
					HealthQuestion.EPILEPSY).disposition())
				.as("above a referral and a restriction at the cautious level")
				.isEqualTo(Disposition.WAIT_UNTIL_WELL);
			assertThat(screen(HealthQuestion.COLD_OR_MINOR_ILLNESS, HealthQuestion.RECENT_SURGERY).disposition())
				.isEqualTo(Disposition.SEE_DOCTOR);
			assertThat(screen(HealthQuestion.COLD_OR_MINOR_ILLNESS, HealthQuestion.SADDLE_NUMBNESS).disposition())
				.isEqualTo(Disposition.URGENT_CARE);
			assertThat(Disposition.WAIT_UNTIL_WELL.offersNoTechnique()).isTrue();
			assertThat(Disposition.WAIT_UNTIL_WELL.needsDoctorFirst()).isFalse();
			assertThat(Disposition.PROCEED_WITH_CAUTION.offersNoTechnique()).isFalse();
			assertThat(Disposition.WAIT_UNTIL_WELL.mostSevere(Disposition.PROCEED_WITH_CAUTION))
				.isEqualTo(Disposition.WAIT_UNTIL_WELL);
			assertThat(Disposition.PROCEED_WITH_CAUTION.mostSevere(Disposition.WAIT_UNTIL_WELL))
				.isEqualTo(Disposition.WAIT_UNTIL_WELL);
			assertThat(Disposition.WAIT_UNTIL_WELL.mostSevere(Disposition.SEE_DOCTOR)).isEqualTo(Disposition.SEE_DOCTOR);
		}

		@Test
		void aDerivedCauseIsGivenBeforeTheReferralItLedTo() {
			ScreeningResult result = screen(HealthQuestion.CANCER);
			assertThat(result.disposition()).isEqualTo(Disposition.SEE_DOCTOR);
			assertThat(result.reasons()).containsExactly(
					new Reason("derive-cancer", "source of derive-cancer", HealthQuestion.CANCER),
					new Reason("doctor-first", "source of doctor-first", null));
		}

		@Test
		void anyRestrictionMeansAtLeastProceedWithCaution() {
			ScreeningResult result = screen(HealthQuestion.OSTEOPOROSIS);
			assertThat(result.disposition()).isEqualTo(Disposition.PROCEED_WITH_CAUTION);
			assertThat(ruleIds(result.reasons())).containsExactly(Triage.SOME_TECHNIQUES_RESTRICTED);
			assertThat(result.reasons().get(0).source()).isEqualTo(Triage.SAFETY_DESIGN_SOURCE);
		}

		@Test
		void aRestrictionNeverLowersAReferral() {
			assertThat(screen(HealthQuestion.EPILEPSY, HealthQuestion.RECENT_SURGERY).disposition())
				.isEqualTo(Disposition.SEE_DOCTOR);
		}

	}

	@Nested
	class DoctorFirst {

		@Test
		void seeDoctorMakesEveryTechniqueAvoidEvenWhenIndicated() {
			ScreeningResult result = screen(Set.of(PainPattern.KNOTS), HealthQuestion.RECENT_SURGERY);
			assertThat(result.techniques()).hasSize(12).allSatisfy((t) -> {
				assertThat(t.verdict()).isEqualTo(Verdict.AVOID);
				assertThat(t.howTo()).isEmpty();
				assertThat(ruleIds(t.reasons())).startsWith(Triage.NO_TECHNIQUE_BEFORE_DOCTOR);
			});
			assertThat(result.offersAnyTechnique()).isFalse();
		}

		@Test
		void urgentCareMakesEveryTechniqueAvoidWithItsOwnReason() {
			ScreeningResult result = screen(Set.of(PainPattern.KNOTS), HealthQuestion.SADDLE_NUMBNESS);
			assertThat(result.techniques()).allSatisfy((t) -> {
				assertThat(t.verdict()).isEqualTo(Verdict.AVOID);
				assertThat(ruleIds(t.reasons())).startsWith(Triage.NO_TECHNIQUE_URGENT);
			});
			assertThat(result.techniques()).noneMatch((t) -> t.verdict() == Verdict.RECOMMENDED);
		}

		@Test
		void aTechniqueKeepsItsOwnRestrictionBesideTheReferral() {
			ScreeningResult result = screen(HealthQuestion.EPILEPSY, HealthQuestion.RECENT_SURGERY);
			assertThat(ruleIds(result.verdictOn(Technique.DEEP_TISSUE).reasons()))
				.containsExactly(Triage.NO_TECHNIQUE_BEFORE_DOCTOR, "avoid-deep-epilepsy");
		}

		@Test
		void generalAdviceIsStillGiven() {
			assertThat(ruleIds(screen(HealthQuestion.RECENT_SURGERY).advice())).containsExactly("general-advice");
			assertThat(ruleIds(screen(HealthQuestion.COLD_OR_MINOR_ILLNESS).advice())).containsExactly("general-advice");
		}

		@Test
		void anUrgentCardCarriesOnlyTheUrgentReasonNotItsOwnRestrictions() {
			ScreeningResult result = screen(Set.of(PainPattern.KNOTS), HealthQuestion.EPILEPSY, HealthQuestion.OSTEOPOROSIS,
					HealthQuestion.RECENT_SURGERY, HealthQuestion.COLD_OR_MINOR_ILLNESS, HealthQuestion.SADDLE_NUMBNESS);
			assertThat(result.techniques()).hasSize(12).allSatisfy((t) -> {
				assertThat(t.verdict()).isEqualTo(Verdict.AVOID);
				assertThat(ruleIds(t.reasons())).containsExactly(Triage.NO_TECHNIQUE_URGENT);
				assertThat(t.howTo()).isEmpty();
			});
			assertThat(result.verdictOn(Technique.DEEP_TISSUE).professionalOnly())
				.as("who should do it later is still marked")
				.isTrue();
		}

		@Test
		void waitUntilWellOffersNoTechniqueAndKeepsEachTechniquesOwnRestrictions() {
			ScreeningResult result = screen(Set.of(PainPattern.KNOTS), HealthQuestion.COLD_OR_MINOR_ILLNESS,
					HealthQuestion.EPILEPSY, HealthQuestion.OSTEOPOROSIS);
			assertThat(result.disposition()).isEqualTo(Disposition.WAIT_UNTIL_WELL);
			assertThat(result.urgentAction()).isNull();
			assertThat(result.offersAnyTechnique()).isFalse();
			assertThat(result.techniques()).hasSize(12).allSatisfy((t) -> {
				assertThat(t.verdict()).isEqualTo(Verdict.AVOID);
				assertThat(t.howTo()).isEmpty();
				assertThat(ruleIds(t.reasons())).startsWith(Triage.NO_TECHNIQUE_UNTIL_WELL)
					.doesNotContain(Triage.NO_TECHNIQUE_BEFORE_DOCTOR, Triage.NO_TECHNIQUE_URGENT)
					.as("why a technique would help is not said when it may not be done today")
					.doesNotContain("knots-deep", "knots-trigger");
			});
			assertThat(ruleIds(result.verdictOn(Technique.DEEP_TISSUE).reasons()))
				.startsWith(Triage.NO_TECHNIQUE_UNTIL_WELL)
				.containsExactlyInAnyOrder(Triage.NO_TECHNIQUE_UNTIL_WELL, "avoid-deep-epilepsy", "modify-deep-osteoporosis");
			assertThat(ruleIds(result.verdictOn(Technique.TRIGGER_POINT).reasons()))
				.containsExactly(Triage.NO_TECHNIQUE_UNTIL_WELL);
			assertThat(ruleIds(result.reasons())).containsExactly("wait-cold");
		}

	}

	@Nested
	class UrgentActions {

		@Test
		void theMostUrgentActionWins() {
			assertThat(screen(HealthQuestion.LEG_CLOT_SIGNS).urgentAction())
				.isEqualTo(UrgentAction.GO_TO_EMERGENCY_DEPARTMENT);
			assertThat(screen(HealthQuestion.CHEST_PAIN_OR_BREATHLESSNESS).urgentAction())
				.isEqualTo(UrgentAction.CALL_EMERGENCY_NUMBER);
			assertThat(screen(HealthQuestion.LEG_CLOT_SIGNS, HealthQuestion.CHEST_PAIN_OR_BREATHLESSNESS).urgentAction())
				.isEqualTo(UrgentAction.CALL_EMERGENCY_NUMBER);
			assertThat(screen(HealthQuestion.CHEST_PAIN_OR_BREATHLESSNESS, HealthQuestion.SADDLE_NUMBNESS,
					HealthQuestion.LEG_CLOT_SIGNS).urgentAction())
				.isEqualTo(UrgentAction.CALL_EMERGENCY_NUMBER);
			assertThat(UrgentAction.GO_TO_EMERGENCY_DEPARTMENT.mostUrgent(UrgentAction.CALL_EMERGENCY_NUMBER))
				.isEqualTo(UrgentAction.CALL_EMERGENCY_NUMBER);
			assertThat(UrgentAction.CALL_EMERGENCY_NUMBER.mostUrgent(UrgentAction.GO_TO_EMERGENCY_DEPARTMENT))
				.isEqualTo(UrgentAction.CALL_EMERGENCY_NUMBER);
			assertThat(UrgentAction.GO_TO_EMERGENCY_DEPARTMENT.mostUrgent(null))
				.isEqualTo(UrgentAction.GO_TO_EMERGENCY_DEPARTMENT);
		}

		@Test
		void anUrgentReferralThatSaysNoActionMeansTheEmergencyDepartment() {
			ScreeningResult result = screen(HealthQuestion.SADDLE_NUMBNESS);
			assertThat(result.disposition()).isEqualTo(Disposition.URGENT_CARE);
			assertThat(result.urgentAction()).isEqualTo(UrgentAction.GO_TO_EMERGENCY_DEPARTMENT);
		}

		@Test
		void onlyAnUrgentResultSaysWhatToDoNow() {
			for (HealthQuestion q : List.of(HealthQuestion.RECENT_SURGERY, HealthQuestion.COLD_OR_MINOR_ILLNESS,
					HealthQuestion.SCIATICA_OR_PINCHED_NERVE, HealthQuestion.EPILEPSY)) {
				assertThat(screen(q).urgentAction()).as(q.name()).isNull();
			}
			assertThat(screen().urgentAction()).isNull();
			assertThat(Triage.failed(null).urgentAction()).as("the fail-safe result is SEE_DOCTOR").isNull();
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new Referral(Disposition.SEE_DOCTOR, UrgentAction.CALL_EMERGENCY_NUMBER))
				.withMessageContaining("only an URGENT_CARE referral says what to do now");
		}

	}

	@Nested
	class Verdicts {

		@Test
		void everyResultListsAllTwelveTechniquesInOrder() {
			assertThat(screen().techniques()).extracting(TechniqueVerdict::technique)
				.containsExactly(Technique.values());
		}

		@Test
		void anIndicationWithNoRestrictionIsRecommended() {
			ScreeningResult result = screen(Set.of(PainPattern.KNOTS));
			assertThat(result.disposition()).isEqualTo(Disposition.PROCEED);
			assertThat(result.verdictOn(Technique.DEEP_TISSUE).verdict()).isEqualTo(Verdict.RECOMMENDED);
			assertThat(result.verdictOn(Technique.TRIGGER_POINT).verdict()).isEqualTo(Verdict.RECOMMENDED);
			assertThat(ruleIds(result.verdictOn(Technique.TRIGGER_POINT).reasons())).containsExactly("knots-trigger");
			assertThat(result.verdictOn(Technique.SWEDISH).verdict()).isEqualTo(Verdict.SUITABLE);
			assertThat(result.verdictOn(Technique.SWEDISH).reasons()).isEmpty();
		}

		@Test
		void modifyBeatsAnIndication() {
			TechniqueVerdict deep = screen(Set.of(PainPattern.KNOTS), HealthQuestion.OSTEOPOROSIS)
				.verdictOn(Technique.DEEP_TISSUE);
			assertThat(deep.verdict()).isEqualTo(Verdict.MODIFY);
			assertThat(ruleIds(deep.reasons())).startsWith("modify-deep-osteoporosis").contains("knots-deep");
		}

		@Test
		void avoidBeatsModifyAndAnIndication() {
			TechniqueVerdict deep = screen(Set.of(PainPattern.KNOTS), HealthQuestion.OSTEOPOROSIS,
					HealthQuestion.EPILEPSY)
				.verdictOn(Technique.DEEP_TISSUE);
			assertThat(deep.verdict()).isEqualTo(Verdict.AVOID);
			// The strongest restriction is given first.
			assertThat(ruleIds(deep.reasons())).startsWith("avoid-deep-epilepsy", "modify-deep-osteoporosis");
		}

		@Test
		void aRestrictionOnOneTechniqueLeavesTheOthersAlone() {
			ScreeningResult result = screen(Set.of(PainPattern.KNOTS), HealthQuestion.EPILEPSY);
			assertThat(result.verdictOn(Technique.TRIGGER_POINT).verdict()).isEqualTo(Verdict.RECOMMENDED);
			assertThat(result.verdictOn(Technique.HEAT_THERAPY).verdict()).isEqualTo(Verdict.SUITABLE);
		}

		@Test
		void professionalOnlyIsMarkedWithItsReason() {
			TechniqueVerdict deep = screen().verdictOn(Technique.DEEP_TISSUE);
			assertThat(deep.professionalOnly()).isTrue();
			assertThat(ruleIds(deep.reasons())).contains("deep-with-therapist");
			assertThat(screen().verdictOn(Technique.SWEDISH).professionalOnly()).isFalse();
		}

	}

	@Nested
	class HowTo {

		@Test
		void howToIsGivenOnAnAllowedTechnique() {
			ScreeningResult result = screen(HealthQuestion.OSTEOPOROSIS);
			assertThat(ruleIds(result.verdictOn(Technique.TRIGGER_POINT).howTo())).containsExactly("how-to-trigger");
			// MODIFY is allowed: how to do it safely still applies.
			assertThat(ruleIds(result.verdictOn(Technique.DEEP_TISSUE).howTo())).containsExactly("how-to-deep");
		}

		@Test
		void howToIsNeverGivenOnAnAvoidedTechnique() {
			ScreeningResult result = screen(HealthQuestion.EPILEPSY);
			assertThat(result.verdictOn(Technique.DEEP_TISSUE).howTo()).isEmpty();
			assertThat(ruleIds(result.verdictOn(Technique.TRIGGER_POINT).howTo())).containsExactly("how-to-trigger");
		}

		@Test
		void howToIsNotGeneralAdvice() {
			assertThat(ruleIds(screen().advice())).containsExactly("general-advice");
		}

	}

	@Nested
	class FailSafe {

		@Test
		void anUnstampedFindingFailsTheWholeFold() {
			// Made in Java, not inserted by a rule: it has no rule id or source.
			Referral unstamped = new Referral(Disposition.PROCEED_WITH_CAUTION);
			Findings findings = new Findings(List.of(unstamped), List.of(), List.of(), List.of(), List.of(), Set.of());
			assertThatIllegalStateException().isThrownBy(() -> Triage.fold(findings, rules.info()))
				.withMessageContaining("without an @id and @source");
		}

		@Test
		void anUnstampedFindingAmongStampedOnesStillFails() {
			ScreeningRequest request = new ScreeningRequest(40, Map.of(HealthQuestion.OSTEOPOROSIS, Response.YES),
					new PainProfile(Set.of(PainArea.LOWER_BACK), PainDuration.ACUTE, 3, false, Set.of()),
					Setting.SELF, Set.of());
			Findings stamped = ScreeningEngine.run(rules.kieBase(), request);
			assertThat(stamped.restrictions()).allMatch(Restriction::isStamped);
			for (Findings findings : List.of(
					new Findings(stamped.referrals(), List.of(new Restriction(Technique.SWEDISH, Verdict.AVOID)),
							stamped.indications(), stamped.advice(), stamped.professionalOnly(), Set.of()),
					new Findings(stamped.referrals(), stamped.restrictions(), List.of(new Indication(Technique.SHIATSU)),
							stamped.advice(), stamped.professionalOnly(), Set.of()),
					new Findings(stamped.referrals(), stamped.restrictions(), stamped.indications(),
							List.of(new Advice()), stamped.professionalOnly(), Set.of()))) {
				assertThatIllegalStateException().isThrownBy(() -> Triage.fold(findings, rules.info()));
			}
		}

		@Test
		void theFailedResultSendsToADoctorAndOffersNothing() {
			RuleBaseInfo info = rules.info();
			ScreeningResult failed = Triage.failed(info);
			assertThat(failed.disposition()).isEqualTo(Disposition.SEE_DOCTOR);
			assertThat(failed.completed()).isFalse();
			assertThat(failed.offersAnyTechnique()).isFalse();
			assertThat(ruleIds(failed.reasons())).containsExactly(Triage.NOT_COMPLETED);
			assertThat(failed.techniques()).hasSize(12).allSatisfy((t) -> {
				assertThat(t.verdict()).isEqualTo(Verdict.AVOID);
				assertThat(t.howTo()).isEmpty();
				assertThat(ruleIds(t.reasons())).containsExactly(Triage.NOT_COMPLETED);
			});
			assertThat(failed.advice()).isEmpty();
			assertThat(failed.ruleBase()).isEqualTo(info);
		}

		@Test
		void theFailedResultNeedsNoRuleBase() {
			ScreeningResult failed = Triage.failed(null);
			assertThat(failed.ruleBase()).isNull();
			assertThat(failed.offersAnyTechnique()).isFalse();
			assertThat(EnumSet.copyOf(failed.techniques().stream().map(TechniqueVerdict::verdict).toList()))
				.containsExactly(Verdict.AVOID);
		}

	}

}
