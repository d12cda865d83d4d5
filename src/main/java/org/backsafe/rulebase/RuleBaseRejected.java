package org.backsafe.rulebase;

import java.util.List;
import java.util.stream.Collectors;

/** A candidate rule base failed to compile or failed the safety gate. */
public class RuleBaseRejected extends RuntimeException {

	private final transient List<RuleProblem> problems;

	public RuleBaseRejected(List<RuleProblem> problems) {
		super(problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
		this.problems = List.copyOf(problems);
	}

	public List<RuleProblem> problems() {
		return this.problems;
	}

}
