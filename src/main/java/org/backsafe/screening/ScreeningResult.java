package org.backsafe.screening;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * The outcome of one screening. {@code urgentAction} says what to do now when the disposition is
 * {@code URGENT_CARE}, and is null otherwise. {@code techniques} always holds all twelve, in
 * {@link Technique} order. {@code completed} is false when the screening failed and the result is the fail-safe one.
 * {@code firedRules} lists the ids of the rules that fired, for scenario coverage; it is not shown.
 */
public record ScreeningResult(Disposition disposition, UrgentAction urgentAction, List<Reason> reasons, List<TechniqueVerdict> techniques,
		List<Reason> advice, RuleBaseInfo ruleBase, boolean completed, Set<String> firedRules) implements Serializable {

	public ScreeningResult {
		// Urgent care always says what to do now; a result stored before actions existed says the ED.
		if (disposition != Disposition.URGENT_CARE) {
			urgentAction = null;
		}
		else if (urgentAction == null) {
			urgentAction = UrgentAction.GO_TO_EMERGENCY_DEPARTMENT;
		}
		reasons = List.copyOf(reasons);
		techniques = List.copyOf(techniques);
		advice = List.copyOf(advice);
		firedRules = Set.copyOf(firedRules);
	}

	public TechniqueVerdict verdictOn(Technique technique) {
		return this.techniques.get(technique.ordinal());
	}

	public boolean offersAnyTechnique() {
		return this.techniques.stream().anyMatch((t) -> t.verdict().isAllowed());
	}

}
