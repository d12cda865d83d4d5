package org.backsafe.rulebase;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.backsafe.rulebase.RuleProblem.Kind;
import org.backsafe.rulebase.scenario.Scenario;
import org.backsafe.rulebase.scenario.ScenarioFormatException;
import org.backsafe.rulebase.scenario.ScenarioParser;
import org.backsafe.screening.Technique;
import org.backsafe.screening.facts.RuleMetadata;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.compiler.compiler.io.memory.MemoryFileSystem;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.compiler.kie.builder.impl.InternalKieModuleProvider;
import org.drools.compiler.kie.builder.impl.KieBuilderImpl;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.DrlParser;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles a snapshot of rule files into a {@link RuleBase}, or rejects it with every problem found:
 * compile errors with file and line, rules without an {@code @id} or {@code @source}, duplicate ids,
 * rules without wording in every language, sources citing a document with no title in
 * {@code sources.properties}, and malformed scenario files. It does not run the scenarios or the
 * invariants: that is the {@link RuleBaseGate}'s job.
 */
public final class RuleBaseCompiler {

	/** The package path the rule files are compiled under; DRL files declare this package. */
	public static final String PACKAGE = "org.backsafe.rules";

	private static final String PACKAGE_PATH = PACKAGE.replace('.', '/') + "/";

	private static final String RESOURCE_ROOT = "src/main/resources/" + PACKAGE_PATH;

	private static final AtomicLong BUILDS = new AtomicLong();

	private static final ReleaseId MODEL_RELEASE = KieServices.Factory.get()
		.newReleaseId("org.backsafe", "rules-model", "1.0.0");

	/** One model at a time in Drools' repository, where each is added and removed under the same release. */
	private static final Object MODEL_LOCK = new Object();

	private static final Pattern PARSER_POSITION = Pattern.compile("Line (\\d+):(\\d+)");

	private RuleBaseCompiler() {
	}

	public static RuleBase compile(RuleFiles files) {
		return compile(files, (ruleTexts, problems) -> build(ruleTexts, problems, null, null));
	}

	/**
	 * The files compiled by the build into Drools' executable model: the rule base, and the module's
	 * bytes for {@link #fromModel} to make the same rule base from without compiling.
	 */
	static ModelBuilt compileToModel(RuleFiles files) {
		byte[][] module = new byte[1][];
		RuleBase built;
		synchronized (MODEL_LOCK) {
			built = compile(files,
					(ruleTexts, problems) -> build(ruleTexts, problems, ExecutableModelProject.class, module));
		}
		return new ModelBuilt(built, module[0]);
	}

	/**
	 * The rule base of these files from the executable model the build made of exactly them: nothing
	 * is compiled, but everything else (rule metadata, wording, sources, scenarios) is read and checked
	 * as {@link #compile} does.
	 */
	static RuleBase fromModel(RuleFiles files, byte[] module) {
		return compile(files, (ruleTexts, problems) -> load(module));
	}

	/** The executable model's rule base, and the module the build stores. */
	record ModelBuilt(RuleBase ruleBase, byte[] module) {
	}

	private static RuleBase compile(RuleFiles files,
			BiFunction<Map<String, RuleText>, List<RuleProblem>, KieBase> kieBaseOf) {
		List<RuleProblem> problems = new ArrayList<>();
		Map<String, RuleText> ruleTexts = new LinkedHashMap<>();
		files.matching(".drl").forEach((name, bytes) -> ruleTexts.put(name, RuleText.drl(name, files.text(name))));
		Map<String, byte[]> tables = new TreeMap<>(files.matching(".drl.csv"));
		tables.putAll(files.matching(".drl.xlsx"));
		tables.putAll(files.matching(".drl.xls"));
		files.all().keySet().stream().filter(RuleFiles::isStrayTable).forEach((name) -> problems.add(RuleProblem.of(
				Kind.CONTENT, name, "this spreadsheet is not read as rules: a decision table's name must end in .drl.csv,"
						+ " .drl.xls or .drl.xlsx (in lower case); rename it, or move it out of the rules folder")));
		tables.forEach((name, bytes) -> {
			try {
				RuleText table = RuleText.decisionTable(name, bytes);
				ruleTexts.put(table.compiledName(), table);
			}
			catch (RuntimeException ex) {
				problems.add(RuleProblem.of(Kind.COMPILE, name, "the decision table cannot be read: "
						+ (ex.getMessage() != null ? ex.getMessage() : ex.toString())));
			}
		});
		if (ruleTexts.isEmpty() && problems.isEmpty()) {
			throw new RuleBaseRejected(List.of(RuleProblem.of(Kind.COMPILE, null,
					"no rule files (*.drl, *.drl.csv, *.drl.xls, *.drl.xlsx) found in " + files.origin())));
		}

		KieBase kieBase = problems.isEmpty() ? kieBaseOf.apply(ruleTexts, problems) : null;
		List<RuleDescription> rules = kieBase == null ? List.of() : describe(kieBase, ruleTexts, problems);
		Map<String, Map<String, String>> wording = readWording(files, rules, problems);
		SourceTable sources = readSources(files, rules, problems);
		List<Scenario> scenarios = readScenarios(files, problems);

		if (!problems.isEmpty()) {
			throw new RuleBaseRejected(problems);
		}
		return new RuleBase(kieBase, files, rules, wording, sources, scenarios);
	}

	private static KieBase build(Map<String, RuleText> ruleTexts, List<RuleProblem> problems,
			Class<? extends KieBuilder.ProjectType> project, byte[][] module) {
		KieServices services = KieServices.Factory.get();
		KieFileSystem kfs = services.newKieFileSystem();
		// a model names its classes after its release, so the one the build stores always has the same
		ReleaseId releaseId = module != null ? MODEL_RELEASE
				: services.newReleaseId("org.backsafe", "rules", "1.0." + BUILDS.incrementAndGet());
		kfs.generateAndWritePomXML(releaseId);
		ruleTexts.forEach((name, text) -> kfs.write(RESOURCE_ROOT + name, text.drl().getBytes(StandardCharsets.UTF_8)));
		KieBuilder builder;
		try {
			builder = project == null ? services.newKieBuilder(kfs).buildAll() // classic DRL
					: services.newKieBuilder(kfs).buildAll(project);
		}
		catch (RuntimeException ex) {
			problems.add(RuleProblem.of(Kind.COMPILE, null, "the rules could not be built: " + ex));
			services.getRepository().removeKieModule(releaseId);
			return null;
		}
		for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
			String path = message.getPath();
			String name = relativeName(path);
			RuleText text = name == null ? null : ruleTexts.get(name);
			if (text != null && text.isTable()) {
				int row = text.rowAt(message.getLine());
				problems.add(new RuleProblem(Kind.COMPILE, text.file(), row, 0,
						(row > 0 ? "in the rule made from row " + row + ": " : "in the table's RuleSet or Import cells: ")
								+ message.getText().strip()));
			}
			else {
				problems.add(problemOf(message, name));
			}
		}
		if (problems.size() > 1) {
			// Drools adds this after any syntax error; it tells the author nothing more.
			problems.removeIf((p) -> p.message().startsWith("Parser returned a null Package"));
		}
		if (!problems.isEmpty()) {
			services.getRepository().removeKieModule(releaseId);
			return null;
		}
		if (module != null) {
			module[0] = ((InternalKieModule) builder.getKieModule()).getBytes();
		}
		return kieBaseOf(services, releaseId);
	}

	private static KieBase load(byte[] module) {
		KieServices services = KieServices.Factory.get();
		KieModuleModel model = services.newKieModuleModel();
		KieBuilderImpl.setDefaultsforEmptyKieModule(model); // as the build had it: no kmodule.xml
		synchronized (MODEL_LOCK) {
			services.getRepository().addKieModule(
					InternalKieModuleProvider.get(MODEL_RELEASE, model, MemoryFileSystem.readFromJar(module)));
			return kieBaseOf(services, MODEL_RELEASE);
		}
	}

	private static KieBase kieBaseOf(KieServices services, ReleaseId releaseId) {
		KieContainer container = services.newKieContainer(releaseId);
		try {
			return container.getKieBase();
		}
		finally {
			// The base outlives its container; keeping the container would leak one per reload.
			container.dispose();
			services.getRepository().removeKieModule(releaseId);
		}
	}

	private static RuleProblem problemOf(Message message, String file) {
		String text = message.getText().strip();
		int line = message.getLine();
		int column = column(message);
		// When the parser itself crashes, the message holds its whole stack trace, and the line only
		// in the text ("Line 12:0 unexpected exception ... Stack trace: ..."). Keep the line, drop the trace.
		int trace = text.indexOf("Stack trace:");
		if (trace >= 0) {
			int exception = text.lastIndexOf(" Exception: ", trace);
			text = text.substring(0, exception >= 0 ? exception : trace).strip() + " (the DRL parser gave up here)";
		}
		Matcher where = PARSER_POSITION.matcher(text);
		if (line <= 0 && where.lookingAt()) {
			line = Integer.parseInt(where.group(1));
			column = Integer.parseInt(where.group(2));
		}
		return new RuleProblem(Kind.COMPILE, file, line, column, text);
	}

	private static List<RuleDescription> describe(KieBase kieBase, Map<String, RuleText> ruleTexts,
			List<RuleProblem> problems) {
		Map<String, Written> written = locate(ruleTexts);
		List<RuleDescription> rules = new ArrayList<>();
		Map<String, String> idToName = new HashMap<>();
		Set<String> compiled = new TreeSet<>();
		for (KiePackage kiePackage : kieBase.getKiePackages()) {
			for (Rule rule : kiePackage.getRules()) {
				compiled.add(rule.getName());
				Written location = written.getOrDefault(rule.getName(), new Written(fileOf(rule), 0, "", ""));
				String id = RuleMetadata.id(rule);
				String source = RuleMetadata.source(rule);
				if (!PACKAGE.equals(kiePackage.getName())) {
					problems.add(new RuleProblem(Kind.COMPILE, location.file(), location.line(), 0, "rule \""
							+ rule.getName() + "\" is in package " + kiePackage.getName() + "; "
							+ (location.file().contains(".drl.") ? "the table's RuleSet cell must say " + PACKAGE
									: "each rule file must start with \"package " + PACKAGE + ";\"")));
				}
				if (id == null) {
					problems.add(new RuleProblem(Kind.COMPILE, location.file(), location.line(), 0,
							"rule \"" + rule.getName() + "\" has no @id"));
					continue;
				}
				if (source == null) {
					problems.add(new RuleProblem(Kind.COMPILE, location.file(), location.line(), 0,
							"rule \"" + rule.getName() + "\" (" + id + ") has no @source"));
				}
				String other = idToName.putIfAbsent(id, rule.getName());
				if (other != null) {
					problems.add(new RuleProblem(Kind.COMPILE, location.file(), location.line(), 0, "rule \""
							+ rule.getName() + "\" uses the id " + id + ", already used by \"" + other + "\""));
				}
				Set<Technique> techniques = new TreeSet<>(
						techniques(RuleMetadata.technique(rule), rule.getName(), location.file(), problems));
				techniques.addAll(RuleText.techniquesNamed(location.consequence()));
				rules.add(new RuleDescription(id, rule.getName(), location.file(), location.line(), source,
						RuleText.codesRead(location.conditions()), List.copyOf(techniques)));
			}
		}
		if (rules.isEmpty() && problems.isEmpty()) {
			problems.add(RuleProblem.of(Kind.COMPILE, null, "the rule files compiled to no rules at all; check that"
					+ " each file starts with \"package " + PACKAGE + ";\""));
		}
		written.forEach((name, location) -> {
			if (!compiled.contains(name)) {
				problems.add(new RuleProblem(Kind.COMPILE, location.file(), location.line(), 0, "rule \"" + name
						+ "\" did not reach the rule base; check that the file starts with \"package " + PACKAGE
						+ ";\""));
			}
		});
		rules.sort(Comparator.comparing(RuleDescription::file).thenComparing(RuleDescription::line));
		return rules;
	}

	/** The parser puts the column only in its text ("Line 18:1 mismatched input ..."). */
	private static int column(Message message) {
		if (message.getColumn() > 0) {
			return message.getColumn();
		}
		Matcher at = PARSER_POSITION.matcher(message.getText());
		return at.find() && Integer.parseInt(at.group(1)) == message.getLine() ? Integer.parseInt(at.group(2)) : 0;
	}

	/** A message's path as the author knows it; Drools gives some with and some without the resource root. */
	private static String relativeName(String path) {
		if (path == null) {
			return null;
		}
		// Messages name the file with or without the resource root, depending on the kind of error.
		int at = path.indexOf(PACKAGE_PATH);
		return at >= 0 ? path.substring(at + PACKAGE_PATH.length()) : path;
	}

	/** Where each rule is written and what its conditions and consequence say, read with the DRL parser. */
	private static Map<String, Written> locate(Map<String, RuleText> ruleTexts) {
		Map<String, Written> locations = new HashMap<>();
		for (RuleText text : ruleTexts.values()) {
			try {
				PackageDescr parsed = new DrlParser().parse(false, text.drl());
				if (parsed == null) {
					continue;
				}
				for (RuleDescr rule : parsed.getRules()) {
					String[] parts = text.whenAndThen(rule.getLine(), rule.getEndLine());
					int line = text.isTable() ? text.rowAt(rule.getLine()) : rule.getLine();
					locations.put(rule.getName(), new Written(text.file(), line, parts[0], parts[1]));
				}
			}
			catch (DroolsParserException | RuntimeException ex) {
				// The build has already reported this file's syntax errors with their lines.
			}
		}
		return locations;
	}

	/** A rule as written: file, line (or table row), and the text of its conditions and consequence. */
	private record Written(String file, int line, String conditions, String consequence) {
	}

	private static String fileOf(Rule rule) {
		if (rule instanceof RuleImpl impl && impl.getResource() != null && impl.getResource().getSourcePath() != null) {
			String path = impl.getResource().getSourcePath();
			int at = path.indexOf(RESOURCE_ROOT);
			return at >= 0 ? path.substring(at + RESOURCE_ROOT.length()) : path;
		}
		return "?";
	}

	private static List<Technique> techniques(String text, String ruleName, String file, List<RuleProblem> problems) {
		if (text == null) {
			return List.of();
		}
		List<Technique> techniques = new ArrayList<>();
		for (String code : text.split("[,\\s]+")) {
			try {
				techniques.add(Technique.valueOf(code));
			}
			catch (IllegalArgumentException ex) {
				problems.add(RuleProblem.of(Kind.COMPILE, file, "rule \"" + ruleName + "\" names an unknown technique "
						+ code + " in @technique; known: " + Arrays.toString(Technique.values())));
			}
		}
		return techniques;
	}

	private static Map<String, Map<String, String>> readWording(RuleFiles files, List<RuleDescription> rules,
			List<RuleProblem> problems) {
		Map<String, Map<String, String>> wording = new HashMap<>();
		for (String language : RuleBase.LANGUAGES) {
			String name = language.equals(RuleBase.LANGUAGES.get(0)) ? "messages.properties"
					: "messages_" + language + ".properties";
			if (!files.all().containsKey(name)) {
				problems.add(RuleProblem.of(Kind.CONTENT, name, "the wording file for language \"" + language
						+ "\" is missing"));
				continue;
			}
			Properties properties = new Properties();
			try {
				properties.load(new StringReader(files.text(name)));
			}
			catch (IOException | IllegalArgumentException ex) {
				problems.add(RuleProblem.of(Kind.CONTENT, name, "cannot be read: " + ex.getMessage()));
				continue;
			}
			Map<String, String> texts = new HashMap<>();
			properties.stringPropertyNames().forEach((key) -> texts.put(key, properties.getProperty(key)));
			for (RuleDescription rule : rules) {
				if (texts.getOrDefault(rule.id(), "").isBlank()) {
					problems.add(RuleProblem.of(Kind.CONTENT, name, "no wording for rule " + rule.id() + " (\""
							+ rule.name() + "\", " + rule.file() + "); add a line \"" + rule.id() + "=...\""));
				}
			}
			wording.put(language, texts);
		}
		return wording;
	}

	/**
	 * The table of sources, in every language that has one, and a problem for each document a rule
	 * cites without a title in it: pages show titles, so a citation without one cannot be shown.
	 */
	private static SourceTable readSources(RuleFiles files, List<RuleDescription> rules, List<RuleProblem> problems) {
		Map<String, Map<String, String>> entries = new HashMap<>();
		boolean readable = true;
		for (String language : RuleBase.LANGUAGES) {
			String name = language.equals(RuleBase.LANGUAGES.get(0)) ? SourceTable.FILE
					: SourceTable.FILE.replace(".properties", "_" + language + ".properties");
			if (!files.all().containsKey(name)) {
				continue; // a language without its own table uses the default one
			}
			Properties properties = new Properties();
			try {
				properties.load(new StringReader(files.text(name)));
			}
			catch (IOException | IllegalArgumentException ex) {
				problems.add(RuleProblem.of(Kind.CONTENT, name, "cannot be read: " + ex.getMessage()));
				readable = readable && !name.equals(SourceTable.FILE);
				continue;
			}
			Map<String, String> texts = new HashMap<>();
			properties.stringPropertyNames().forEach((key) -> texts.put(key, properties.getProperty(key)));
			entries.put(language, texts);
		}
		SourceTable sources = new SourceTable(entries);
		if (!readable) {
			return sources; // one problem for the table, not one for every rule that cites a document
		}
		for (RuleDescription rule : rules) {
			for (String file : SourceTable.citedFiles(rule.source())) {
				if (sources.title(file, Locale.forLanguageTag(RuleBase.LANGUAGES.get(0))).isEmpty()) {
					problems.add(new RuleProblem(Kind.COMPILE, rule.file(), rule.line(), 0, "rule \"" + rule.name()
							+ "\" (" + rule.id() + ") cites " + file + ", which has no title in " + SourceTable.FILE
							+ "; add a line \"" + file + "=<the document's title>\""));
				}
			}
		}
		return sources;
	}

	private static List<Scenario> readScenarios(RuleFiles files, List<RuleProblem> problems) {
		List<Scenario> scenarios = new ArrayList<>();
		files.all().keySet().stream().filter((name) -> name.startsWith("scenarios/")).forEach((name) -> {
			try {
				scenarios.addAll(ScenarioParser.parse(name, files.text(name)));
			}
			catch (ScenarioFormatException ex) {
				problems.add(new RuleProblem(Kind.CONTENT, name, ex.line(), 0, ex.getMessage()));
			}
		});
		return scenarios;
	}

}
