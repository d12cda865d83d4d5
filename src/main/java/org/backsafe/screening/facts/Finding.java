package org.backsafe.screening.facts;

/** What a deciding rule states. Only findings reach the result. */
public abstract class Finding extends RuleOutput {

	private Derived cause;

	/** The derived fact this finding acts on, if any; its reason is shown beside the finding's. */
	public Derived getCause() {
		return this.cause;
	}

	protected void setCause(Derived cause) {
		this.cause = cause;
	}

}
