package org.backsafe.screening.facts;

import org.backsafe.screening.Technique;

/**
 * Safety advice. Without a technique it is general advice; with one, it says how to do that
 * technique safely, and is shown only where the technique is allowed.
 */
public final class Advice extends Finding {

	private final Technique technique;

	public Advice() {
		this.technique = null;
	}

	public Advice(Technique technique) {
		this.technique = technique;
	}

	public Technique getTechnique() {
		return this.technique;
	}

}
