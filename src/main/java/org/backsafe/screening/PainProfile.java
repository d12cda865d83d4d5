package org.backsafe.screening;

import java.util.Objects;
import java.util.Set;

/** The back pain as the person described it. */
public record PainProfile(Set<PainArea> areas, PainDuration duration, int severity, boolean worsening,
		Set<PainPattern> patterns) {

	public static final int MAX_SEVERITY = 10;

	public PainProfile {
		Objects.requireNonNull(duration, "duration");
		if (severity < 0 || severity > MAX_SEVERITY) {
			throw new IllegalArgumentException("severity must be 0 to " + MAX_SEVERITY + ", was " + severity);
		}
		areas = Set.copyOf(areas);
		patterns = Set.copyOf(patterns);
	}

}
