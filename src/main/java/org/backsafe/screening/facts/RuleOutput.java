package org.backsafe.screening.facts;

import org.backsafe.screening.HealthQuestion;
import org.kie.api.definition.rule.Rule;

/**
 * Anything a rule inserts. The engine stamps it with the id and source of the rule that inserted
 * it, read from the rule's metadata, so a finding can never lose where it came from.
 */
public abstract class RuleOutput {

	private HealthQuestion subject;

	private String ruleId;

	private String ruleName;

	private String source;

	/** The question this output is about, if any: the wording names it. */
	public HealthQuestion getSubject() {
		return this.subject;
	}

	public void setSubject(HealthQuestion subject) {
		this.subject = subject;
	}

	public String getRuleId() {
		return this.ruleId;
	}

	public String getRuleName() {
		return this.ruleName;
	}

	public String getSource() {
		return this.source;
	}

	public boolean isStamped() {
		return this.ruleId != null && this.source != null;
	}

	public void stampWith(Rule rule) {
		this.ruleName = rule.getName();
		this.ruleId = RuleMetadata.id(rule);
		this.source = RuleMetadata.source(rule);
	}

}
