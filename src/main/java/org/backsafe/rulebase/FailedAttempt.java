package org.backsafe.rulebase;

import java.time.Instant;
import java.util.List;

/**
 * A candidate rule base that was refused, kept so the catalogue and health check can show why.
 *
 * @param impact what the candidate would have changed, when it got as far as the comparison with
 * the serving rules (it had passed the scenarios and invariants); null otherwise
 */
public record FailedAttempt(Instant at, String origin, String version, List<RuleProblem> problems,
		ImpactReport impact) {

	public FailedAttempt {
		problems = List.copyOf(problems);
	}

	public FailedAttempt(Instant at, String origin, String version, List<RuleProblem> problems) {
		this(at, origin, version, problems, null);
	}

}
