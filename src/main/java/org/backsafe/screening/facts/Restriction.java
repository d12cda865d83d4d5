package org.backsafe.screening.facts;

import java.util.Objects;

import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.Technique;
import org.backsafe.screening.Verdict;

/** A technique must be avoided, or done only with the change the rule's wording states. */
public final class Restriction extends Finding {

	private final Technique technique;

	private final Verdict verdict;

	public Restriction(Technique technique, Verdict verdict) {
		if (verdict != Verdict.AVOID && verdict != Verdict.MODIFY) {
			throw new IllegalArgumentException("a restriction is AVOID or MODIFY, not " + verdict);
		}
		this.technique = Objects.requireNonNull(technique, "technique");
		this.verdict = verdict;
	}

	public Restriction(Technique technique, Verdict verdict, HealthQuestion subject) {
		this(technique, verdict);
		setSubject(subject);
	}

	public Technique getTechnique() {
		return this.technique;
	}

	public Verdict getVerdict() {
		return this.verdict;
	}

}
