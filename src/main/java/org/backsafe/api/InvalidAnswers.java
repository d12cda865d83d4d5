package org.backsafe.api;

import java.util.List;

/**
 * The answers could not be accepted; each problem names its field. However many fields are bad, at
 * most {@link #MAX_NAMED} are named and the rest only counted, so that an error never grows with
 * the input.
 */
public class InvalidAnswers extends RuntimeException {

	/** Each named problem lists the known codes (under 1 KiB); ten keep a refusal well under 16 KiB. */
	public static final int MAX_NAMED = 10;

	private final transient List<FieldProblem> problems;

	private final int count;

	/** Problems all named (at most {@link #MAX_NAMED} of them are kept). */
	public InvalidAnswers(List<FieldProblem> problems) {
		this(problems, problems.size());
	}

	/**
	 * @param problems the problems named, of which the first {@link #MAX_NAMED} are kept
	 * @param count how many problems there were in all, named or not
	 */
	public InvalidAnswers(List<FieldProblem> problems, int count) {
		super(count + " field(s) invalid");
		this.problems = List.copyOf(problems.subList(0, Math.min(problems.size(), MAX_NAMED)));
		this.count = Math.max(count, this.problems.size());
	}

	/** The problems named: the first {@link #MAX_NAMED} at most. */
	public List<FieldProblem> problems() {
		return this.problems;
	}

	/** How many problems there were in all, including those not named. */
	public int count() {
		return this.count;
	}

	/** One bad field: its JSON path and what is wrong, in words safe to show. */
	public record FieldProblem(String field, String message) {

	}

}
