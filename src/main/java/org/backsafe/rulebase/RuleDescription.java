package org.backsafe.rulebase;

import java.util.List;

import org.backsafe.screening.Technique;

/** One rule as the catalogue shows it: read from the compiled rule's name and metadata. */
public record RuleDescription(String id, String name, String file, int line, String source,
		List<Technique> techniques) {

	public RuleDescription {
		techniques = List.copyOf(techniques);
	}

}
