package org.backsafe.screening.facts;

import java.util.Objects;

import org.backsafe.screening.Disposition;
import org.backsafe.screening.HealthQuestion;

/** The person needs at least this level of care. */
public final class Referral extends Finding {

	private final Disposition level;

	public Referral(Disposition level) {
		this.level = Objects.requireNonNull(level, "level");
	}

	public Referral(Disposition level, Derived cause) {
		this(level);
		setCause(cause);
	}

	public Referral(Disposition level, HealthQuestion subject) {
		this(level);
		setSubject(subject);
	}

	public Disposition getLevel() {
		return this.level;
	}

}
