package org.backsafe.ruleversions;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.backsafe.rulebase.BuildGateRecord;
import org.backsafe.rulebase.RuleBase;
import org.backsafe.rulebase.RuleBaseCompiler;
import org.backsafe.rulebase.RuleBaseGate;
import org.backsafe.rulebase.RuleFiles;
import org.backsafe.rulebase.ValidateCommand;
import org.slf4j.LoggerFactory;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * {@code java -jar backsafe.jar publish [folder] --spring.profiles.active=replicas [database options]}:
 * runs the whole gate on a folder of rules, compared with the version active in the database, and
 * only if it passes stores it there, waits until every running replica has compiled it and has it
 * ready (at most {@code backsafe.rules.prepare-timeout}, 60 s), and makes it the active version: the
 * replicas then swap to it together. Exit status 0 when published, 1 when refused (nothing
 * changes), 2 when the command is wrong or the database cannot be reached.
 */
public final class PublishCommand {

	public static final String NAME = "publish";

	public static final int PUBLISHED = 0;

	public static final int REFUSED = 1;

	public static final int USAGE = 2;

	/** How long publish waits for the running replicas to have a version ready before it makes it active. */
	static final String PREPARE_TIMEOUT = "backsafe.rules.prepare-timeout";

	static final Duration DEFAULT_PREPARE_TIMEOUT = Duration.ofSeconds(60);

	private static final String USAGE_TEXT = "Usage: java -jar backsafe.jar publish [rules folder]"
			+ " --spring.profiles.active=replicas [--spring.datasource.url=... --spring.datasource.username=..."
			+ " --spring.datasource.password=...]   (default folder: ./rules)";

	private PublishCommand() {
	}

	public static boolean isCommand(String[] args) {
		return args.length > 0 && NAME.equals(args[0]);
	}

	/** For {@code main}: the database from Spring's configuration, and only the report printed. */
	public static int runFromCommandLine(String[] args) {
		((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
		List<String> folders = new ArrayList<>();
		List<String> options = new ArrayList<>(List.of("--logging.level.root=WARN"));
		for (String arg : Arrays.asList(args).subList(1, args.length)) {
			(arg.startsWith("--") ? options : folders).add(arg);
		}
		PrintStream out = System.out;
		if (folders.size() > 1) {
			out.println(USAGE_TEXT);
			return USAGE;
		}
		Path folder = Path.of(folders.isEmpty() ? "rules" : folders.get(0)).toAbsolutePath().normalize();
		if (!Files.isDirectory(folder)) {
			out.println("There is no folder " + folder + ". Give the rules folder, e.g. publish rules");
			return USAGE;
		}
		ConfigurableApplicationContext database;
		try {
			database = new SpringApplicationBuilder(Database.class).web(WebApplicationType.NONE)
				.bannerMode(org.springframework.boot.Banner.Mode.OFF)
				.logStartupInfo(false)
				.run(options.toArray(String[]::new));
		}
		catch (RuntimeException ex) {
			out.println("The database could not be reached or migrated: " + rootMessage(ex));
			out.println(USAGE_TEXT);
			return USAGE;
		}
		try (database) {
			Duration prepareTimeout = database.getEnvironment()
				.getProperty(PREPARE_TIMEOUT, Duration.class, DEFAULT_PREPARE_TIMEOUT);
			return publish(folder, new RuleVersionStore(database.getBean(DataSource.class)), prepareTimeout, out);
		}
		catch (RuntimeException ex) {
			out.println("NOT PUBLISHED: the database failed (" + rootMessage(ex) + "); nothing changed.");
			return USAGE;
		}
	}

	/**
	 * Gates the folder against the active version (or, with none yet, the packaged rules) and, when
	 * it passes, stores it and makes it active.
	 */
	static int publish(Path folder, RuleVersionStore store, Duration prepareTimeout, PrintStream out) {
		Optional<RuleVersionStore.StoredVersion> active = store.active();
		RuleBase serving;
		String servingLabel;
		try {
			serving = RuleBaseCompiler.compile(active.map((v) -> RuleFiles.of(v.files(), DatabaseRuleSource.ORIGIN))
				.orElseGet(RuleFiles::packaged));
			servingLabel = active.isPresent() ? "the active version in the database" : "the rules packaged in the jar"
					+ " (no version is active in the database yet)";
		}
		catch (RuntimeException ex) {
			out.println("The active version cannot be compiled to compare with: " + ex.getMessage());
			return USAGE;
		}
		out.println("Checking the rules in " + folder + " to publish");
		RuleFiles files;
		try {
			files = RuleFiles.fromFolder(folder);
		}
		catch (RuntimeException ex) {
			out.println("REFUSED: " + ex.getMessage());
			return REFUSED;
		}
		if (active.isPresent() && active.get().contentVersion().equals(files.contentVersion())) {
			out.println("PUBLISHED already: version " + files.version() + " is the active one; nothing changed.");
			return PUBLISHED;
		}
		Optional<RuleBaseGate.Report> report = ValidateCommand.gate(files, serving, servingLabel, out);
		if (report.isEmpty()) {
			out.println("Nothing was published: every replica keeps serving version " + serving.version() + ".");
			return REFUSED;
		}
		BuildGateRecord record = new BuildGateRecord(files.contentVersion(), BuildGateRecord.currentCodeVersion(),
				report.get().coverage());
		store.admit(files, record, report.get().impact() != null ? report.get().impact().toText() : null,
				folder.toString());
		Readiness readiness = awaitReplicas(store, files, prepareTimeout, out);
		if (!store.activate(files.contentVersion())) {
			out.println("NOT PUBLISHED: another publish began while this one was being made ready, and its version"
					+ " is the one the replicas prepare now; version " + files.version() + " is stored but not active."
					+ " Publish this folder again if it should be the active one.");
			return REFUSED;
		}
		out.println("PUBLISHED: version " + files.version() + " is now the active one; " + readiness.inWords()
				+ (store.notifies() ? "" : " (at its next poll)") + ".");
		return PUBLISHED;
	}

	/** How many replicas were running when the version became active, and how many had it ready. */
	record Readiness(int running, int ready) {

		String inWords() {
			if (this.running == 0) {
				return "each replica serves it when it starts";
			}
			if (this.ready == this.running) {
				return (this.running == 1 ? "the replica had" : "the " + this.running + " replicas had")
						+ " it ready and serve it within moments";
			}
			return this.ready + " of " + this.running + " replicas had it ready and serve it within moments, the"
					+ " others once they have compiled it";
		}

	}

	/**
	 * Waits, at most {@code timeout}, until every replica that is running has the version ready, so
	 * that they swap to it together when it becomes active; says how many have it as they do.
	 *
	 * @return how many replicas were running, and how many had it ready
	 */
	private static Readiness awaitReplicas(RuleVersionStore store, RuleFiles files, Duration timeout, PrintStream out) {
		String content = files.contentVersion();
		long asked = System.nanoTime();
		long deadline = asked + timeout.toNanos();
		String said = null;
		while (true) {
			List<RuleVersionStore.Replica> live = store.replicas()
				.stream()
				.filter(RuleVersionStore.Replica::live)
				.toList();
			List<String> waiting = live.stream()
				.filter((replica) -> !replica.hasReady(content))
				.map(RuleVersionStore.Replica::name)
				.toList();
			if (live.isEmpty()) {
				out.println("No replica is running.");
				return new Readiness(0, 0);
			}
			String now = "Making version " + files.version() + " ready on the replicas: "
					+ (live.size() - waiting.size()) + " of " + live.size() + " ready";
			if (!now.equals(said)) {
				out.println(now);
				said = now;
			}
			if (waiting.isEmpty()) {
				out.printf(Locale.ROOT, "Ready on every replica after %.1f s%n", (System.nanoTime() - asked) / 1e9);
				return new Readiness(live.size(), live.size());
			}
			if (System.nanoTime() > deadline) {
				out.println("Not ready after " + timeout.toSeconds() + " s: " + String.join(", ", waiting)
						+ ". The version is made active anyway; those replicas take it up then, and one that cannot"
						+ " stops taking requests (its readiness probe says why).");
				return new Readiness(live.size(), live.size() - waiting.size());
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return new Readiness(live.size(), live.size() - waiting.size());
			}
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return String.valueOf(cause.getMessage());
	}

	/** Only the database, migrated: no web server, no rule loader. */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class })
	static class Database {

	}

}
