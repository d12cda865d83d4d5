package org.backsafe.screening.facts;

import org.backsafe.screening.PainPattern;

public final class ReportedPattern {

	private final PainPattern pattern;

	public ReportedPattern(PainPattern pattern) {
		this.pattern = pattern;
	}

	public PainPattern getPattern() {
		return this.pattern;
	}

}
