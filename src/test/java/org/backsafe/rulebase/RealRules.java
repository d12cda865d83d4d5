package org.backsafe.rulebase;

import java.nio.file.Path;

import org.backsafe.screening.ScreeningRequest;
import org.backsafe.screening.ScreeningResult;

/**
 * The rule base compiled from the real {@code rules/} folder of the repository, once per test run:
 * what the scenario and invariant tests screen on. Nothing stands in for the DRL files.
 */
public final class RealRules {

	/** The rules folder, relative to the project root where the build runs the tests. */
	public static final Path FOLDER = Path.of("rules");

	private static RuleBase ruleBase;

	private RealRules() {
	}

	public static synchronized RuleBase ruleBase() {
		if (ruleBase == null) {
			ruleBase = RuleBaseCompiler.compile(RuleFiles.fromFolder(FOLDER));
		}
		return ruleBase;
	}

	/** One screening on the real rules, as the service runs it but letting any failure through. */
	public static ScreeningResult screen(ScreeningRequest request) {
		return ruleBase().screen(request);
	}

}
