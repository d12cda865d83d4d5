package org.backsafe.kiosk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes stored kiosk screenings once they are older than the retention period. */
@Component
class RetentionPurge {

	private static final Log logger = LogFactory.getLog(RetentionPurge.class);

	private final KioskScreenings screenings;

	private final KioskProperties properties;

	private final Clock clock;

	@Autowired
	RetentionPurge(KioskScreenings screenings, KioskProperties properties) {
		this(screenings, properties, Clock.systemUTC());
	}

	RetentionPurge(KioskScreenings screenings, KioskProperties properties, Clock clock) {
		this.screenings = screenings;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(initialDelay = 10_000, fixedDelayString = "${backsafe.kiosk.purge-interval:1h}")
	void purge() {
		Instant cutoff = this.clock.instant().minus(Duration.ofDays(this.properties.retentionDays()));
		try {
			int count = this.screenings.purgeBefore(cutoff);
			logger.info("Retention purge: deleted " + count + " kiosk screening(s) older than "
					+ this.properties.retentionDays() + " days (before " + cutoff + ")");
		}
		catch (RuntimeException ex) {
			logger.error("Retention purge failed; it will run again in " + this.properties.purgeInterval(), ex);
		}
	}

}
