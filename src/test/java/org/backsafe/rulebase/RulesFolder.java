package org.backsafe.rulebase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A copy of the project's real rules folder for a test to edit, and the edits a rule author makes:
 * a new contraindication with its scenario, a syntax error, a failing scenario, and a red flag that
 * no longer means urgent care.
 */
public final class RulesFolder {

	/** The project's rules, as a test run from the project folder finds them. */
	public static final Path PROJECT_RULES = Path.of("rules");

	/** A new contraindication, written by a rule author. */
	public static final String NEW_RULE = """
			// Epilepsy wants a doctor's permission before deep work (clinical pack); trigger point
			// therapy holds deep pressure on one spot, so it is avoided too.
			package org.backsafe.rules;

			import org.backsafe.screening.HealthQuestion;
			import org.backsafe.screening.Technique;
			import org.backsafe.screening.Verdict;
			import org.backsafe.screening.facts.Answer;
			import org.backsafe.screening.facts.Restriction;

			rule "Epilepsy: avoid trigger point therapy"
				@id("trigger-point-not-with-epilepsy")
				@source("Clinical pack: Werner and Benjamin contraindication chart (epilepsy: a doctor's permission before deep work)")
				@technique("TRIGGER_POINT")
			when
				Answer(question == HealthQuestion.EPILEPSY, $q : question)
			then
				insert(new Restriction(Technique.TRIGGER_POINT, Verdict.AVOID, $q));
			end
			""";

	public static final String NEW_RULE_WORDING = "trigger-point-not-with-epilepsy=Avoid trigger point therapy:"
			+ " with {0}, deep pressure held on one spot needs a doctor's permission first.\n";

	public static final String NEW_RULE_WORDING_ES = "trigger-point-not-with-epilepsy=Evite la terapia de puntos"
			+ " gatillo: con {0}, la presión profunda en un punto necesita antes el permiso de un médico.\n";

	public static final String NEW_SCENARIO = """
			- scenario: Epilepsy rules out trigger point therapy as well as deep tissue massage
			  conditions: [EPILEPSY]
			  pain: {duration: CHRONIC, patterns: [KNOTS]}
			  expect:
			    disposition: PROCEED_WITH_CAUTION
			    verdicts: {TRIGGER_POINT: AVOID, DEEP_TISSUE: AVOID}
			    reasons: [trigger-point-not-with-epilepsy]
			""";

	/** A rule no scenario can reach: no scenario describes a person this old. */
	public static final String UNREACHED_RULE = """
			package org.backsafe.rules;

			import org.backsafe.screening.Disposition;
			import org.backsafe.screening.facts.Person;
			import org.backsafe.screening.facts.Referral;

			rule "Clinical pack: a person over 115 is seen with extra care"
				@id("over-115-with-care")
				@source("Clinical pack: triage practice (NHS Pathways), when in doubt refer")
			when
				Person(age > 115)
			then
				insert(new Referral(Disposition.PROCEED_WITH_CAUTION));
			end
			""";

	/** Adds {@link #UNREACHED_RULE} as unreached.drl, with its wording. */
	public static void addUnreachedRule(Path folder) {
		write(folder, "unreached.drl", UNREACHED_RULE);
		append(folder, "messages.properties", "over-115-with-care=At your age, start very gently.\n");
		append(folder, "messages_es.properties", "over-115-with-care=A su edad, empiece con mucha suavidad.\n");
	}

	/** The same rule with "then" misspelt. */
	public static final String SYNTAX_ERROR = NEW_RULE.replace("\nthen\n", "\nthne\n");

	/** A scenario that expects the wrong thing. */
	public static final String FAILING_SCENARIO = """
			- scenario: Epilepsy with knots still recommends trigger point therapy
			  conditions: [EPILEPSY]
			  pain: {patterns: [KNOTS]}
			  expect:
			    disposition: PROCEED_WITH_CAUTION
			    verdicts: {TRIGGER_POINT: RECOMMENDED}
			""";

	/** The file that derives red flags. */
	public static final String RED_FLAGS = "clinical-pack-red-flags.drl";

	private RulesFolder() {
	}

	/** Copies the project's rules into {@code target} (which must not exist yet or be empty). */
	public static Path copyOfProjectRules(Path target) {
		try (Stream<Path> walk = Files.walk(PROJECT_RULES)) {
			for (Path from : walk.toList()) {
				Path to = target.resolve(PROJECT_RULES.relativize(from).toString());
				if (Files.isDirectory(from)) {
					Files.createDirectories(to);
				}
				else {
					Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return target;
	}

	/** The red flag file with saddle numbness sending people to a doctor instead of urgent care. */
	public static String redFlagMadeDoctorFirst(Path folder) {
		String text = read(folder, RED_FLAGS);
		String changed = text.replaceFirst("(?s)(@id\\(\"red-flag-saddle-numbness\"\\).*?)insertLogical\\(new RedFlag\\(\\$sign\\)\\);",
				"$1insertLogical(new DoctorFirst(\\$sign));")
			.replace("import org.backsafe.screening.facts.RedFlag;",
					"import org.backsafe.screening.facts.RedFlag;\nimport org.backsafe.screening.facts.DoctorFirst;");
		if (changed.equals(text)) {
			throw new IllegalStateException("the red flag rule for saddle numbness has changed; update this test");
		}
		return changed;
	}

	public static String read(Path folder, String name) {
		try {
			return Files.readString(folder.resolve(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static void write(Path folder, String name, String text) {
		try {
			Path file = folder.resolve(name);
			Files.createDirectories(file.getParent());
			Files.writeString(file, text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Saves as many editors do: write a temporary file beside it, then rename it over the old one. */
	public static void writeByRename(Path folder, String name, String text) {
		try {
			Path file = folder.resolve(name);
			Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
			Files.writeString(temporary, text, StandardCharsets.UTF_8);
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static void append(Path folder, String name, String text) {
		try {
			Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static void delete(Path path) {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(path)) {
			for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(p);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Adds the new contraindication, its wording in both languages and its scenario. */
	public static void addNewRule(Path folder) {
		append(folder, "messages.properties", NEW_RULE_WORDING);
		append(folder, "messages_es.properties", NEW_RULE_WORDING_ES);
		write(folder, "scenarios/epilepsy.yaml", NEW_SCENARIO);
		write(folder, "epilepsy.drl", NEW_RULE);
	}

	/** Waits until the condition holds; false if it did not within the time. */
	public static boolean within(Duration time, BooleanSupplier condition) {
		long deadline = System.nanoTime() + time.toNanos();
		while (System.nanoTime() < deadline) {
			if (condition.getAsBoolean()) {
				return true;
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return condition.getAsBoolean();
	}

}
