package org.backsafe.screening;

import java.time.Duration;
import java.util.Optional;

/**
 * The core's one way to reach the rules that serve: the rule-base holder outside the core implements
 * it, so the core never depends on how rules are loaded, gated or swapped.
 */
public interface ServingRules {

	/**
	 * The rules serving now, one snapshot for a whole screening; empty when none could be loaded
	 * (then every screening is answered "see a doctor"). Waits, bounded, for the first load.
	 */
	Optional<? extends ScreeningRules> serving();

	/** How much CPU time one screening may use before it is answered fail-safe. */
	Duration screeningTimeout();

}
