package org.backsafe.rulebase;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

/**
 * The rule base that serves screenings, and the last candidate that was refused. A screening takes
 * one snapshot with {@link #serving()} and runs entirely on it, so a swap between requests is atomic
 * and never half-seen.
 */
@Component
public class CurrentRuleBase {

	private static final Log logger = LogFactory.getLog(CurrentRuleBase.class);

	private final AtomicReference<RuleBase> serving = new AtomicReference<>();

	private final AtomicReference<FailedAttempt> lastFailure = new AtomicReference<>();

	private final RuleBaseProperties properties;

	public CurrentRuleBase(RuleBaseProperties properties) {
		this.properties = properties;
		reload();
	}

	public Optional<RuleBase> serving() {
		return Optional.ofNullable(this.serving.get());
	}

	/** The last refused candidate, while no later one has been accepted. */
	public Optional<FailedAttempt> lastFailure() {
		return Optional.ofNullable(this.lastFailure.get());
	}

	/** The configured folder, or the packaged copy when that folder does not exist. */
	public RuleFiles readFiles() {
		return java.nio.file.Files.isDirectory(this.properties.dir()) ? RuleFiles.fromFolder(this.properties.dir())
				: RuleFiles.packaged();
	}

	/**
	 * Compiles the rules, runs the gate, and swaps the result in only if it passes. On failure the
	 * serving rule base stays, and the failure is kept and logged.
	 *
	 * @return true when the candidate was accepted
	 */
	public synchronized boolean reload() {
		RuleFiles files;
		try {
			files = readFiles();
		}
		catch (RuntimeException ex) {
			refuse(new FailedAttempt(Instant.now(), String.valueOf(this.properties.dir()), null,
					List.of(RuleProblem.of(RuleProblem.Kind.CONTENT, null, ex.getMessage()))));
			return false;
		}
		try {
			RuleBase candidate = RuleBaseGate.admit(RuleBaseCompiler.compile(files));
			this.serving.set(candidate);
			this.lastFailure.set(null);
			logger.info("Rule base " + candidate.version() + " serving from " + files.origin() + ": "
					+ candidate.rules().size() + " rules, " + candidate.scenarios().size() + " scenarios passed");
			return true;
		}
		catch (RuleBaseRejected ex) {
			refuse(new FailedAttempt(Instant.now(), files.origin(), files.version(), ex.problems()));
			return false;
		}
		catch (RuntimeException ex) {
			refuse(new FailedAttempt(Instant.now(), files.origin(), files.version(),
					List.of(RuleProblem.of(RuleProblem.Kind.COMPILE, null, String.valueOf(ex)))));
			return false;
		}
	}

	private void refuse(FailedAttempt attempt) {
		this.lastFailure.set(attempt);
		RuleBase current = this.serving.get();
		logger.error("Rule base " + attempt.version() + " from " + attempt.origin() + " refused; "
				+ (current != null ? "still serving " + current.version() : "no rule base is serving")
				+ ":\n  " + String.join("\n  ", attempt.problems().stream().map(RuleProblem::toString).toList()));
	}

}
