package org.backsafe.ruleversions;

import java.util.Optional;

import org.backsafe.rulebase.FailedAttempt;
import org.backsafe.rulebase.RuleBase;
import org.backsafe.rulebase.RuleBaseLoader;
import org.backsafe.rulebase.RuleProblem;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Whether this replica serves the rule version the database names as active: part of readiness.
 * A replica that cannot take up the active version keeps serving its last one, but is out of
 * service here, with the reasons, so that the load balancer sends requests to the others. While
 * it is still taking a new version up (seconds), it stays ready: it serves the version before.
 */
class ActiveRuleVersionHealthIndicator extends AbstractHealthIndicator {

	private final ActiveVersionWatcher watcher;

	private final RuleBaseLoader loader;

	ActiveRuleVersionHealthIndicator(ActiveVersionWatcher watcher, RuleBaseLoader loader) {
		super("The active rule version could not be checked");
		this.watcher = watcher;
		this.loader = loader;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		RuleBase serving = this.loader.holder().serving().orElse(null);
		Optional<String> active = this.watcher.active();
		if (serving != null) {
			builder.withDetail("serving", serving.version());
		}
		active.ifPresent((version) -> builder.withDetail("activeContent", version));
		this.loader.prepared().ifPresent((ready) -> builder.withDetail("ready", ready.version()));
		if (serving == null) {
			builder.outOfService().withDetail("reason", "no rule version serves on this replica");
			this.loader.holder().lastFailure().ifPresent((failure) -> problems(builder, failure));
			return;
		}
		Optional<String> failed = this.watcher.failedToTakeUp();
		if (failed.isPresent()) {
			builder.outOfService()
				.withDetail("reason", "this replica could not take up the active rule version; it still serves "
						+ serving.version());
			this.loader.holder().lastFailure().ifPresent((failure) -> problems(builder, failure));
			return;
		}
		this.watcher.unreadable().ifPresent((why) -> builder.withDetail("lastReadFailed", why));
		if (active.isPresent() && !active.get().equals(serving.files().contentVersion())) {
			builder.withDetail("takingUp", active.get());
		}
		builder.up();
	}

	private static void problems(Health.Builder builder, FailedAttempt failure) {
		builder.withDetail("problems", failure.problems().stream().map(RuleProblem::toString).toList());
	}

}
