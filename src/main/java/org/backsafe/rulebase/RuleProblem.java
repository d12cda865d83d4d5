package org.backsafe.rulebase;

/**
 * One thing wrong with a candidate rule base, where it is known: the file, line and column of a
 * compile error, or the scenario or invariant that failed.
 */
public record RuleProblem(Kind kind, String file, int line, int column, String message) {

	public enum Kind {

		/** The DRL or decision table does not compile, or the rule metadata is incomplete. */
		COMPILE,
		/** Wording or scenario files are missing or malformed. */
		CONTENT,
		/** A scenario's expectation was not met. */
		SCENARIO,
		/** A safety invariant was broken. */
		INVARIANT,
		/**
		 * The candidate makes some outcome less cautious than the serving rules do, without a
		 * reviewed acknowledgement; or an acknowledgement file cannot be used.
		 */
		IMPACT

	}

	public static RuleProblem of(Kind kind, String file, String message) {
		return new RuleProblem(kind, file, 0, 0, message);
	}

	@Override
	public String toString() {
		StringBuilder where = new StringBuilder();
		if (this.file != null) {
			where.append(this.file);
			if (this.line > 0) {
				where.append(':').append(this.line);
				if (this.column > 0) {
					where.append(':').append(this.column);
				}
			}
			where.append(": ");
		}
		return "[" + this.kind + "] " + where + this.message;
	}

}
