package org.backsafe.fhir;

import java.util.List;

/**
 * A {@code QuestionnaireResponse} that cannot be screened, with every problem found in it (up to
 * {@link #MAX_NAMED} named, and how many there were): answered as a FHIR {@code OperationOutcome}.
 */
public class InvalidResponse extends RuntimeException {

	/** Problems named in one answer; thousands of bad items give this many and a count. */
	public static final int MAX_NAMED = 20;

	/**
	 * One problem: the issue type of FHIR's {@code issue-type} codes ({@code invalid},
	 * {@code required}, {@code value}, {@code structure}, {@code not-supported}), where it is as a
	 * FHIRPath expression, and what is wrong in words.
	 */
	public record Problem(String code, String expression, String message) {
	}

	private final transient List<Problem> problems;

	private final int count;

	private final boolean unreadable;

	public InvalidResponse(List<Problem> problems, int count) {
		this(problems, count, false);
	}

	private InvalidResponse(List<Problem> problems, int count, boolean unreadable) {
		super(count + " problem(s) in the QuestionnaireResponse");
		this.problems = List.copyOf(problems);
		this.count = count;
		this.unreadable = unreadable;
	}

	/** A body that is not a QuestionnaireResponse in FHIR JSON at all (HTTP 400, where the rest is 422). */
	public static InvalidResponse unreadable(Problem problem) {
		return new InvalidResponse(List.of(problem), 1, true);
	}

	public boolean isUnreadable() {
		return this.unreadable;
	}

	public List<Problem> problems() {
		return this.problems;
	}

	/** How many problems there were, named or not. */
	public int count() {
		return this.count;
	}

}
