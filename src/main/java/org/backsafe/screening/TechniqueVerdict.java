package org.backsafe.screening;

import java.io.Serializable;
import java.util.List;

/** The verdict on one technique, why, and (where it is allowed) how to do it safely. */
public record TechniqueVerdict(Technique technique, Verdict verdict, boolean professionalOnly, List<Reason> reasons,
		List<Reason> howTo) implements Serializable {

	public TechniqueVerdict {
		reasons = List.copyOf(reasons);
		howTo = List.copyOf(howTo);
	}

}
