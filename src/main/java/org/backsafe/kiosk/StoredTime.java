package org.backsafe.kiosk;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Moments in the tables' {@code TIMESTAMP WITH TIME ZONE} columns, in UTC: H2 and PostgreSQL both
 * take and give an {@link OffsetDateTime} for them.
 */
public final class StoredTime {

	private StoredTime() {
	}

	/** A moment as a parameter; null stays null. */
	public static OffsetDateTime utc(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	/** A column's value as a moment; null stays null. */
	public static Instant instant(OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

}
