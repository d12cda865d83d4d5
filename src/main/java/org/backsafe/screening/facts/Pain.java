package org.backsafe.screening.facts;

import java.util.Set;

import org.backsafe.screening.PainArea;
import org.backsafe.screening.PainDuration;
import org.backsafe.screening.PainProfile;

/** The back pain, as a fact. Patterns are inserted apart, as {@link ReportedPattern}. */
public final class Pain {

	private final Set<PainArea> areas;

	private final PainDuration duration;

	private final int severity;

	private final boolean worsening;

	public Pain(PainProfile profile) {
		this.areas = profile.areas();
		this.duration = profile.duration();
		this.severity = profile.severity();
		this.worsening = profile.worsening();
	}

	public Set<PainArea> getAreas() {
		return this.areas;
	}

	public boolean isIn(PainArea area) {
		return this.areas.contains(area);
	}

	public PainDuration getDuration() {
		return this.duration;
	}

	public int getSeverity() {
		return this.severity;
	}

	public boolean isWorsening() {
		return this.worsening;
	}

}
