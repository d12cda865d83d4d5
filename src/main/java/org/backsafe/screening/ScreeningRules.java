package org.backsafe.screening;

import java.util.Optional;

/**
 * One compiled rule base as the screening side sees it: it screens answers, and says which version
 * it is. The rule base itself (its files, wording and gate) lives outside the core.
 */
public interface ScreeningRules {

	/**
	 * Screens one answer set: a fresh session, then the fold. Any failure is thrown; each caller
	 * decides what it means (the service fails safe, the gate reports it).
	 */
	ScreeningResult screen(ScreeningRequest request);

	/** Which version this is, and when it began to serve. */
	RuleBaseInfo info();

	default String version() {
		return info().version();
	}

	/** Which rule a thread stuck in these rules is running, read from its stack; empty if none is known. */
	Optional<String> whereStuck(StackTraceElement[] stack);

}
