package org.backsafe.kiosk;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the clinic kiosk.
 *
 * @param idleTimeout how long the kiosk waits without a touch before it warns
 * @param warning how long the warning waits for a tap before the kiosk clears itself; at least 20
 * seconds (WCAG 2.2.1)
 * @param handoffTime how long the handoff screen with the reference code stays before the kiosk
 * returns to its start
 * @param retentionDays stored screenings older than this are purged
 * @param purgeInterval how often the purge runs
 */
@ConfigurationProperties("backsafe.kiosk")
public record KioskProperties(@DefaultValue("60s") Duration idleTimeout, @DefaultValue("30s") Duration warning,
		@DefaultValue("90s") Duration handoffTime, @DefaultValue("30") int retentionDays,
		@DefaultValue("1h") Duration purgeInterval) {

	static final Duration SHORTEST_WARNING = Duration.ofSeconds(20);

	public KioskProperties {
		if (idleTimeout.isNegative() || idleTimeout.isZero()) {
			throw new IllegalArgumentException("backsafe.kiosk.idle-timeout must be positive, was " + idleTimeout);
		}
		if (warning.compareTo(SHORTEST_WARNING) < 0) {
			throw new IllegalArgumentException(
					"backsafe.kiosk.warning must be at least 20s so a patient can ask for more time, was " + warning);
		}
		if (handoffTime.compareTo(SHORTEST_WARNING) < 0) {
			throw new IllegalArgumentException("backsafe.kiosk.handoff-time must be at least 20s, was " + handoffTime);
		}
		if (retentionDays < 1) {
			throw new IllegalArgumentException("backsafe.kiosk.retention-days must be 1 or more, was " + retentionDays);
		}
		if (purgeInterval.isNegative() || purgeInterval.isZero()) {
			throw new IllegalArgumentException("backsafe.kiosk.purge-interval must be positive, was " + purgeInterval);
		}
	}

	/** Idle time plus the warning: after this the server forgets the answers even if no page asks it to. */
	public Duration serverIdleLimit() {
		return this.idleTimeout.plus(this.warning);
	}

}
