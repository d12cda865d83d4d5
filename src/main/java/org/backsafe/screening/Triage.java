package org.backsafe.screening;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.backsafe.screening.facts.Finding;
import org.backsafe.screening.facts.Referral;
import org.backsafe.screening.facts.Restriction;
import org.backsafe.screening.facts.RuleOutput;

/**
 * Turns findings into a result. This fold, not the rules, holds the guarantees that must survive any
 * rule edit: the most severe referral wins, a restriction can only make a verdict more cautious, no
 * technique is offered when the person must wait until well or see a doctor first, an urgent result
 * always says what to do now and lists nothing that would contradict it, and a finding that does not
 * say which rule and source it came from fails the whole screening rather than being shown without a
 * reason.
 */
public final class Triage {

	/** Shown when the screening could not be completed: the fail-safe result. */
	public static final String NOT_COMPLETED = "screening-could-not-be-completed";

	/** Shown on each technique when a doctor must be seen first. */
	public static final String NO_TECHNIQUE_BEFORE_DOCTOR = "no-technique-before-doctor";

	/** Shown on each technique when urgent care is needed. */
	public static final String NO_TECHNIQUE_URGENT = "no-technique-urgent-care";

	/** Shown on each technique when the person should wait until a passing illness is over. */
	public static final String NO_TECHNIQUE_UNTIL_WELL = "no-technique-until-well";

	/** Shown when techniques are restricted but no rule referred the person. */
	public static final String SOME_TECHNIQUES_RESTRICTED = "some-techniques-restricted";

	/** The source of the reasons the fold itself gives. */
	public static final String SAFETY_DESIGN_SOURCE = "Triage practice (NHS Pathways): when in doubt, refer to a higher level of care";

	private static final Comparator<Reason> BY_RULE = Comparator.comparing(Reason::rule)
		.thenComparing((r) -> r.subject() == null ? "" : r.subject().name());

	private Triage() {
	}

	public static ScreeningResult fold(Findings findings, RuleBaseInfo ruleBase) {
		Stream.of(findings.referrals(), findings.restrictions(), findings.indications(), findings.advice(),
				findings.professionalOnly())
			.flatMap(Collection::stream)
			.forEach(Triage::requireStamped);

		Disposition disposition = Disposition.PROCEED;
		for (Referral referral : findings.referrals()) {
			disposition = disposition.mostSevere(referral.getLevel());
		}
		if (!findings.restrictions().isEmpty()) {
			disposition = disposition.mostSevere(Disposition.PROCEED_WITH_CAUTION);
		}

		UrgentAction urgentAction = null;
		if (disposition == Disposition.URGENT_CARE) {
			urgentAction = UrgentAction.GO_TO_EMERGENCY_DEPARTMENT;
			for (Referral referral : findings.referrals()) {
				if (referral.getUrgentAction() != null) {
					urgentAction = referral.getUrgentAction().mostUrgent(urgentAction);
				}
			}
		}

		List<Reason> reasons = referralReasons(findings.referrals(), disposition);
		if (reasons.isEmpty() && disposition != Disposition.PROCEED) {
			reasons = List.of(foldReason(SOME_TECHNIQUES_RESTRICTED));
		}

		List<TechniqueVerdict> techniques = new ArrayList<>();
		for (Technique technique : Technique.values()) {
			techniques.add(disposition.offersNoTechnique() ? withheld(technique, disposition, findings)
					: judged(technique, findings));
		}

		List<Reason> advice = findings.advice()
			.stream()
			.filter((a) -> a.getTechnique() == null)
			.map(Triage::reasonOf)
			.distinct()
			.sorted(BY_RULE)
			.toList();

		return new ScreeningResult(disposition, urgentAction, reasons, techniques, advice, ruleBase, true,
				findings.firedRules());
	}

	/** The result when anything went wrong: see a doctor, and no technique offered. */
	public static ScreeningResult failed(RuleBaseInfo ruleBase) {
		Reason notCompleted = foldReason(NOT_COMPLETED);
		List<TechniqueVerdict> techniques = Stream.of(Technique.values())
			.map((t) -> new TechniqueVerdict(t, Verdict.AVOID, false, List.of(notCompleted), List.of()))
			.toList();
		return new ScreeningResult(Disposition.SEE_DOCTOR, null, List.of(notCompleted), techniques, List.of(),
				ruleBase, false, Set.of());
	}

	private static TechniqueVerdict withheld(Technique technique, Disposition disposition, Findings findings) {
		Set<Reason> reasons = new LinkedHashSet<>();
		if (disposition == Disposition.URGENT_CARE) {
			// Nothing about massage later: the one thing to say is to get care now.
			return new TechniqueVerdict(technique, Verdict.AVOID, isProfessionalOnly(technique, findings),
					List.of(foldReason(NO_TECHNIQUE_URGENT)), List.of());
		}
		reasons.add(foldReason(disposition == Disposition.WAIT_UNTIL_WELL ? NO_TECHNIQUE_UNTIL_WELL
				: NO_TECHNIQUE_BEFORE_DOCTOR));
		// Keep the technique's own restrictions: they still hold once a doctor agrees, or once well.
		findings.restrictions()
			.stream()
			.filter((r) -> r.getTechnique() == technique)
			.forEach((r) -> reasons.addAll(reasonsOf(r)));
		return new TechniqueVerdict(technique, Verdict.AVOID, isProfessionalOnly(technique, findings),
				List.copyOf(reasons), List.of());
	}

	private static TechniqueVerdict judged(Technique technique, Findings findings) {
		Verdict verdict = Verdict.SUITABLE;
		Set<Reason> reasons = new LinkedHashSet<>();
		List<Restriction> restrictions = findings.restrictions()
			.stream()
			.filter((r) -> r.getTechnique() == technique)
			.sorted(Comparator.comparing(Restriction::getVerdict).reversed())
			.toList();
		for (Restriction restriction : restrictions) {
			verdict = verdict.mostCautious(restriction.getVerdict());
			reasons.addAll(reasonsOf(restriction));
		}
		List<Reason> indications = findings.indications()
			.stream()
			.filter((i) -> i.getTechnique() == technique)
			.map(Triage::reasonOf)
			.distinct()
			.sorted(BY_RULE)
			.toList();
		if (!indications.isEmpty() && restrictions.isEmpty()) {
			verdict = Verdict.RECOMMENDED;
		}
		// Why a technique would help is worth saying only where it may still be done.
		if (verdict.isAllowed()) {
			reasons.addAll(indications);
		}
		boolean professionalOnly = isProfessionalOnly(technique, findings);
		findings.professionalOnly()
			.stream()
			.filter((p) -> p.getTechnique() == technique)
			.forEach((p) -> reasons.add(reasonOf(p)));
		List<Reason> howTo = !verdict.isAllowed() ? List.of()
				: findings.advice()
					.stream()
					.filter((a) -> a.getTechnique() == technique)
					.map(Triage::reasonOf)
					.distinct()
					.sorted(BY_RULE)
					.toList();
		return new TechniqueVerdict(technique, verdict, professionalOnly, List.copyOf(reasons), howTo);
	}

	private static boolean isProfessionalOnly(Technique technique, Findings findings) {
		return findings.professionalOnly().stream().anyMatch((p) -> p.getTechnique() == technique);
	}

	/**
	 * Most severe first; a referral's cause (the specific answer) before the referral itself. Under an
	 * urgent result, reasons for a doctor's visit or for waiting are left out, since they would
	 * contradict "get care now"; notes about answers (at the cautious level) stay.
	 */
	private static List<Reason> referralReasons(List<Referral> referrals, Disposition disposition) {
		Map<Disposition, List<Referral>> byLevel = new EnumMap<>(Disposition.class);
		referrals.stream()
			.filter((r) -> disposition != Disposition.URGENT_CARE || r.getLevel() == Disposition.URGENT_CARE
					|| !r.getLevel().offersNoTechnique())
			.forEach((r) -> byLevel.computeIfAbsent(r.getLevel(), (l) -> new ArrayList<>()).add(r));
		Set<Reason> reasons = new LinkedHashSet<>();
		List<Disposition> levels = new ArrayList<>(byLevel.keySet());
		levels.sort(Comparator.reverseOrder());
		for (Disposition level : levels) {
			List<Referral> atLevel = byLevel.get(level);
			atLevel.stream()
				.filter((r) -> r.getCause() != null)
				.map((r) -> reasonsOf(r).get(0))
				.sorted(BY_RULE)
				.forEach(reasons::add);
			atLevel.stream().map(Triage::reasonOf).sorted(BY_RULE).forEach(reasons::add);
		}
		return List.copyOf(reasons);
	}

	private static List<Reason> reasonsOf(Finding finding) {
		if (finding.getCause() == null) {
			return List.of(reasonOf(finding));
		}
		requireStamped(finding.getCause());
		Reason cause = new Reason(finding.getCause().getRuleId(), finding.getCause().getSource(),
				finding.getCause().getSubject());
		return List.of(cause, reasonOf(finding));
	}

	private static Reason reasonOf(Finding finding) {
		return new Reason(finding.getRuleId(), finding.getSource(), finding.getSubject());
	}

	private static Reason foldReason(String rule) {
		return new Reason(rule, SAFETY_DESIGN_SOURCE, null);
	}

	private static void requireStamped(RuleOutput output) {
		if (!output.isStamped()) {
			throw new IllegalStateException("rule \"" + output.getRuleName() + "\" inserted a "
					+ output.getClass().getSimpleName() + " without an @id and @source");
		}
	}

}
