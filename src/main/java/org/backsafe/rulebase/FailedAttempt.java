package org.backsafe.rulebase;

import java.time.Instant;
import java.util.List;

/** A candidate rule base that was refused, kept so the catalogue and health check can show why. */
public record FailedAttempt(Instant at, String origin, String version, List<RuleProblem> problems) {

	public FailedAttempt {
		problems = List.copyOf(problems);
	}

}
