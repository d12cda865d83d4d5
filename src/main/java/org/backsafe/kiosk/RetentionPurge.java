package org.backsafe.kiosk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes stored kiosk screenings once they are older than the retention period. With several
 * replicas, one of them purges in each period: the lock is held for at least the interval, so a
 * replica whose turn comes while another's purge is recent skips it.
 */
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

	@Scheduled(initialDelayString = "${backsafe.kiosk.purge-initial-delay:10s}",
			fixedDelayString = "${backsafe.kiosk.purge-interval:1h}")
	@SchedulerLock(name = "retention-purge", lockAtLeastFor = "${backsafe.kiosk.purge-interval:1h}",
			lockAtMostFor = "${backsafe.kiosk.purge-interval:1h}")
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
