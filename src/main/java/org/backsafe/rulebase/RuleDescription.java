package org.backsafe.rulebase;

import java.util.List;

import org.backsafe.screening.Technique;

/**
 * One rule as the catalogue shows it: read from the compiled rule's name and metadata, and from its
 * text. {@code line} is the line of the DRL file, or the row of a decision table. {@code codes} are
 * the answer codes its conditions name (questions, patterns, durations, areas, equipment, and
 * "SELF", "worsening" or "unsure" where it reads those); {@code techniques} are those named in
 * {@code @technique} or in what it inserts.
 */
public record RuleDescription(String id, String name, String file, int line, String source, List<String> codes,
		List<Technique> techniques) {

	public RuleDescription {
		codes = List.copyOf(codes);
		techniques = List.copyOf(techniques);
	}

}
