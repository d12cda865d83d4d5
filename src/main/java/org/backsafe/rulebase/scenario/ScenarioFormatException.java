package org.backsafe.rulebase.scenario;

/** A scenario file that cannot be read: it says where and what is wrong. */
public class ScenarioFormatException extends RuntimeException {

	private final int line;

	public ScenarioFormatException(int line, String message) {
		super(message);
		this.line = line;
	}

	public int line() {
		return this.line;
	}

}
