package org.backsafe.screening.facts;

import java.util.Objects;

import org.backsafe.screening.Disposition;
import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.UrgentAction;

/**
 * The person needs at least this level of care. An urgent referral may say what to do now (an
 * emergency department, or the emergency number); the most urgent one stated wins.
 */
public final class Referral extends Finding {

	private final Disposition level;

	private final UrgentAction urgentAction;

	public Referral(Disposition level) {
		this(level, (UrgentAction) null);
	}

	public Referral(Disposition level, UrgentAction urgentAction) {
		this.level = Objects.requireNonNull(level, "level");
		if (urgentAction != null && level != Disposition.URGENT_CARE) {
			throw new IllegalArgumentException("only an URGENT_CARE referral says what to do now, not " + level);
		}
		this.urgentAction = urgentAction;
	}

	public Referral(Disposition level, Derived cause) {
		this(level);
		setCause(cause);
	}

	public Referral(Disposition level, UrgentAction urgentAction, Derived cause) {
		this(level, urgentAction);
		setCause(cause);
	}

	public Referral(Disposition level, HealthQuestion subject) {
		this(level);
		setSubject(subject);
	}

	public Disposition getLevel() {
		return this.level;
	}

	/** What to do now, for an urgent referral that says; otherwise null. */
	public UrgentAction getUrgentAction() {
		return this.urgentAction;
	}

}
