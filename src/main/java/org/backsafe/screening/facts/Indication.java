package org.backsafe.screening.facts;

import java.util.Objects;

import org.backsafe.screening.Technique;

/** The pain pattern points to this technique. It counts only when nothing restricts the technique. */
public final class Indication extends Finding {

	private final Technique technique;

	public Indication(Technique technique) {
		this.technique = Objects.requireNonNull(technique, "technique");
	}

	public Technique getTechnique() {
		return this.technique;
	}

}
