package org.backsafe.rulebase;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * UP with the serving version; DOWN when no rule base serves (every screening then says "see a
 * doctor"); DEGRADED when the rules serve but the last edit was refused, until a later edit is
 * accepted (or undoes the refused one).
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
		CurrentRuleBase.State state = this.current.state();
		RuleBase ruleBase = state.serving();
		if (ruleBase != null) {
			builder.up()
				.withDetail("version", ruleBase.version())
				.withDetail("loadedAt", ruleBase.info().loadedAt().toString())
				.withDetail("origin", ruleBase.files().origin())
				.withDetail("rules", ruleBase.rules().size())
				.withDetail("scenarios", ruleBase.scenarios().size());
		}
		else {
			builder.down();
		}
		FailedAttempt failure = state.lastFailure();
		if (failure != null) {
			if (ruleBase != null) {
				builder.status(DEGRADED);
			}
			builder.withDetail("lastFailure", failure.problems().stream().map(RuleProblem::toString).toList());
			builder.withDetail("lastFailureAt", failure.at().toString());
			if (failure.version() != null) {
				builder.withDetail("lastFailureVersion", failure.version());
			}
		}
	}

}
