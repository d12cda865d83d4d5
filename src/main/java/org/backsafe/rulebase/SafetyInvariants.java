package org.backsafe.rulebase;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.backsafe.screening.Disposition;
import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.Reason;
import org.backsafe.screening.Response;
import org.backsafe.screening.ScreeningRequest;
import org.backsafe.screening.ScreeningResult;
import org.backsafe.screening.Technique;
import org.backsafe.screening.TechniqueVerdict;
import org.backsafe.screening.UrgentAction;
import org.backsafe.screening.Verdict;

/**
 * The safety invariants of DESIGN section 4, as checks on one answer set and its result (and, for
 * the two that compare, on a pair). Each broken invariant is described in a sentence that names it.
 */
public final class SafetyInvariants {

	/** The rule id a result must give when a "not sure" answer was treated as yes. */
	public static final String UNSURE_RULE = "unsure-counts-as-yes";

	/** Answers that mean a doctor first and no technique (invariant 2). Worsening pain too. */
	public static final Set<HealthQuestion> DOCTOR_FIRST = EnumSet.of(HealthQuestion.OPEN_WOUND_OR_SKIN_INFECTION,
			HealthQuestion.SEVERE_OSTEOPOROSIS, HealthQuestion.BLOOD_CLOTTING_DISORDER, HealthQuestion.RECENT_SURGERY,
			HealthQuestion.RECENT_FRACTURE, HealthQuestion.FEVER_OR_CONTAGIOUS_ILLNESS,
			HealthQuestion.ANTICOAGULANT_MEDICATION, HealthQuestion.SERIOUS_INJURY,
			HealthQuestion.UNEXPLAINED_WEIGHT_LOSS, HealthQuestion.CANCER, HealthQuestion.PREGNANCY,
			HealthQuestion.NIGHT_OR_REST_PAIN, HealthQuestion.INFECTION_RISK,
			HealthQuestion.DOCTOR_SAID_SUPERVISED_ONLY);

	/** Answers that mean waiting until well, at least, and no technique today (invariant 2). */
	public static final Set<HealthQuestion> WAIT_UNTIL_WELL = EnumSet.of(HealthQuestion.COLD_OR_MINOR_ILLNESS);

	/** Answers that rule out heat on the body (invariant 5). */
	public static final Set<HealthQuestion> NO_HEAT = EnumSet.of(HealthQuestion.INFLAMED_OR_INJURED_AREA,
			HealthQuestion.REDUCED_SENSATION);

	/** Red flags of the heart, lungs and aorta: the urgent action is to call the emergency number. */
	public static final Set<HealthQuestion> CALL_EMERGENCY_NUMBER = EnumSet.of(
			HealthQuestion.CHEST_PAIN_OR_BREATHLESSNESS, HealthQuestion.SUDDEN_SEVERE_PAIN);

	/** Severe pain, from this score up, rules out recommending firm and rolling techniques (invariant 10). */
	public static final int SEVERE_PAIN = 7;

	/** Techniques never RECOMMENDED with severe pain (invariant 10). */
	public static final Set<Technique> FIRM_OR_ROLLING = EnumSet.of(Technique.DEEP_TISSUE, Technique.TRIGGER_POINT,
			Technique.FOAM_ROLLING, Technique.MASSAGE_BALL, Technique.TENNIS_BALL);

	/** Answers that rule out deep tissue massage (invariant 4). */
	public static final Set<HealthQuestion> NO_DEEP_TISSUE = EnumSet.of(HealthQuestion.SENSITIVE_SKIN,
			HealthQuestion.SKIN_DISORDER, HealthQuestion.CANCER, HealthQuestion.EPILEPSY);

	/** Techniques that put heat on the body, ruled out by the answers of {@link #NO_HEAT} (invariant 5). */
	public static final Set<Technique> HEAT = EnumSet.of(Technique.HEAT_THERAPY, Technique.HOT_STONE);

	private SafetyInvariants() {
	}

	/** Invariants 1 to 6 and 8 to 10 on one answer set and its result. */
	public static List<String> check(ScreeningRequest request, ScreeningResult result) {
		List<String> broken = new ArrayList<>();
		Set<HealthQuestion> raised = request.answers().keySet();
		Disposition disposition = result.disposition();

		if (raised.stream().anyMatch(HealthQuestion::isWarningSign)
				&& (disposition != Disposition.URGENT_CARE || result.offersAnyTechnique())) {
			broken.add("1 (a red flag means URGENT_CARE and every technique AVOID): gave " + disposition);
		}
		if (raised.stream().anyMatch(CALL_EMERGENCY_NUMBER::contains) && disposition == Disposition.URGENT_CARE
				&& result.urgentAction() != UrgentAction.CALL_EMERGENCY_NUMBER) {
			broken.add("1 (chest pain, breathlessness or a sudden severe pain means calling the emergency number):"
					+ " gave " + result.urgentAction());
		}
		boolean doctorFirst = request.pain().worsening() || raised.stream().anyMatch(DOCTOR_FIRST::contains);
		if (doctorFirst && (!disposition.needsDoctorFirst() || result.offersAnyTechnique())) {
			broken.add("2 (this answer means at least SEE_DOCTOR and every technique AVOID): gave " + disposition
					+ (result.offersAnyTechnique() ? " with techniques offered" : ""));
		}
		if (raised.stream().anyMatch(WAIT_UNTIL_WELL::contains)
				&& (!disposition.offersNoTechnique() || result.offersAnyTechnique())) {
			broken.add("2 (a passing illness means at least WAIT_UNTIL_WELL and every technique AVOID): gave "
					+ disposition + (result.offersAnyTechnique() ? " with techniques offered" : ""));
		}
		if (disposition.offersNoTechnique() && result.offersAnyTechnique()) {
			broken.add("2 (no technique is offered at " + disposition + ")");
		}
		for (HealthQuestion q : raised) {
			if (request.answerTo(q) == Response.UNSURE && !hasReason(result.reasons(), UNSURE_RULE, q)) {
				broken.add("3 (a \"not sure\" answer counts as yes, and the reason says so): no " + UNSURE_RULE
						+ " reason for " + q);
			}
		}
		if (raised.stream().anyMatch(NO_DEEP_TISSUE::contains)
				&& result.verdictOn(Technique.DEEP_TISSUE).verdict() != Verdict.AVOID) {
			broken.add("4 (sensitive skin, a skin disorder, cancer or epilepsy means DEEP_TISSUE AVOID): gave "
					+ result.verdictOn(Technique.DEEP_TISSUE).verdict());
		}
		if (raised.stream().anyMatch(NO_HEAT::contains)) {
			for (Technique heat : HEAT) {
				if (result.verdictOn(heat).verdict() != Verdict.AVOID) {
					broken.add("5 (an inflamed or injured area, or numb skin, means " + heat + " AVOID): gave "
							+ result.verdictOn(heat).verdict());
				}
			}
		}
		if (disposition.offersNoTechnique()
				&& result.techniques().stream().anyMatch((t) -> t.verdict() == Verdict.RECOMMENDED)) {
			broken.add("6 (no technique RECOMMENDED unless the disposition is PROCEED or PROCEED_WITH_CAUTION)");
		}
		if (request.pain().severity() >= SEVERE_PAIN) {
			for (Technique firm : FIRM_OR_ROLLING) {
				if (result.verdictOn(firm).verdict() == Verdict.RECOMMENDED) {
					broken.add("10 (severe pain means " + firm + " is not RECOMMENDED)");
				}
			}
		}
		if (!result.completed() && result.offersAnyTechnique()) {
			broken.add("8 (a failed screening offers no technique)");
		}
		if (result.techniques().size() != Technique.values().length) {
			broken.add("every result lists all " + Technique.values().length + " techniques, this one "
					+ result.techniques().size());
		}
		for (TechniqueVerdict t : result.techniques()) {
			if (t.verdict() != Verdict.SUITABLE && t.reasons().isEmpty()) {
				broken.add("9 (every verdict other than SUITABLE has a reason): " + t.technique() + " is "
						+ t.verdict() + " without one");
			}
			t.reasons().stream().filter(SafetyInvariants::unsourced).findFirst().ifPresent((r) -> broken
				.add("9 (every finding has a rule id and a source): " + t.technique() + " has " + r));
		}
		result.reasons()
			.stream()
			.filter(SafetyInvariants::unsourced)
			.findFirst()
			.ifPresent((r) -> broken.add("9 (every finding has a rule id and a source): " + r));
		if (disposition != Disposition.PROCEED && result.reasons().isEmpty()) {
			broken.add("9 (every disposition other than PROCEED has a reason)");
		}
		return broken;
	}

	/**
	 * Invariant 7: with more answered yes, the disposition is no less severe and no AVOID is lifted. A
	 * MODIFY may become AVOID but not SUITABLE or RECOMMENDED.
	 */
	public static List<String> checkMonotone(ScreeningResult fewer, ScreeningResult more) {
		List<String> broken = new ArrayList<>();
		if (more.disposition().compareTo(fewer.disposition()) < 0) {
			broken.add("7 (answering yes to one more question never makes the disposition less severe): went from "
					+ fewer.disposition() + " to " + more.disposition());
		}
		for (Technique t : Technique.values()) {
			Verdict before = fewer.verdictOn(t).verdict();
			Verdict after = more.verdictOn(t).verdict();
			if (before == Verdict.AVOID && after != Verdict.AVOID
					|| before == Verdict.MODIFY && after.compareTo(Verdict.MODIFY) < 0) {
				broken.add("7 (one more yes never lifts a restriction): " + t + " went from " + before + " to "
						+ after);
			}
		}
		return broken;
	}

	/** Invariant 3: "not sure" is at least as cautious as "yes". */
	public static List<String> checkUnsureAtLeastYes(ScreeningResult yes, ScreeningResult unsure) {
		List<String> broken = new ArrayList<>();
		for (String problem : checkMonotone(yes, unsure)) {
			broken.add("3 (\"not sure\" counts as yes): compared with yes, " + problem);
		}
		return broken;
	}

	private static boolean hasReason(List<Reason> reasons, String rule, HealthQuestion subject) {
		return reasons.stream().anyMatch((r) -> rule.equals(r.rule()) && subject == r.subject());
	}

	private static boolean unsourced(Reason reason) {
		return reason.rule() == null || reason.rule().isBlank() || reason.source() == null
				|| reason.source().isBlank();
	}

}
