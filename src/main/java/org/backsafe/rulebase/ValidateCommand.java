package org.backsafe.rulebase;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar backsafe.jar validate [--against <folder>] [folder]}: runs the same gate as a live
 * reload on a folder of rules, without starting a server, and prints what it found, with the impact
 * report: what the rules change against the rules that would be serving. Those are the copy packaged
 * in the jar (the rules a fresh start of this build serves when it has no folder), or the folder
 * given with {@code --against} (a checkout of what a clinic serves, say). Exit status 0 when the
 * running app would accept the rules, 1 when it would refuse them (an unacknowledged less cautious
 * change among the reasons), 2 when the command itself is wrong.
 */
public final class ValidateCommand {

	public static final String NAME = "validate";

	public static final int ACCEPTED = 0;

	public static final int REFUSED = 1;

	public static final int USAGE = 2;

	private static final Map<RuleProblem.Kind, String> HEADINGS = Map.of(RuleProblem.Kind.COMPILE,
			"Rules that do not compile, or lack an @id or @source", RuleProblem.Kind.CONTENT,
			"Wording or scenario files that cannot be used", RuleProblem.Kind.SCENARIO, "Scenarios that failed",
			RuleProblem.Kind.INVARIANT, "Safety invariants broken", RuleProblem.Kind.IMPACT,
			"Less cautious changes without an acknowledgement, and acknowledgements that cannot be used");

	private static final String USAGE_TEXT = "Usage: java -jar backsafe.jar validate [--against <rules folder>]"
			+ " [rules folder]   (default: ./rules, compared with the rules packaged in the jar)";

	private ValidateCommand() {
	}

	public static boolean isCommand(String[] args) {
		return args.length > 0 && NAME.equals(args[0]);
	}

	/** For {@code main}: keeps the rule engine's logging quiet so that only the report is printed. */
	public static int runFromCommandLine(String[] args) {
		((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
		return run(Arrays.asList(args).subList(1, args.length), System.out);
	}

	/**
	 * @param args {@code --against <folder>} optionally, then the folder to check, or nothing for ./rules
	 * @param out where the report goes
	 * @return the exit status
	 */
	public static int run(List<String> args, PrintStream out) {
		List<String> rest = new ArrayList<>(args);
		String against = null;
		if (!rest.isEmpty() && rest.get(0).equals("--against")) {
			if (rest.size() < 2) {
				out.println(USAGE_TEXT);
				return USAGE;
			}
			against = rest.get(1);
			rest = rest.subList(2, rest.size());
		}
		if (rest.size() > 1 || (rest.size() == 1 && rest.get(0).startsWith("-"))) {
			out.println(USAGE_TEXT);
			return USAGE;
		}
		Path folder = Path.of(rest.isEmpty() ? "rules" : rest.get(0)).toAbsolutePath().normalize();
		if (!Files.isDirectory(folder)) {
			out.println("There is no folder " + folder + ". Give the rules folder, e.g. validate rules");
			return USAGE;
		}
		RuleBase serving;
		try {
			serving = RuleBaseCompiler.compile(against != null ? RuleFiles.fromFolder(checked(against))
					: RuleFiles.packaged());
		}
		catch (IllegalArgumentException ex) {
			out.println(ex.getMessage());
			return USAGE;
		}
		catch (RuntimeException | StackOverflowError ex) {
			out.println("The rules to compare with (" + (against != null ? against : "the packaged copy")
					+ ") cannot be used: " + ex.getMessage());
			return USAGE;
		}
		long started = System.nanoTime();
		out.println("Checking the rules in " + folder);
		RuleFiles files;
		try {
			files = RuleFiles.fromFolder(folder);
		}
		catch (RuntimeException ex) {
			out.println("REFUSED: " + ex.getMessage());
			return REFUSED;
		}
		if (gate(files, serving, against != null ? "the rules in " + checked(against) : "the rules packaged in the jar",
				out).isEmpty()) {
			return REFUSED;
		}
		out.println("ACCEPTED: the running app would take these rules (checked in "
				+ (System.nanoTime() - started) / 1_000_000 + " ms).");
		return ACCEPTED;
	}

	/**
	 * Runs the whole gate on the files, compared with the rules that serve, and prints what it found
	 * (the impact report, every problem by kind, the rules no scenario makes fire).
	 *
	 * @param serving the rules the files would replace
	 * @param servingLabel what those are, in words
	 * @return the gate's report when the files pass; empty when they are refused (the reasons printed)
	 */
	public static Optional<RuleBaseGate.Report> gate(RuleFiles files, RuleBase serving, String servingLabel,
			PrintStream out) {
		out.println("  version " + files.version() + ", " + files.all().size() + " files");
		RuleBase compiled;
		try {
			compiled = RuleBaseCompiler.compile(files);
		}
		catch (RuleBaseRejected ex) {
			return refused(ex.problems(), out);
		}
		catch (RuntimeException | StackOverflowError ex) {
			return refused(List.of(RuleProblem.of(RuleProblem.Kind.COMPILE, null, String.valueOf(ex))), out);
		}
		out.println("  compiled: " + compiled.rules().size() + " rules, " + compiled.scenarios().size()
				+ " scenarios");
		out.println("  compared with: " + servingLabel + ", version " + serving.version());
		RuleBaseGate.Report report = RuleBaseGate.run(compiled, serving);
		if (!report.passed()) {
			if (report.impact() != null) {
				out.println(indent(report.impact().toText()));
			}
			return refused(report.problems(), out);
		}
		out.println("  scenarios: all " + compiled.scenarios().size() + " passed");
		out.println("  safety invariants: all held");
		out.println(indent(report.impact().toText()));
		List<RuleDescription> unexercised = compiled.rules()
			.stream()
			.filter((r) -> report.coverage().getOrDefault(r.id(), 0) == 0)
			.toList();
		if (!unexercised.isEmpty()) {
			out.println("  note: no scenario makes these " + unexercised.size() + " rules fire (allowed, but worth a"
					+ " scenario):");
			unexercised.forEach((r) -> out.println("    " + r.id() + "  (" + r.file() + ":" + r.line() + ")"));
		}
		return Optional.of(report);
	}

	private static Path checked(String folder) {
		Path path = Path.of(folder).toAbsolutePath().normalize();
		if (!Files.isDirectory(path)) {
			throw new IllegalArgumentException("There is no folder " + path + " to compare with.");
		}
		return path;
	}

	private static String indent(String text) {
		return "  " + text.replace("\n", "\n  ");
	}

	private static Optional<RuleBaseGate.Report> refused(List<RuleProblem> problems, PrintStream out) {
		out.println("REFUSED: " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
				+ "; the running app would keep serving the rules it has.");
		for (RuleProblem.Kind kind : RuleProblem.Kind.values()) {
			List<RuleProblem> ofKind = problems.stream().filter((p) -> p.kind() == kind).toList();
			if (!ofKind.isEmpty()) {
				out.println("  " + HEADINGS.get(kind) + ":");
				ofKind.forEach((p) -> out.println("    " + where(p) + p.message().replace("\n", "\n    ")));
			}
		}
		return Optional.empty();
	}

	private static String where(RuleProblem problem) {
		if (problem.file() == null) {
			return "";
		}
		StringBuilder where = new StringBuilder(problem.file());
		if (problem.line() > 0) {
			where.append(':').append(problem.line());
			if (problem.column() > 0) {
				where.append(':').append(problem.column());
			}
		}
		return where.append(": ").toString();
	}

}
