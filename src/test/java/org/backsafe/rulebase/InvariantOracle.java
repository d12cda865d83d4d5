package org.backsafe.rulebase;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.backsafe.screening.Disposition;
import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.PainDuration;
import org.backsafe.screening.Reason;
import org.backsafe.screening.Response;
import org.backsafe.screening.ScreeningRequest;
import org.backsafe.screening.ScreeningResult;
import org.backsafe.screening.Technique;
import org.backsafe.screening.TechniqueVerdict;
import org.backsafe.screening.Triage;
import org.backsafe.screening.UrgentAction;
import org.backsafe.screening.Verdict;

import static org.backsafe.screening.HealthQuestion.ANTICOAGULANT_MEDICATION;
import static org.backsafe.screening.HealthQuestion.BLADDER_OR_BOWEL_CHANGE;
import static org.backsafe.screening.HealthQuestion.BLOOD_CLOTTING_DISORDER;
import static org.backsafe.screening.HealthQuestion.BOTH_LEGS_AFFECTED;
import static org.backsafe.screening.HealthQuestion.CANCER;
import static org.backsafe.screening.HealthQuestion.CHEST_PAIN_OR_BREATHLESSNESS;
import static org.backsafe.screening.HealthQuestion.COLD_OR_MINOR_ILLNESS;
import static org.backsafe.screening.HealthQuestion.DIZZINESS_OR_FAINTING;
import static org.backsafe.screening.HealthQuestion.DOCTOR_SAID_SUPERVISED_ONLY;
import static org.backsafe.screening.HealthQuestion.EPILEPSY;
import static org.backsafe.screening.HealthQuestion.FEVER_OR_CONTAGIOUS_ILLNESS;
import static org.backsafe.screening.HealthQuestion.HEART_CONDITION_OR_HIGH_BLOOD_PRESSURE;
import static org.backsafe.screening.HealthQuestion.INFECTION_RISK;
import static org.backsafe.screening.HealthQuestion.INFLAMED_OR_INJURED_AREA;
import static org.backsafe.screening.HealthQuestion.LEG_CLOT_SIGNS;
import static org.backsafe.screening.HealthQuestion.LONG_TERM_STEROIDS;
import static org.backsafe.screening.HealthQuestion.MAJOR_TRAUMA;
import static org.backsafe.screening.HealthQuestion.NECK_WARNING_SIGNS;
import static org.backsafe.screening.HealthQuestion.NIGHT_OR_REST_PAIN;
import static org.backsafe.screening.HealthQuestion.OIL_OR_LOTION_ALLERGY;
import static org.backsafe.screening.HealthQuestion.OPEN_WOUND_OR_SKIN_INFECTION;
import static org.backsafe.screening.HealthQuestion.OSTEOPOROSIS;
import static org.backsafe.screening.HealthQuestion.PAIN_AFTER_MINOR_FALL;
import static org.backsafe.screening.HealthQuestion.PREGNANCY;
import static org.backsafe.screening.HealthQuestion.PROGRESSIVE_LEG_WEAKNESS;
import static org.backsafe.screening.HealthQuestion.RECENT_FRACTURE;
import static org.backsafe.screening.HealthQuestion.RECENT_SURGERY;
import static org.backsafe.screening.HealthQuestion.REDUCED_SENSATION;
import static org.backsafe.screening.HealthQuestion.SADDLE_NUMBNESS;
import static org.backsafe.screening.HealthQuestion.SENSITIVE_SKIN;
import static org.backsafe.screening.HealthQuestion.SERIOUS_INJURY;
import static org.backsafe.screening.HealthQuestion.SEVERE_OSTEOPOROSIS;
import static org.backsafe.screening.HealthQuestion.SKIN_DISORDER;
import static org.backsafe.screening.HealthQuestion.SPINAL_SURGERY_OR_IMPLANT;
import static org.backsafe.screening.HealthQuestion.SUDDEN_SEVERE_PAIN;
import static org.backsafe.screening.HealthQuestion.UNEXPLAINED_WEIGHT_LOSS;

/**
 * The safety invariants of DESIGN section 4, written a second time, from the design and not from
 * {@link SafetyInvariants}, so that a mistake there cannot hide a broken rule base here. Each method
 * returns what is broken, one sentence each, empty when all holds.
 * <p>
 * Besides the ten invariants, it checks the outcomes DESIGN section 3 gives the version 2 answers
 * and the rules that read an answer with a number (age, a small fall, a pain score), each as a
 * lower bound: "at least SEE_DOCTOR", "at least MODIFY", "AVOID". A rule base may be more cautious
 * than these, never less. Thresholds and code lists are copied from the design's words, not from
 * the rules.
 */
public final class InvariantOracle {

	/** Invariant 1: the red flags of the clinical pack, four of version 1 and five of version 2. */
	static final Set<HealthQuestion> RED_FLAGS = EnumSet.of(SADDLE_NUMBNESS, BLADDER_OR_BOWEL_CHANGE,
			PROGRESSIVE_LEG_WEAKNESS, MAJOR_TRAUMA, BOTH_LEGS_AFFECTED, LEG_CLOT_SIGNS, CHEST_PAIN_OR_BREATHLESSNESS,
			SUDDEN_SEVERE_PAIN, NECK_WARNING_SIGNS);

	/** DESIGN section 3: the red flags for which the advice is the emergency number, not a department. */
	static final Set<HealthQuestion> CALL_THE_NUMBER = EnumSet.of(CHEST_PAIN_OR_BREATHLESSNESS, SUDDEN_SEVERE_PAIN);

	/** Invariant 2: 001 "When to Avoid Massage", and the answers the design adds to it. */
	static final Set<HealthQuestion> NO_MASSAGE_BEFORE_DOCTOR = EnumSet.of(OPEN_WOUND_OR_SKIN_INFECTION,
			SEVERE_OSTEOPOROSIS, BLOOD_CLOTTING_DISORDER, RECENT_SURGERY, RECENT_FRACTURE, FEVER_OR_CONTAGIOUS_ILLNESS,
			ANTICOAGULANT_MEDICATION, SERIOUS_INJURY, UNEXPLAINED_WEIGHT_LOSS, CANCER, PREGNANCY, NIGHT_OR_REST_PAIN,
			INFECTION_RISK, DOCTOR_SAID_SUPERVISED_ONLY);

	/** Invariant 2: a passing illness, no technique today. */
	static final Set<HealthQuestion> NO_MASSAGE_TODAY = EnumSet.of(COLD_OR_MINOR_ILLNESS);

	/** Invariant 5: no heat on these. */
	static final Set<HealthQuestion> NO_HEAT = EnumSet.of(INFLAMED_OR_INJURED_AREA, REDUCED_SENSATION);

	/** Invariant 10: never RECOMMENDED with pain of 7 or more. */
	static final Set<Technique> FIRM_OR_ROLLING = EnumSet.of(Technique.DEEP_TISSUE, Technique.TRIGGER_POINT,
			Technique.FOAM_ROLLING, Technique.MASSAGE_BALL, Technique.TENNIS_BALL);

	/** Invariant 4: 000 "Deep Tissue Massage". */
	static final Set<HealthQuestion> NO_DEEP_TISSUE = EnumSet.of(SENSITIVE_SKIN, SKIN_DISORDER, CANCER, EPILEPSY);

	/** Section 3: a small fall matters at this age or over, or with one of {@link #FRAGILE_BONES}. */
	static final int MINOR_FALL_AGE = 50;

	/** Section 3: osteoporosis of any degree and long-term steroids, for a small fall. */
	static final Set<HealthQuestion> FRAGILE_BONES = EnumSet.of(OSTEOPOROSIS, SEVERE_OSTEOPOROSIS, LONG_TERM_STEROIDS);

	/** Section 3: under this age, a doctor first. */
	static final int CHILD_UNDER = 16;

	/** Section 3: from {@link #CHILD_UNDER} to under this age, a doctor first when the pain has lasted 6 weeks or more. */
	static final int YOUNG_PERSON_UNDER = 20;

	/** Section 3 and invariant 10: severe pain from this score up. */
	static final int SEVERE_PAIN = 7;

	/** Section 3: the bleeding risk, which besides the referral restricts firm pressure and rolling on each card. */
	static final Set<HealthQuestion> BLEEDING_RISK = EnumSet.of(BLOOD_CLOTTING_DISORDER, ANTICOAGULANT_MEDICATION);

	/** Section 3, the version 2 table, and the epilepsy change: techniques that must be at least MODIFY. */
	static final Map<HealthQuestion, Set<Technique>> AT_LEAST_MODIFY = new EnumMap<>(HealthQuestion.class);

	/** Section 3: techniques that must be AVOID (beyond invariants 4 and 5). */
	static final Map<HealthQuestion, Set<Technique>> MUST_AVOID = new EnumMap<>(HealthQuestion.class);

	static {
		Set<Technique> rolling = EnumSet.of(Technique.FOAM_ROLLING, Technique.MASSAGE_BALL, Technique.TENNIS_BALL);
		Set<Technique> heat = EnumSet.of(Technique.HEAT_THERAPY, Technique.HOT_STONE);
		// "pressure and rolling techniques MODIFY (light pressure, check the skin)"
		AT_LEAST_MODIFY.put(REDUCED_SENSATION, FIRM_OR_ROLLING);
		// "as OSTEOPOROSIS for pressure and rolling; thin skin: friction MODIFY"
		AT_LEAST_MODIFY.put(LONG_TERM_STEROIDS, EnumSet.of(Technique.SWEDISH));
		// "HEAT_THERAPY and HOT_STONE MODIFY (warm not hot, short, get up slowly)"
		AT_LEAST_MODIFY.put(HEART_CONDITION_OR_HIGH_BLOOD_PRESSURE, heat);
		// "floor techniques (roller, balls) and hot baths MODIFY"
		Set<Technique> floorAndBath = EnumSet.copyOf(rolling);
		floorAndBath.add(Technique.HEAT_THERAPY);
		AT_LEAST_MODIFY.put(DIZZINESS_OR_FAINTING, floorAndBath);
		// "roller, balls and deep tissue MODIFY (keep off the scar and hardware); no heat over an implanted device"
		Set<Technique> scarAndDevice = EnumSet.copyOf(rolling);
		scarAndDevice.add(Technique.DEEP_TISSUE);
		scarAndDevice.addAll(heat);
		AT_LEAST_MODIFY.put(SPINAL_SURGERY_OR_IMPLANT, scarAndDevice);
		// "SWEDISH and HOT_STONE MODIFY (oil-free, or tell the therapist)"
		AT_LEAST_MODIFY.put(OIL_OR_LOTION_ALLERGY, EnumSet.of(Technique.SWEDISH, Technique.HOT_STONE));
		// "Epilepsy: heat by a bath alone MODIFY (a pad or a shower instead)"
		AT_LEAST_MODIFY.put(EPILEPSY, EnumSet.of(Technique.HEAT_THERAPY));
		// Osteoporosis: "very gentle massage only; no deep pressure, no rolling on bone"; steroids as osteoporosis.
		Set<Technique> noDeepPressureNoRolling = EnumSet.copyOf(rolling);
		noDeepPressureNoRolling.add(Technique.DEEP_TISSUE);
		MUST_AVOID.put(OSTEOPOROSIS, noDeepPressureNoRolling);
		MUST_AVOID.put(LONG_TERM_STEROIDS, noDeepPressureNoRolling);
	}

	static final String UNSURE_REASON = "unsure-counts-as-yes";

	/** DESIGN section 5: the line that the screening does not replace a doctor. */
	static final String DOCTOR_LINE = "ask-a-doctor-when-in-doubt";

	private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"));

	private final RuleBase ruleBase;

	/** Each reason's wording is looked up once; shared by the threads of a parallel proof. */
	private final Set<String> wordingChecked = ConcurrentHashMap.newKeySet();

	public InvariantOracle(RuleBase ruleBase) {
		this.ruleBase = ruleBase;
	}

	/**
	 * Invariants 1 to 6 and 8 to 10 on one answer set, plus the doctor line of section 5, what an
	 * urgent result must say (section 2), and the outcomes of section 3 as lower bounds.
	 */
	public List<String> violations(ScreeningRequest request, ScreeningResult result) {
		List<String> broken = new ArrayList<>();
		Set<HealthQuestion> raised = request.answers().keySet();
		Disposition disposition = result.disposition();
		boolean anyAllowed = result.techniques().stream().anyMatch((t) -> t.verdict() != Verdict.AVOID);

		if (result.techniques().size() != 12) {
			broken.add("all 12 techniques are listed: got " + result.techniques().size());
			return broken;
		}
		for (Technique t : Technique.values()) {
			if (result.techniques().get(t.ordinal()).technique() != t) {
				broken.add("techniques are listed in order: " + t + " is not at " + t.ordinal());
			}
		}
		if (raised.stream().anyMatch(RED_FLAGS::contains) && (disposition != Disposition.URGENT_CARE || anyAllowed)) {
			broken.add("invariant 1 (red flag: URGENT_CARE, every technique AVOID): got " + disposition
					+ (anyAllowed ? " with a technique allowed" : ""));
		}
		if (disposition == Disposition.URGENT_CARE) {
			if (result.urgentAction() == null) {
				broken.add("an urgent result says what to do now: no urgent action");
			}
			else if (raised.stream().anyMatch(CALL_THE_NUMBER::contains)
					&& result.urgentAction() != UrgentAction.CALL_EMERGENCY_NUMBER) {
				broken.add("chest pain or a sudden severe pain means calling the emergency number: got "
						+ result.urgentAction());
			}
		}
		else if (result.urgentAction() != null) {
			broken.add("only an urgent result has an urgent action: got " + result.urgentAction() + " with "
					+ disposition);
		}
		boolean doctorFirst = request.pain().worsening() || raised.stream().anyMatch(NO_MASSAGE_BEFORE_DOCTOR::contains);
		if (doctorFirst && (caution(disposition) < caution(Disposition.SEE_DOCTOR) || anyAllowed)) {
			broken.add("invariant 2 (at least SEE_DOCTOR, every technique AVOID): got " + disposition
					+ (anyAllowed ? " with a technique allowed" : ""));
		}
		if (raised.stream().anyMatch(NO_MASSAGE_TODAY::contains)
				&& (caution(disposition) < caution(Disposition.WAIT_UNTIL_WELL) || anyAllowed)) {
			broken.add("invariant 2 (at least WAIT_UNTIL_WELL, every technique AVOID): got " + disposition
					+ (anyAllowed ? " with a technique allowed" : ""));
		}
		request.answers().forEach((question, response) -> {
			if (response == Response.UNSURE && result.reasons()
				.stream()
				.noneMatch((r) -> UNSURE_REASON.equals(r.rule()) && r.subject() == question)) {
				broken.add("invariant 3 (not sure counts as yes, and the reason says so): no " + UNSURE_REASON
						+ " reason about " + question);
			}
		});
		if (raised.stream().anyMatch(NO_DEEP_TISSUE::contains) && verdict(result, Technique.DEEP_TISSUE) != Verdict.AVOID) {
			broken.add("invariant 4 (DEEP_TISSUE AVOID): got " + verdict(result, Technique.DEEP_TISSUE));
		}
		if (raised.stream().anyMatch(NO_HEAT::contains)) {
			for (Technique heat : List.of(Technique.HEAT_THERAPY, Technique.HOT_STONE)) {
				if (verdict(result, heat) != Verdict.AVOID) {
					broken.add("invariant 5 (" + heat + " AVOID): got " + verdict(result, heat));
				}
			}
		}
		boolean recommends = result.techniques().stream().anyMatch((t) -> t.verdict() == Verdict.RECOMMENDED);
		if (recommends && disposition != Disposition.PROCEED && disposition != Disposition.PROCEED_WITH_CAUTION) {
			broken.add("invariant 6 (RECOMMENDED only with PROCEED or PROCEED_WITH_CAUTION): got " + disposition);
		}
		if (caution(disposition) >= caution(Disposition.WAIT_UNTIL_WELL) && anyAllowed) {
			broken.add("no technique is offered when waiting until well or a doctor must be seen first: got "
					+ disposition);
		}
		if (request.pain().severity() >= SEVERE_PAIN) {
			for (Technique firm : FIRM_OR_ROLLING) {
				if (verdict(result, firm) == Verdict.RECOMMENDED) {
					broken.add("invariant 10 (severity 7 or more: " + firm + " not RECOMMENDED)");
				}
				else if (caution(verdict(result, firm)) < caution(Verdict.MODIFY)) {
					broken.add("DESIGN section 3 (severe pain: " + firm + " at most MODIFY with light pressure): got "
							+ verdict(result, firm));
				}
			}
		}
		sectionThree(request, result, broken);
		if (disposition == Disposition.PROCEED && result.techniques()
			.stream()
			.anyMatch((t) -> t.verdict() == Verdict.MODIFY || t.verdict() == Verdict.AVOID)) {
			broken.add("PROCEED only when no technique is restricted");
		}
		if (!result.completed()) {
			broken.add("invariant 8: the screening did not complete on valid answers"
					+ (anyAllowed ? ", and still offered a technique" : ""));
		}
		for (TechniqueVerdict t : result.techniques()) {
			if (t.verdict() != Verdict.SUITABLE && t.reasons().isEmpty()) {
				broken.add("invariant 9 (every verdict but SUITABLE has a reason): " + t.technique() + " is "
						+ t.verdict() + " without one");
			}
		}
		if (disposition != Disposition.PROCEED && result.reasons().isEmpty()) {
			broken.add("invariant 9: " + disposition + " without a reason");
		}
		allReasons(result).forEach((reason) -> {
			if (blank(reason.rule()) || blank(reason.source())) {
				broken.add("invariant 9 (every finding has a rule id and a source): " + reason);
			}
			else if (this.wordingChecked.add(reason.rule())) {
				checkWording(reason.rule(), broken);
			}
		});
		if (result.advice().stream().noneMatch((r) -> DOCTOR_LINE.equals(r.rule()))) {
			broken.add("DESIGN section 5: the line that this does not replace a doctor (" + DOCTOR_LINE
					+ ") is missing");
		}
		return broken;
	}

	/** The outcomes DESIGN section 3 gives, each a lower bound. */
	private static void sectionThree(ScreeningRequest request, ScreeningResult result, List<String> broken) {
		Set<HealthQuestion> raised = request.answers().keySet();
		Disposition disposition = result.disposition();
		int age = request.age();
		boolean lasting = request.pain().duration() != PainDuration.ACUTE;
		if (age < CHILD_UNDER && caution(disposition) < caution(Disposition.SEE_DOCTOR)) {
			broken.add("DESIGN section 3 (under 16: a doctor first): got " + disposition + " at " + age);
		}
		if (age >= CHILD_UNDER && age < YOUNG_PERSON_UNDER && lasting
				&& caution(disposition) < caution(Disposition.SEE_DOCTOR)) {
			broken.add("DESIGN section 3 (16 to 19 with pain for 6 weeks or more: a doctor first): got " + disposition
					+ " at " + age + " with " + request.pain().duration() + " pain");
		}
		if (raised.contains(PAIN_AFTER_MINOR_FALL)
				&& (age >= MINOR_FALL_AGE || raised.stream().anyMatch(FRAGILE_BONES::contains))
				&& caution(disposition) < caution(Disposition.SEE_DOCTOR)) {
			broken.add("DESIGN section 3 (a small fall at 50 or over, or with fragile bones: SEE_DOCTOR): got "
					+ disposition + " at " + age);
		}
		for (HealthQuestion question : raised) {
			for (Technique t : AT_LEAST_MODIFY.getOrDefault(question, Set.of())) {
				if (caution(verdict(result, t)) < caution(Verdict.MODIFY)) {
					broken.add("DESIGN section 3 (" + question + ": " + t + " at least MODIFY): got " + verdict(result, t));
				}
			}
			for (Technique t : MUST_AVOID.getOrDefault(question, Set.of())) {
				if (verdict(result, t) != Verdict.AVOID) {
					broken.add("DESIGN section 3 (" + question + ": " + t + " AVOID): got " + verdict(result, t));
				}
			}
		}
		// The bleeding risk's own restrictions stay on the cards under a doctor's referral, so that the
		// result still says which to avoid once a doctor agrees. Under urgent care a card says only
		// that there is no massage.
		if (raised.stream().anyMatch(BLEEDING_RISK::contains) && disposition != Disposition.URGENT_CARE) {
			for (Technique firm : FIRM_OR_ROLLING) {
				TechniqueVerdict card = result.verdictOn(firm);
				if (card.verdict() != Verdict.AVOID || card.reasons().stream().allMatch(InvariantOracle::foldReason)) {
					broken.add("DESIGN section 3 (bleeding risk: " + firm + " carries its own restriction): got "
							+ card.verdict() + " with " + card.reasons().stream().map(Reason::rule).toList());
				}
			}
		}
	}

	/** A reason the fold gives by itself (for every card at a level that offers no technique), not a rule. */
	private static boolean foldReason(Reason reason) {
		return Triage.SAFETY_DESIGN_SOURCE.equals(reason.source());
	}

	/**
	 * Invariant 7 (and, for "not sure" against "yes", invariant 3): {@code more} is at least as cautious
	 * as {@code fewer}: the disposition is no less severe, no AVOID is lifted, and no MODIFY is relaxed.
	 */
	public static List<String> notLessCautious(String what, ScreeningResult fewer, ScreeningResult more) {
		List<String> broken = new ArrayList<>();
		if (caution(more.disposition()) < caution(fewer.disposition())) {
			broken.add(what + ": the disposition went down from " + fewer.disposition() + " to " + more.disposition());
		}
		else if (fewer.urgentAction() == UrgentAction.CALL_EMERGENCY_NUMBER
				&& more.urgentAction() != UrgentAction.CALL_EMERGENCY_NUMBER) {
			broken.add(what + ": the urgent action went down from " + fewer.urgentAction() + " to "
					+ more.urgentAction());
		}
		for (Technique t : Technique.values()) {
			Verdict before = verdict(fewer, t);
			Verdict after = verdict(more, t);
			if (before == Verdict.AVOID && after != Verdict.AVOID) {
				broken.add(what + ": " + t + " AVOID was lifted to " + after);
			}
			else if (before == Verdict.MODIFY && caution(after) < caution(Verdict.MODIFY)) {
				broken.add(what + ": " + t + " MODIFY was relaxed to " + after);
			}
		}
		return broken;
	}

	/** How cautious a disposition is, from the design's table, not from the enum's order. */
	static int caution(Disposition disposition) {
		return switch (disposition) {
			case PROCEED -> 0;
			case PROCEED_WITH_CAUTION -> 1;
			case WAIT_UNTIL_WELL -> 2;
			case SEE_DOCTOR -> 3;
			case URGENT_CARE -> 4;
		};
	}

	static int caution(Verdict verdict) {
		return switch (verdict) {
			case RECOMMENDED -> 0;
			case SUITABLE -> 1;
			case MODIFY -> 2;
			case AVOID -> 3;
		};
	}

	static Verdict verdict(ScreeningResult result, Technique technique) {
		return result.techniques()
			.stream()
			.filter((t) -> t.technique() == technique)
			.findFirst()
			.map(TechniqueVerdict::verdict)
			.orElseThrow(() -> new AssertionError(technique + " is missing from the result"));
	}

	/** An answer set written out in full, so a failure can be pasted into a scenario. */
	public static String describe(ScreeningRequest request) {
		List<String> yes = new ArrayList<>();
		List<String> unsure = new ArrayList<>();
		request.answers().forEach((q, r) -> (r == Response.YES ? yes : unsure).add(q.name()));
		return "age: " + request.age() + ", conditions: " + yes + ", unsure: " + unsure + ", pain: {areas: "
				+ new TreeSet<>(request.pain().areas()) + ", duration: " + request.pain().duration() + ", severity: "
				+ request.pain().severity() + ", worsening: " + request.pain().worsening() + ", patterns: "
				+ new TreeSet<>(request.pain().patterns()) + "}, setting: " + request.setting() + ", equipment: "
				+ new TreeSet<>(request.equipment());
	}

	private void checkWording(String rule, List<String> broken) {
		for (Locale language : LANGUAGES) {
			if (this.ruleBase.wording(rule, language).isEmpty() && !FoldWording.has(rule, language)) {
				broken.add("invariant 9: the reason " + rule + " has no words in " + language);
			}
		}
	}

	private static Stream<Reason> allReasons(ScreeningResult result) {
		return Stream.of(result.reasons().stream(), result.advice().stream(),
				result.techniques().stream().flatMap((t) -> Stream.concat(t.reasons().stream(), t.howTo().stream())))
			.flatMap((s) -> s);
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	/** The fold's own reasons are worded in the application's message bundle, not beside the rules. */
	static final class FoldWording {

		private static final Map<Locale, ResourceBundle> BUNDLES = new HashMap<>();

		static synchronized boolean has(String rule, Locale language) {
			ResourceBundle bundle = BUNDLES.computeIfAbsent(language, (l) -> ResourceBundle.getBundle("messages/engine",
					l, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
			return bundle.containsKey("reason." + rule) && !bundle.getString("reason." + rule).isBlank();
		}

	}

}
