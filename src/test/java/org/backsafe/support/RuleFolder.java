package org.backsafe.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.backsafe.rulebase.RuleBase;
import org.backsafe.rulebase.RuleBaseCompiler;
import org.backsafe.rulebase.RuleFiles;

/**
 * Writes a small rules folder for a test: DRL files in the rules' package with the usual imports,
 * and wording in every language for each rule added with {@link #rule}. Compiling it goes through
 * the real {@link RuleBaseCompiler}, so findings are stamped by Drools as in production.
 */
public final class RuleFolder {

	/** The header every DRL file of the app starts with. */
	public static final String HEADER = """
			package org.backsafe.rules;

			import org.backsafe.screening.*;
			import org.backsafe.screening.facts.*;

			""";

	/** The folder of real rules, relative to the project root (where Maven runs the tests). */
	public static final Path REAL_RULES = Path.of("rules");

	private final Path dir;

	private final Map<String, StringBuilder> drl = new LinkedHashMap<>();

	private final Map<String, String> wording = new LinkedHashMap<>();

	private RuleFolder(Path dir) {
		this.dir = dir;
	}

	/** An empty folder to write into. */
	public static RuleFolder in(Path dir) {
		return new RuleFolder(dir);
	}

	/** A copy of the real rules folder, to add to or break. */
	public static RuleFolder copyOfRealRules(Path dir) {
		try (Stream<Path> walk = Files.walk(REAL_RULES)) {
			for (Path from : walk.toList()) {
				Path to = dir.resolve(REAL_RULES.relativize(from).toString());
				if (Files.isDirectory(from)) {
					Files.createDirectories(to);
				}
				else {
					Files.copy(from, to);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new RuleFolder(dir);
	}

	public Path dir() {
		return this.dir;
	}

	/**
	 * Adds a rule to a DRL file, with {@code @id} and {@code @source}, and wording for its id in
	 * English and Spanish.
	 */
	public RuleFolder rule(String file, String id, String when, String then) {
		this.drl.computeIfAbsent(file, (f) -> new StringBuilder(HEADER)).append("""
				rule "Test: %s"
					@id("%s")
					@source("source of %s")
				when
					%s
				then
					%s
				end

				""".formatted(id, id, id, when, then));
		this.wording.put(id, "Words for " + id + ".");
		return this;
	}

	/** Writes the files: DRL added with {@link #rule}, and the wording appended to both languages. */
	public RuleFolder write() {
		this.drl.forEach((file, text) -> write(file, text.toString()));
		this.drl.clear();
		if (this.wording.isEmpty()) {
			return this;
		}
		StringBuilder lines = new StringBuilder("\n");
		this.wording.forEach((id, text) -> lines.append(id).append('=').append(text).append('\n'));
		append("messages.properties", lines.toString());
		append("messages_es.properties", lines.toString().replace("Words for", "Palabras para"));
		this.wording.clear();
		return this;
	}

	/** Writes one file as it is, replacing any file of that name. */
	public RuleFolder write(String name, String content) {
		try {
			Path path = this.dir.resolve(name);
			Files.createDirectories(path.getParent());
			Files.writeString(path, content, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	/** Appends to one file, creating it when missing. */
	public RuleFolder append(String name, String content) {
		try {
			Files.writeString(this.dir.resolve(name), content, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	public RuleFiles files() {
		write();
		return RuleFiles.fromFolder(this.dir);
	}

	/** Compiles the folder as the app does, without the gate (scenarios and invariant sweep). */
	public RuleBase compile() {
		return RuleBaseCompiler.compile(files());
	}

}
