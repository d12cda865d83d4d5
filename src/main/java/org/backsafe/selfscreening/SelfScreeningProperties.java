package org.backsafe.selfscreening;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the self-screening form.
 *
 * @param sessionTimeout how long the answers are kept without a request; then they are gone
 * @param warning how long before the end the page warns and offers to keep going (at least 20
 * seconds, so that anyone can answer it: WCAG 2.2.1)
 */
@ConfigurationProperties("backsafe.selfscreening")
record SelfScreeningProperties(@DefaultValue("20m") Duration sessionTimeout, @DefaultValue("2m") Duration warning) {

	/** Whole minutes, for the page that says how long the answers were kept. */
	long sessionMinutes() {
		return Math.max(1, Math.round(this.sessionTimeout.toSeconds() / 60.0));
	}

}
