package org.backsafe.rulebase;

import org.backsafe.screening.ScreeningService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * UP with the serving version; DOWN when no rule base serves (every screening then says "see a
 * doctor"), or when so many screenings never returned that every screening is answered "see a
 * doctor" at once; DEGRADED when the rules serve but the last edit was refused, until a later edit
 * is accepted (or undoes the refused one), and while any worker is stuck in a rule that never
 * returned (it may keep a core busy until a restart).
 */
@Component("ruleBase")
class RuleBaseHealthIndicator extends AbstractHealthIndicator {

	static final String DEGRADED = "DEGRADED";

	private final RuleBaseLoader loader;

	private final CurrentRuleBase current;

	private final ScreeningService screenings;

	@Autowired
	RuleBaseHealthIndicator(RuleBaseLoader loader, ScreeningService screenings) {
		this.loader = loader;
		this.current = loader.holder();
		this.screenings = screenings;
	}

	/** The rule base's health alone, without the screenings' workers. */
	RuleBaseHealthIndicator(RuleBaseLoader loader) {
		this(loader, null);
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		CurrentRuleBase.State state = this.current.state();
		RuleBase ruleBase = state.serving();
		boolean exhausted = this.screenings != null && this.screenings.exhausted();
		if (ruleBase != null && !exhausted) {
			builder.up();
		}
		else {
			builder.down();
		}
		if (ruleBase != null) {
			builder.withDetail("version", ruleBase.version())
				.withDetail("loadedAt", ruleBase.info().loadedAt().toString())
				.withDetail("origin", ruleBase.files().origin())
				.withDetail("rules", ruleBase.rules().size())
				.withDetail("scenarios", ruleBase.scenarios().size())
				.withDetail("gatePassed", ruleBase.gatePassed(this.loader.properties().checkAfterStart()));
		}
		FailedAttempt failure = state.lastFailure();
		if (failure != null) {
			builder.withDetail("lastFailure", failure.problems().stream().map(RuleProblem::toString).toList());
			builder.withDetail("lastFailureAt", failure.at().toString());
			if (failure.version() != null) {
				builder.withDetail("lastFailureVersion", failure.version());
			}
		}
		int gate = this.loader.abandonedGateWorkers();
		int screening = this.screenings != null ? this.screenings.abandonedWorkers() : 0;
		if (gate + screening > 0) {
			builder.withDetail("stuckWorkers", (gate > 0 ? gate + " of the gate" : "")
					+ (gate > 0 && screening > 0 ? ", " : "") + (screening > 0 ? screening + " of the screenings" : "")
					+ ": stuck in a rule that never returned, each may keep a core busy until the app restarts"
					+ (exhausted ? "; every screening is answered \"see a doctor\" until then" : ""));
		}
		if (ruleBase != null && !exhausted && (failure != null || gate + screening > 0)) {
			builder.status(DEGRADED);
		}
	}

}
