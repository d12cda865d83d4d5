package org.backsafe.rulebase;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.backsafe.rulebase.scenario.Scenario;
import org.backsafe.screening.Disposition;
import org.backsafe.screening.Equipment;
import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.PainArea;
import org.backsafe.screening.PainDuration;
import org.backsafe.screening.PainPattern;
import org.backsafe.screening.PainProfile;
import org.backsafe.screening.Reason;
import org.backsafe.screening.Response;
import org.backsafe.screening.ScreeningRequest;
import org.backsafe.screening.ScreeningResult;
import org.backsafe.screening.Setting;
import org.backsafe.screening.Technique;
import org.backsafe.screening.TechniqueVerdict;
import org.backsafe.screening.Triage;
import org.backsafe.screening.UrgentAction;
import org.backsafe.screening.Verdict;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks the gate runs, each fed a result that breaks exactly one invariant: it must be named.
 * Results are built by hand here, since the real rules and fold cannot produce them.
 */
class SafetyInvariantsTests {

	static final Reason BECAUSE = new Reason("some-rule", "some source", null);

	@Test
	void aResultThatKeepsEveryInvariantPasses() {
		ScreeningRequest request = request(Map.of(HealthQuestion.EPILEPSY, Response.YES));
		ScreeningResult result = result(Disposition.PROCEED_WITH_CAUTION, Map.of(Technique.DEEP_TISSUE, Verdict.AVOID,
				Technique.SWEDISH, Verdict.RECOMMENDED));
		assertThat(SafetyInvariants.check(request, result)).isEmpty();
	}

	@Test
	void theRealRulesKeepEveryInvariantOnTheScenarios() {
		for (Scenario scenario : RealRules.ruleBase().scenarios()) {
			assertThat(SafetyInvariants.check(scenario.request(), RealRules.screen(scenario.request())))
				.as(scenario.where())
				.isEmpty();
		}
	}

	@Nested
	class NamesTheBrokenInvariant {

		@ParameterizedTest
		@EnumSource(names = { "SADDLE_NUMBNESS", "BLADDER_OR_BOWEL_CHANGE", "PROGRESSIVE_LEG_WEAKNESS", "MAJOR_TRAUMA",
				"BOTH_LEGS_AFFECTED", "LEG_CLOT_SIGNS", "CHEST_PAIN_OR_BREATHLESSNESS", "SUDDEN_SEVERE_PAIN",
				"NECK_WARNING_SIGNS" })
		void oneWhenARedFlagGivesLessThanUrgentCare(HealthQuestion redFlag) {
			assertThat(SafetyInvariants.check(request(Map.of(redFlag, Response.YES)),
					result(Disposition.SEE_DOCTOR, allAvoid())))
				.anyMatch((p) -> p.startsWith("1 ("));
		}

		@ParameterizedTest
		@EnumSource(names = { "CHEST_PAIN_OR_BREATHLESSNESS", "SUDDEN_SEVERE_PAIN" })
		void oneWhenChestPainOrASuddenSeverePainIsNotSentToTheEmergencyNumber(HealthQuestion redFlag) {
			ScreeningResult departmentOnly = new ScreeningResult(Disposition.URGENT_CARE,
					UrgentAction.GO_TO_EMERGENCY_DEPARTMENT, List.of(BECAUSE), verdicts(allAvoid()), List.of(), null,
					true, Set.of());
			assertThat(SafetyInvariants.check(request(Map.of(redFlag, Response.YES)), departmentOnly))
				.anyMatch((p) -> p.startsWith("1 (chest pain"));
			ScreeningResult call = new ScreeningResult(Disposition.URGENT_CARE, UrgentAction.CALL_EMERGENCY_NUMBER,
					List.of(BECAUSE), verdicts(allAvoid()), List.of(), null, true, Set.of());
			assertThat(SafetyInvariants.check(request(Map.of(redFlag, Response.YES)), call)).isEmpty();
		}

		@Test
		void oneWhenUrgentCareStillOffersATechnique() {
			Map<Technique, Verdict> verdicts = allAvoid();
			verdicts.put(Technique.STRETCHING, Verdict.MODIFY);
			assertThat(SafetyInvariants.check(request(Map.of(HealthQuestion.MAJOR_TRAUMA, Response.UNSURE)),
					result(Disposition.URGENT_CARE, verdicts, reasonAbout(HealthQuestion.MAJOR_TRAUMA))))
				.anyMatch((p) -> p.startsWith("1 ("));
		}

		@ParameterizedTest
		@EnumSource(names = { "OPEN_WOUND_OR_SKIN_INFECTION", "SEVERE_OSTEOPOROSIS", "BLOOD_CLOTTING_DISORDER",
				"RECENT_SURGERY", "RECENT_FRACTURE", "FEVER_OR_CONTAGIOUS_ILLNESS", "ANTICOAGULANT_MEDICATION",
				"SERIOUS_INJURY", "UNEXPLAINED_WEIGHT_LOSS", "CANCER", "PREGNANCY", "NIGHT_OR_REST_PAIN", "INFECTION_RISK",
				"DOCTOR_SAID_SUPERVISED_ONLY" })
		void twoWhenAReasonToSeeADoctorFirstStillOffersMassage(HealthQuestion question) {
			assertThat(SafetyInvariants.check(request(Map.of(question, Response.YES)),
					result(Disposition.PROCEED_WITH_CAUTION, Map.of(Technique.DEEP_TISSUE, Verdict.AVOID))))
				.anyMatch((p) -> p.startsWith("2 ("));
			assertThat(SafetyInvariants.check(request(Map.of(question, Response.YES)),
					result(Disposition.WAIT_UNTIL_WELL, allAvoid())))
				.as("waiting until well is not seeing a doctor first")
				.anyMatch((p) -> p.startsWith("2 (") && p.contains("at least SEE_DOCTOR"));
		}

		@Test
		void twoWhenAPassingIllnessStillOffersMassage() {
			ScreeningRequest cold = request(Map.of(HealthQuestion.COLD_OR_MINOR_ILLNESS, Response.YES));
			assertThat(SafetyInvariants.check(cold, result(Disposition.PROCEED_WITH_CAUTION, Map.of())))
				.anyMatch((p) -> p.startsWith("2 (a passing illness means at least WAIT_UNTIL_WELL"));
			Map<Technique, Verdict> oneOffered = allAvoid();
			oneOffered.put(Technique.HAND_MASSAGE, Verdict.SUITABLE);
			assertThat(SafetyInvariants.check(cold, result(Disposition.WAIT_UNTIL_WELL, oneOffered)))
				.anyMatch((p) -> p.startsWith("2 (") && p.contains("with techniques offered"))
				.anyMatch((p) -> p.equals("2 (no technique is offered at WAIT_UNTIL_WELL)"));
			assertThat(SafetyInvariants.check(cold, result(Disposition.WAIT_UNTIL_WELL, allAvoid()))).isEmpty();
			assertThat(SafetyInvariants.check(cold, result(Disposition.SEE_DOCTOR, allAvoid())))
				.as("more caution is allowed")
				.isEmpty();
		}

		@Test
		void twoWhenWorseningPainIsNotReferred() {
			ScreeningRequest worse = request(Map.of()).withWorseningPain();
			assertThat(SafetyInvariants.check(worse, result(Disposition.PROCEED, Map.of())))
				.anyMatch((p) -> p.startsWith("2 ("));
		}

		@Test
		void threeWhenANotSureAnswerIsNotSaidToCountAsYes() {
			ScreeningRequest unsure = request(Map.of(HealthQuestion.EPILEPSY, Response.UNSURE));
			Map<Technique, Verdict> verdicts = Map.of(Technique.DEEP_TISSUE, Verdict.AVOID);
			assertThat(SafetyInvariants.check(unsure, result(Disposition.PROCEED_WITH_CAUTION, verdicts)))
				.anyMatch((p) -> p.startsWith("3 (") && p.contains("EPILEPSY"));
			assertThat(SafetyInvariants.check(unsure, result(Disposition.PROCEED_WITH_CAUTION, verdicts,
					reasonAbout(HealthQuestion.SENSITIVE_SKIN))))
				.as("a not-sure reason about another question does not count")
				.anyMatch((p) -> p.startsWith("3 ("));
			assertThat(SafetyInvariants.check(unsure, result(Disposition.PROCEED_WITH_CAUTION, verdicts,
					reasonAbout(HealthQuestion.EPILEPSY))))
				.isEmpty();
		}

		@ParameterizedTest
		@EnumSource(names = { "SENSITIVE_SKIN", "SKIN_DISORDER", "CANCER", "EPILEPSY" })
		void fourWhenDeepTissueIsNotAvoided(HealthQuestion question) {
			assertThat(SafetyInvariants.check(request(Map.of(question, Response.YES)),
					result(Disposition.PROCEED_WITH_CAUTION, Map.of(Technique.DEEP_TISSUE, Verdict.MODIFY))))
				.anyMatch((p) -> p.startsWith("4 ("));
		}

		@ParameterizedTest
		@EnumSource(value = Technique.class, names = { "HEAT_THERAPY", "HOT_STONE" })
		void fiveWhenHeatIsNotAvoidedOnAnInflamedAreaOrNumbSkin(Technique heat) {
			Map<Technique, Verdict> verdicts = new EnumMap<>(Technique.class);
			verdicts.put(Technique.HEAT_THERAPY, Verdict.AVOID);
			verdicts.put(Technique.HOT_STONE, Verdict.AVOID);
			verdicts.put(heat, Verdict.MODIFY);
			for (HealthQuestion noHeat : List.of(HealthQuestion.INFLAMED_OR_INJURED_AREA, HealthQuestion.REDUCED_SENSATION)) {
				assertThat(SafetyInvariants.check(request(Map.of(noHeat, Response.YES)),
						result(Disposition.PROCEED_WITH_CAUTION, verdicts)))
					.as(noHeat.name())
					.containsExactly("5 (an inflamed or injured area, or numb skin, means " + heat + " AVOID): gave MODIFY");
			}
		}

		@Test
		void sixWhenSomethingIsRecommendedBeforeADoctorHasBeenSeen() {
			assertThat(SafetyInvariants.check(request(Map.of()),
					result(Disposition.SEE_DOCTOR, Map.of(Technique.SWEDISH, Verdict.RECOMMENDED))))
				.anyMatch((p) -> p.startsWith("6 ("));
		}

		@Test
		void sevenWhenOneMoreYesLowersTheDispositionOrLiftsARestriction() {
			ScreeningResult before = result(Disposition.PROCEED_WITH_CAUTION,
					Map.of(Technique.DEEP_TISSUE, Verdict.AVOID, Technique.SWEDISH, Verdict.MODIFY));
			assertThat(SafetyInvariants.checkMonotone(before, result(Disposition.PROCEED, Map.of())))
				.anyMatch((p) -> p.startsWith("7 (") && p.contains("PROCEED_WITH_CAUTION to PROCEED"))
				.anyMatch((p) -> p.startsWith("7 (") && p.contains("DEEP_TISSUE went from AVOID to SUITABLE"))
				.anyMatch((p) -> p.startsWith("7 (") && p.contains("SWEDISH went from MODIFY to SUITABLE"));
			assertThat(SafetyInvariants.checkMonotone(before, result(Disposition.SEE_DOCTOR, allAvoid())))
				.as("more caution is always allowed")
				.isEmpty();
		}

		@ParameterizedTest
		@EnumSource(value = Technique.class, names = { "DEEP_TISSUE", "TRIGGER_POINT", "FOAM_ROLLING", "MASSAGE_BALL",
				"TENNIS_BALL" })
		void tenWhenSeverePainStillRecommendsAFirmOrRollingTechnique(Technique firm) {
			ScreeningRequest severe = withSeverity(request(Map.of()), 7);
			assertThat(SafetyInvariants.check(severe, result(Disposition.PROCEED, Map.of(firm, Verdict.RECOMMENDED))))
				.containsExactly("10 (severe pain means " + firm + " is not RECOMMENDED)");
			assertThat(SafetyInvariants.check(withSeverity(request(Map.of()), 6),
					result(Disposition.PROCEED, Map.of(firm, Verdict.RECOMMENDED))))
				.as("6 is not severe")
				.isEmpty();
			assertThat(SafetyInvariants.check(severe,
					result(Disposition.PROCEED_WITH_CAUTION, Map.of(firm, Verdict.MODIFY))))
				.isEmpty();
		}

		@Test
		void threeWhenNotSureIsLessCautiousThanYes() {
			ScreeningResult yes = result(Disposition.SEE_DOCTOR, allAvoid());
			assertThat(SafetyInvariants.checkUnsureAtLeastYes(yes, result(Disposition.PROCEED_WITH_CAUTION, Map.of())))
				.isNotEmpty()
				.allMatch((p) -> p.startsWith("3 ("));
		}

		@Test
		void eightWhenAFailedScreeningOffersATechnique() {
			List<TechniqueVerdict> techniques = verdicts(Map.of());
			ScreeningResult failed = new ScreeningResult(Disposition.SEE_DOCTOR, null, List.of(BECAUSE), techniques,
					List.of(), null, false, Set.of());
			assertThat(SafetyInvariants.check(request(Map.of()), failed)).anyMatch((p) -> p.startsWith("8 ("));
			assertThat(SafetyInvariants.check(request(Map.of()), Triage.failed(null)))
				.as("the real fail-safe result")
				.isEmpty();
		}

		@Test
		void nineWhenAVerdictHasNoReasonOrAReasonNoSource() {
			List<TechniqueVerdict> techniques = new ArrayList<>(verdicts(Map.of()));
			techniques.set(Technique.SWEDISH.ordinal(),
					new TechniqueVerdict(Technique.SWEDISH, Verdict.MODIFY, false, List.of(), List.of()));
			techniques.set(Technique.SHIATSU.ordinal(), new TechniqueVerdict(Technique.SHIATSU, Verdict.AVOID, false,
					List.of(new Reason("shiatsu-rule", " ", null)), List.of()));
			ScreeningResult result = new ScreeningResult(Disposition.PROCEED_WITH_CAUTION, null, List.of(), techniques,
					List.of(), null, true, Set.of());
			assertThat(SafetyInvariants.check(request(Map.of()), result))
				.anyMatch((p) -> p.startsWith("9 (") && p.contains("SWEDISH is MODIFY without one"))
				.anyMatch((p) -> p.startsWith("9 (") && p.contains("SHIATSU has"))
				.anyMatch((p) -> p.startsWith("9 (every disposition other than PROCEED has a reason"));
		}

	}

	static ScreeningRequest request(Map<HealthQuestion, Response> answers) {
		return new ScreeningRequest(45, answers, new PainProfile(EnumSet.of(PainArea.LOWER_BACK), PainDuration.CHRONIC, 4,
				false, EnumSet.noneOf(PainPattern.class)), Setting.SELF, EnumSet.noneOf(Equipment.class));
	}

	static ScreeningRequest withSeverity(ScreeningRequest request, int severity) {
		PainProfile p = request.pain();
		return new ScreeningRequest(request.age(), request.answers(),
				new PainProfile(p.areas(), p.duration(), severity, p.worsening(), p.patterns()), request.setting(),
				request.equipment());
	}

	static Map<Technique, Verdict> allAvoid() {
		Map<Technique, Verdict> verdicts = new EnumMap<>(Technique.class);
		for (Technique t : Technique.values()) {
			verdicts.put(t, Verdict.AVOID);
		}
		return verdicts;
	}

	/** A completed result: the verdicts given, SUITABLE for the rest, each restriction with a reason. */
	static ScreeningResult result(Disposition disposition, Map<Technique, Verdict> given, Reason... reasons) {
		List<Reason> all = new ArrayList<>(List.of(BECAUSE));
		all.addAll(List.of(reasons));
		return new ScreeningResult(disposition, null, all, verdicts(given), List.of(), null, true, Set.of());
	}

	static List<TechniqueVerdict> verdicts(Map<Technique, Verdict> given) {
		List<TechniqueVerdict> techniques = new ArrayList<>();
		for (Technique t : Technique.values()) {
			Verdict verdict = given.getOrDefault(t, Verdict.SUITABLE);
			techniques.add(new TechniqueVerdict(t, verdict, false,
					verdict == Verdict.SUITABLE ? List.of() : List.of(BECAUSE), List.of()));
		}
		return techniques;
	}

	static Reason reasonAbout(HealthQuestion question) {
		return new Reason(SafetyInvariants.UNSURE_RULE, "Clinical pack: triage practice", question);
	}

}
