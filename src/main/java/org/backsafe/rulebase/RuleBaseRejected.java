package org.backsafe.rulebase;

import java.util.List;
import java.util.stream.Collectors;

/** A candidate rule base failed to compile or failed the safety gate. */
public class RuleBaseRejected extends RuntimeException {

	private final transient List<RuleProblem> problems;

	private final transient ImpactReport impact;

	public RuleBaseRejected(List<RuleProblem> problems) {
		this(problems, null);
	}

	public RuleBaseRejected(List<RuleProblem> problems, ImpactReport impact) {
		super(problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
		this.problems = List.copyOf(problems);
		this.impact = impact;
	}

	/** What the candidate would have changed, when it got as far as the comparison; else null. */
	public ImpactReport impact() {
		return this.impact;
	}

	public List<RuleProblem> problems() {
		return this.problems;
	}

}
