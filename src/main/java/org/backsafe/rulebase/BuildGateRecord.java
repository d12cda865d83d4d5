package org.backsafe.rulebase;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What the build proved about the packaged rules: that exactly these files (acknowledgements
 * included) passed the whole gate, run by exactly this app's code. The build writes it into the
 * jar ({@link #main}); at start-up, rules whose content and gate code hash to the record's serve at
 * once, from the model beside it ({@link #MODEL_LOCATION}), and the whole gate runs again once the
 * app has started (see {@link RuleBaseLoader}). Any other content, or other code, goes through the
 * whole gate before it serves.
 *
 * <p>
 * It is read from the app's own classpath only, never from the rules folder: whoever can change it
 * can change the app's code too.
 *
 * @param contentVersion {@link RuleFiles#contentVersion()} of the files that passed
 * @param codeVersion a hash of the app's compiled classes, the gate's among them
 * @param coverage for each rule id, the number of scenarios in which it fired
 */
public record BuildGateRecord(String contentVersion, String codeVersion, Map<String, Integer> coverage) {

	/** Where the build writes it, under the classes folder (and so in the jar). */
	public static final String LOCATION = "META-INF/backsafe/gated-rules.properties";

	/**
	 * Beside the record: Drools' executable model of the same rules, made and gated by the build, so
	 * that a start-up with exactly these files and this code serves them without compiling. Its
	 * {@code .properties} names the content and code it was made of, and the model's hash.
	 */
	public static final String MODEL_LOCATION = "META-INF/backsafe/gated-rules.model";

	private static final String MODEL_VERSIONS = MODEL_LOCATION + ".properties";

	private static final String CLASSES = "classpath*:org/backsafe/**/*.class";

	private static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9._-]+");

	public BuildGateRecord {
		coverage = Map.copyOf(coverage);
	}

	/** Whether the record vouches for these files, read by this code. */
	public boolean vouchesFor(RuleFiles files, String currentCodeVersion) {
		return this.contentVersion.equals(files.contentVersion()) && this.codeVersion.equals(currentCodeVersion);
	}

	/** The record in the jar (or the classes folder), if the build wrote one. */
	public static Optional<BuildGateRecord> onClasspath() {
		try (InputStream in = BuildGateRecord.class.getClassLoader().getResourceAsStream(LOCATION)) {
			return (in != null) ? Optional.of(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)))
					: Optional.empty();
		}
		catch (IOException | IllegalArgumentException ex) {
			return Optional.empty(); // unreadable: nothing is vouched for, and the whole gate runs
		}
	}

	/**
	 * The build's executable model of exactly these files, made with this code, from the app's own
	 * classpath: empty when there is none, or it was made of anything else, or its bytes are not the
	 * ones the build wrote.
	 */
	static Optional<byte[]> modelOnClasspath(RuleFiles files, String currentCodeVersion) {
		ClassLoader loader = BuildGateRecord.class.getClassLoader();
		try (InputStream versions = loader.getResourceAsStream(MODEL_VERSIONS);
				InputStream model = loader.getResourceAsStream(MODEL_LOCATION)) {
			if (versions == null || model == null) {
				return Optional.empty();
			}
			byte[] bytes = model.readAllBytes();
			return modelMatches(new String(versions.readAllBytes(), StandardCharsets.UTF_8), bytes, files,
					currentCodeVersion) ? Optional.of(bytes) : Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty(); // unreadable: the rules are compiled, as without a model
		}
	}

	private static boolean modelMatches(String versions, byte[] model, RuleFiles files, String code) {
		Properties read = new Properties();
		try {
			read.load(new StringReader(versions));
		}
		catch (IOException | IllegalArgumentException ex) {
			return false;
		}
		return files.contentVersion().equals(read.getProperty("content-version"))
				&& code.equals(read.getProperty("code-version"))
				&& RuleFiles.sha256(Map.of("model", model)).equals(read.getProperty("model-version"));
	}

	private static String modelVersions(RuleFiles files, String code, byte[] model) {
		return "# Written by the build with " + MODEL_LOCATION.substring(MODEL_LOCATION.lastIndexOf('/') + 1)
				+ ": the executable model of these rules, which passed the whole gate.\n" + "content-version="
				+ files.contentVersion() + "\ncode-version=" + code + "\nmodel-version="
				+ RuleFiles.sha256(Map.of("model", model)) + "\n";
	}

	/**
	 * A hash of the app's classes (by name and bytes), from where this class was loaded (the jar's
	 * classes, or the classes folder): a record written by a build of other code vouches for nothing.
	 */
	public static String currentCodeVersion() {
		Map<String, byte[]> classes = new TreeMap<>();
		String self = BuildGateRecord.class.getName().replace('.', '/') + ".class";
		try {
			String here = BuildGateRecord.class.getClassLoader().getResource(self).toString();
			String root = here.substring(0, here.length() - self.length());
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources(CLASSES)) {
				String url = resource.getURL().toString();
				if (!url.startsWith(root)) {
					continue; // the same packages elsewhere on the classpath (tests) are not the app
				}
				String name = url.substring(root.length());
				try (InputStream in = resource.getInputStream()) {
					classes.put(name, in.readAllBytes());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not read the app's classes: " + ex.getMessage(), ex);
		}
		return RuleFiles.sha256(classes);
	}

	private static boolean upToDate(Path record, RuleFiles files, String code) {
		try {
			return parse(Files.readString(record)).vouchesFor(files, code);
		}
		catch (IOException | IllegalArgumentException ex) {
			return false;
		}
	}

	/** The record as the build writes it: sorted lines, so the same rules and code give the same file. */
	public String toText() {
		StringBuilder text = new StringBuilder("# Written by the build: these rules passed the whole gate"
				+ " (BuildGateRecord). Edit the rules, never this file.\n");
		text.append("content-version=").append(this.contentVersion).append('\n');
		text.append("code-version=").append(this.codeVersion).append('\n');
		new TreeMap<>(this.coverage).forEach((id, count) -> text.append("coverage.").append(id).append('=')
			.append(count).append('\n'));
		return text.toString();
	}

	public static BuildGateRecord parse(String text) {
		String content = null;
		String code = null;
		Map<String, Integer> coverage = new TreeMap<>();
		for (String line : text.split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			int equals = line.indexOf('=');
			if (equals < 0) {
				throw new IllegalArgumentException("not a record line: " + line);
			}
			String key = line.substring(0, equals);
			String value = line.substring(equals + 1).strip();
			if (key.equals("content-version")) {
				content = value;
			}
			else if (key.equals("code-version")) {
				code = value;
			}
			else if (key.startsWith("coverage.") && RULE_ID.matcher(key.substring(9)).matches()) {
				coverage.put(key.substring(9), Integer.parseInt(value));
			}
			else {
				throw new IllegalArgumentException("not a record line: " + line);
			}
		}
		if (content == null || code == null) {
			throw new IllegalArgumentException("a record names the content and the code it vouches for");
		}
		return new BuildGateRecord(content, code, coverage);
	}

	/**
	 * The build step: {@code BuildGateRecord <classes folder>} runs the whole gate on the packaged
	 * rules (the classes folder's {@code rules/}) and writes the record there when they pass. When
	 * they do not, it removes any old record and says why, but the build goes on: the app then runs
	 * the whole gate at start-up and refuses the rules with the same problems, as an author expects.
	 */
	public static void main(String[] args) throws IOException {
		((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
		if (args.length != 1) {
			System.err.println("Usage: BuildGateRecord <classes folder>");
			System.exit(2);
		}
		Path classes = Path.of(args[0]);
		Path record = classes.resolve(LOCATION);
		long started = System.nanoTime();
		RuleFiles files = RuleFiles.fromFolder(classes.resolve("rules"));
		String code = currentCodeVersion();
		Path model = classes.resolve(MODEL_LOCATION);
		Path modelVersions = classes.resolve(MODEL_VERSIONS);
		if (Files.isRegularFile(record) && upToDate(record, files, code) && Files.isRegularFile(model)
				&& Files.isRegularFile(modelVersions)
				&& modelMatches(Files.readString(modelVersions), Files.readAllBytes(model), files, code)) {
			System.out.println("[backsafe] The build's gate record for the packaged rules (version " + files.version()
					+ ") is up to date");
			return;
		}
		Files.deleteIfExists(record);
		Files.deleteIfExists(model);
		Files.deleteIfExists(modelVersions);
		List<RuleProblem> problems;
		RuleBaseGate.Report report = null;
		try {
			report = RuleBaseGate.run(RuleBaseCompiler.compile(files));
			problems = report.problems();
		}
		catch (RuleBaseRejected ex) {
			problems = ex.problems();
		}
		catch (RuntimeException | StackOverflowError ex) {
			problems = List.of(RuleProblem.of(RuleProblem.Kind.COMPILE, null, String.valueOf(ex)));
		}
		if (!problems.isEmpty()) {
			System.out.println("[backsafe] The packaged rules (version " + files.version() + ") do not pass the gate;"
					+ " no build record is written, and the app will refuse them at start-up:");
			problems.forEach((p) -> System.out.println("[backsafe]   " + p));
			return;
		}
		BuildGateRecord passed = new BuildGateRecord(files.contentVersion(), code, report.coverage());
		for (String id : passed.coverage().keySet()) {
			if (!RULE_ID.matcher(id).matches()) {
				System.out.println("[backsafe] Rule id \"" + id + "\" cannot be written in a build record; none is"
						+ " written, and the app runs the whole gate at start-up");
				return;
			}
		}
		Files.createDirectories(record.getParent());
		Files.writeString(record, passed.toText());
		System.out.println("[backsafe] The packaged rules (version " + files.version() + ") passed the gate in "
				+ (System.nanoTime() - started) / 1_000_000 + " ms; recorded in " + LOCATION);
		writeModel(files, code, model, modelVersions);
	}

	/**
	 * The executable model of the same rules, through the whole gate as well: it is what a start-up
	 * with these files serves. Without it (it fails to build, or the gate) the app compiles them.
	 */
	private static void writeModel(RuleFiles files, String code, Path model, Path modelVersions) throws IOException {
		long started = System.nanoTime();
		List<RuleProblem> problems;
		RuleBaseCompiler.ModelBuilt built = null;
		try {
			built = RuleBaseCompiler.compileToModel(files);
			problems = RuleBaseGate.run(built.ruleBase()).problems();
		}
		catch (RuleBaseRejected ex) {
			problems = ex.problems();
		}
		catch (RuntimeException | StackOverflowError ex) {
			problems = List.of(RuleProblem.of(RuleProblem.Kind.COMPILE, null, String.valueOf(ex)));
		}
		if (!problems.isEmpty()) {
			System.out.println("[backsafe] The executable model of the packaged rules does not pass the gate; none is"
					+ " written, and the app compiles the rules at start-up:");
			problems.forEach((p) -> System.out.println("[backsafe]   " + p));
			return;
		}
		Files.write(model, built.module());
		Files.writeString(modelVersions, modelVersions(files, code, built.module()));
		System.out.println("[backsafe] Their executable model passed the gate too, in " + (System.nanoTime() - started)
				/ 1_000_000 + " ms; written to " + MODEL_LOCATION);
	}

}
