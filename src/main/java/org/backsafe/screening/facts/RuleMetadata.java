package org.backsafe.screening.facts;

import org.kie.api.definition.rule.Rule;

/** Reads the {@code @id}, {@code @source} and {@code @technique} metadata every rule carries. */
public final class RuleMetadata {

	private RuleMetadata() {
	}

	public static String id(Rule rule) {
		return text(rule.getMetaData().get("id"));
	}

	public static String source(Rule rule) {
		return text(rule.getMetaData().get("source"));
	}

	public static String technique(Rule rule) {
		return text(rule.getMetaData().get("technique"));
	}

	/** The value as text, without the quotes Drools keeps on some values; null when blank. */
	public static String text(Object value) {
		if (value == null) {
			return null;
		}
		String text = value.toString().strip();
		if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
			text = text.substring(1, text.length() - 1);
		}
		return text.isBlank() ? null : text;
	}

}
