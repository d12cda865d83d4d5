package org.backsafe.rulebase;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The files of one rule base, read into memory at one moment: DRL files, decision tables, wording
 * and scenarios, keyed by their path relative to the rules folder ("/" separated). Everything
 * compiled, tested and served comes from this snapshot, so a file saved mid-load cannot mix in.
 */
public final class RuleFiles {

	/** The packaged copy in the jar, used when the configured folder does not exist. */
	public static final String PACKAGED_LOCATION = "classpath:rules/";

	/** Where acknowledgements of less cautious changes are kept (see {@link Acknowledgements}). */
	public static final String ACKNOWLEDGEMENTS = "acknowledgements/";

	/**
	 * The CDS Hooks service's table of record codes (org.backsafe.cdshooks): data beside the rules,
	 * read by that service, not rules. Its .csv is no decision table, so the compiler must not see it
	 * (it would refuse it as a spreadsheet by a name the rule engine skips).
	 */
	public static final String RECORD_CODES = "record-codes/";

	private final Map<String, byte[]> files;

	private final String origin;

	private final String version;

	private final String contentVersion;

	RuleFiles(Map<String, byte[]> files, String origin) {
		this.files = Collections.unmodifiableMap(new TreeMap<>(files));
		this.origin = origin;
		// An acknowledgement names the version it admits, so it cannot be part of that version: the
		// version is the hash of the rules, wording and scenarios only.
		Map<String, byte[]> rules = new TreeMap<>(this.files);
		rules.keySet().removeIf((name) -> name.startsWith(ACKNOWLEDGEMENTS));
		this.version = hash(rules);
		this.contentVersion = hash(this.files);
	}

	public static RuleFiles fromFolder(Path folder) {
		Map<String, byte[]> files = new TreeMap<>();
		try (Stream<Path> walk = Files.walk(folder)) {
			for (Path path : walk.filter(Files::isRegularFile).toList()) {
				String name = folder.relativize(path).toString().replace('\\', '/');
				if (isRuleFile(name) && !hidden(name)) {
					files.put(name, Files.readAllBytes(path));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not read the rules folder " + folder + ": " + ex.getMessage(), ex);
		}
		return new RuleFiles(files, folder.toAbsolutePath().normalize().toString());
	}

	/**
	 * Whether a file is in a hidden folder (".git/", or the "..data/" that a Kubernetes ConfigMap
	 * volume keeps its files in, beside links to them): never an author's rules, and read twice else.
	 */
	private static boolean hidden(String name) {
		return name.startsWith(".") || name.contains("/.");
	}

	/**
	 * Files kept somewhere else (the database's admitted versions), by name. Only the names a rules
	 * folder would have been read for are taken.
	 */
	public static RuleFiles of(Map<String, byte[]> files, String origin) {
		Map<String, byte[]> rules = new TreeMap<>(files);
		rules.keySet().removeIf((name) -> !isRuleFile(name));
		return new RuleFiles(rules, origin);
	}

	public static RuleFiles packaged() {
		Map<String, byte[]> files = new TreeMap<>();
		try {
			PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
			String root = resolver.getResource(PACKAGED_LOCATION).getURL().toString();
			for (Resource resource : resolver.getResources(PACKAGED_LOCATION + "**/*")) {
				String url = resource.getURL().toString();
				if (!resource.isReadable() || !url.startsWith(root)) {
					continue;
				}
				String name = url.substring(root.length());
				if (isRuleFile(name)) {
					try (InputStream in = resource.getInputStream()) {
						files.put(name, in.readAllBytes());
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not read the packaged rules: " + ex.getMessage(), ex);
		}
		return new RuleFiles(files, "packaged copy (" + PACKAGED_LOCATION + ")");
	}

	static boolean isRuleFile(String name) {
		String file = name.substring(name.lastIndexOf('/') + 1);
		if (file.startsWith(".") || file.endsWith("~")) {
			return false; // editor swap and backup files
		}
		if (name.startsWith(RECORD_CODES)) {
			return false;
		}
		boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
		if (name.startsWith(ACKNOWLEDGEMENTS)) {
			return yaml; // a README beside them is for people
		}
		return name.endsWith(".drl") || isDecisionTable(name) || isStrayTable(name) || name.endsWith(".properties")
				|| (name.startsWith("scenarios/") && yaml);
	}

	/** A decision table by a name the rule engine compiles: {@code .drl.csv}, {@code .drl.xls} or {@code .drl.xlsx}. */
	static boolean isDecisionTable(String name) {
		return name.endsWith(".drl.csv") || name.endsWith(".drl.xls") || name.endsWith(".drl.xlsx");
	}

	/**
	 * A spreadsheet by a name the rule engine would skip without a word (a plain {@code .xls}, say, or
	 * {@code .DRL.CSV}): it is read so that the compiler refuses it by name, rather than the rules
	 * serving without the rules it holds.
	 */
	static boolean isStrayTable(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		boolean spreadsheet = lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".xls")
				|| lower.endsWith(".xlsx") || lower.endsWith(".xlsm") || lower.endsWith(".ods");
		return spreadsheet && !isDecisionTable(name);
	}

	public Map<String, byte[]> all() {
		return this.files;
	}

	public Map<String, byte[]> matching(String suffix) {
		Map<String, byte[]> matching = new TreeMap<>();
		this.files.forEach((name, bytes) -> {
			if (name.endsWith(suffix)) {
				matching.put(name, bytes);
			}
		});
		return matching;
	}

	public String text(String name) {
		return new String(this.files.get(name), StandardCharsets.UTF_8);
	}

	/** Where the files came from: a folder's absolute path, or the packaged copy. */
	public String origin() {
		return this.origin;
	}

	/**
	 * The first 12 hex digits of a SHA-256 over every file's name and content, except the
	 * acknowledgements: adding one to a refused change does not change the version it names.
	 */
	public String version() {
		return this.version;
	}

	/** Like {@link #version()}, over every file, acknowledgements included: whether anything was saved. */
	public String contentVersion() {
		return this.contentVersion;
	}

	private static String hash(Map<String, byte[]> files) {
		return sha256(files).substring(0, 12);
	}

	/** A SHA-256 over each name and its bytes, in the map's order, in hex. */
	static String sha256(Map<String, byte[]> files) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			files.forEach((name, bytes) -> {
				digest.update(name.getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
				digest.update(bytes);
				digest.update((byte) 0);
			});
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
