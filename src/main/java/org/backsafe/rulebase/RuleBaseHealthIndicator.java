package org.backsafe.rulebase;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * UP with the serving version; DOWN when no rule base serves (every screening then says "see a
 * doctor"); DEGRADED when the rules serve but the last edit was refused.
 */
@Component("ruleBase")
class RuleBaseHealthIndicator extends AbstractHealthIndicator {

	static final String DEGRADED = "DEGRADED";

	private final CurrentRuleBase current;

	RuleBaseHealthIndicator(CurrentRuleBase current) {
		this.current = current;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		this.current.serving().ifPresentOrElse((ruleBase) -> builder.up()
			.withDetail("version", ruleBase.version())
			.withDetail("loadedAt", ruleBase.info().loadedAt().toString())
			.withDetail("origin", ruleBase.files().origin())
			.withDetail("rules", ruleBase.rules().size())
			.withDetail("scenarios", ruleBase.scenarios().size()), builder::down);
		this.current.lastFailure().ifPresent((failure) -> {
			if (this.current.serving().isPresent()) {
				builder.status(DEGRADED);
			}
			builder.withDetail("lastFailure", failure.problems().stream().map(RuleProblem::toString).toList());
		});
	}

}
