package org.backsafe.api;

import java.util.List;

/** The answers could not be accepted; each problem names its field. */
public class InvalidAnswers extends RuntimeException {

	private final transient List<FieldProblem> problems;

	public InvalidAnswers(List<FieldProblem> problems) {
		super(problems.size() + " field(s) invalid");
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

	/** One bad field: its JSON path and what is wrong, in words safe to show. */
	public record FieldProblem(String field, String message) {

	}

}
