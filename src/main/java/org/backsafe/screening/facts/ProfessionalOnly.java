package org.backsafe.screening.facts;

import java.util.Objects;

import org.backsafe.screening.Technique;

/** A technique best left to a trained therapist when the person plans to massage themselves. */
public final class ProfessionalOnly extends Finding {

	private final Technique technique;

	public ProfessionalOnly(Technique technique) {
		this.technique = Objects.requireNonNull(technique, "technique");
	}

	public Technique getTechnique() {
		return this.technique;
	}

}
