package org.backsafe.rulebase;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sources the rules cite, from {@code sources.properties} beside the rules (and
 * {@code sources_<language>.properties} for the words around the titles): each cited document's
 * title and language ({@code 000_e142765fd6634e76.txt=The Art of ...},
 * {@code 000_e142765fd6634e76.txt.language=en}), and what the clinical pack is
 * ({@code clinical-pack.name}, {@code clinical-pack.description}). Each rule base version has its own,
 * so a result is cited by the table of the version that made it.
 * <p>
 * It is also the one place that turns a rule's {@code @source} into what a person reads
 * ({@link #words}): file names are for authors and the JSON API, never for a page.
 */
public final class SourceTable {

	/** The table in the default language; other languages are {@code sources_<language>.properties}. */
	public static final String FILE = "sources.properties";

	/** A cited document: a plain file name ending in .txt, wherever it stands in a source. */
	static final Pattern CITED_FILE = Pattern.compile("(?<![A-Za-z0-9_.-])[A-Za-z0-9_-]+\\.txt(?![A-Za-z0-9_])");

	/** A part of a source that cites a document: the file, then a comma and the section heading. */
	private static final Pattern CITATION = Pattern.compile("([A-Za-z0-9_-]+\\.txt)\\s*(?:,\\s*(.*))?", Pattern.DOTALL);

	private static final String LANGUAGE = ".language";

	private static final String CLINICAL_PACK = "clinical-pack.name";

	private static final String CLINICAL_PACK_DESCRIPTION = "clinical-pack.description";

	/** No table: every file name is dropped and only the cited headings are left. */
	public static final SourceTable EMPTY = new SourceTable(Map.of());

	/** The entries by language; the default language's hold everything, the others what they translate. */
	private final Map<String, Map<String, String>> entries;

	/**
	 * {@link #words} by language and source, once worked out: a result words each of its lines, and
	 * the regular expressions cost more than the rest of an answer over HTTP. Bounded, though the
	 * sources are the rule base's own.
	 */
	private final Map<String, String> wordsBySource = new ConcurrentHashMap<>();

	private static final int MAX_REMEMBERED = 10_000;

	/** A table from its entries by language (key to text, as in the properties files). */
	public SourceTable(Map<String, Map<String, String>> entries) {
		Map<String, Map<String, String>> copy = new TreeMap<>();
		entries.forEach((language, texts) -> copy.put(language, Map.copyOf(texts)));
		this.entries = Map.copyOf(copy);
	}

	/** A document the table knows: its file, its title, and the language it is written in (null if not said). */
	public record Document(String file, String title, String language) {
	}

	/** The title of a cited document, in the reader's language if the table translates it. */
	public Optional<String> title(String file, Locale locale) {
		return entry(file, locale);
	}

	/** Every document in the table, by file name, for a list of where the advice comes from. */
	public List<Document> documents(Locale locale) {
		return defaults().keySet()
			.stream()
			.filter((key) -> CITED_FILE.matcher(key).matches())
			.sorted()
			.flatMap((file) -> entry(file, locale).stream()
				.map((title) -> new Document(file, title, entry(file + LANGUAGE, locale).orElse(null))))
			.toList();
	}

	/** What the rules call the clinical pack, in the reader's language. */
	public Optional<String> clinicalPack(Locale locale) {
		return entry(CLINICAL_PACK, locale);
	}

	/** A short plain description of the clinical pack, in the reader's language. */
	public Optional<String> clinicalPackDescription(Locale locale) {
		return entry(CLINICAL_PACK_DESCRIPTION, locale);
	}

	/**
	 * A source as a person reads it. Each ";"-separated part that starts with a cited file becomes
	 * {@code Title, "Section heading"}; any other part ("clinical pack: NICE NG59") is kept, with a
	 * capital first letter. A file name anywhere else in a part is replaced by its title. A file
	 * this table has no title for (only possible when a result is worded by another version's table)
	 * is left out, keeping its heading: a page never shows a file name.
	 */
	public String words(String source, Locale locale) {
		if (source == null) {
			return null;
		}
		String key = locale.getLanguage() + '\n' + source;
		String known = this.wordsBySource.get(key);
		if (known != null) {
			return known;
		}
		String words = wordsOf(source, locale);
		if (this.wordsBySource.size() < MAX_REMEMBERED) {
			this.wordsBySource.put(key, words);
		}
		return words;
	}

	private String wordsOf(String source, Locale locale) {
		List<String> parts = new ArrayList<>();
		for (String part : source.split(";")) {
			String text = part.strip();
			if (text.isEmpty()) {
				continue;
			}
			Matcher cited = CITATION.matcher(text);
			if (!cited.matches()) {
				parts.add(capitalised(withTitles(text, locale)));
				continue;
			}
			String heading = (cited.group(2) != null) ? withTitles(cited.group(2).strip(), locale) : "";
			Optional<String> title = title(cited.group(1), locale);
			String quoted = heading.isEmpty() ? "" : "\"" + heading + "\"";
			String words = title.map((t) -> quoted.isEmpty() ? t : t + ", " + quoted).orElse(quoted);
			if (!words.isEmpty()) {
				parts.add(words);
			}
		}
		return String.join("; ", parts);
	}

	/** Every file a source cites, wherever it stands, in the order cited. */
	static Set<String> citedFiles(String source) {
		Set<String> files = new LinkedHashSet<>();
		if (source != null) {
			Matcher file = CITED_FILE.matcher(source);
			while (file.find()) {
				files.add(file.group());
			}
		}
		return files;
	}

	private String withTitles(String text, Locale locale) {
		Matcher file = CITED_FILE.matcher(text);
		StringBuilder replaced = new StringBuilder();
		int at = 0;
		while (file.find()) {
			replaced.append(text, at, file.start());
			Optional<String> title = title(file.group(), locale);
			at = file.end();
			if (title.isPresent()) {
				replaced.append(title.get());
			}
			else {
				// No title: drop the name and the comma after it, so the section heading reads on.
				while (at < text.length() && (text.charAt(at) == ',' || text.charAt(at) == ' ')) {
					at++;
				}
			}
		}
		replaced.append(text, at, text.length());
		return replaced.toString().strip();
	}

	private static String capitalised(String text) {
		if (text.isEmpty()) {
			return text;
		}
		int first = text.codePointAt(0);
		return new StringBuilder().appendCodePoint(Character.toUpperCase(first))
			.append(text, Character.charCount(first), text.length())
			.toString();
	}

	private Optional<String> entry(String key, Locale locale) {
		String text = this.entries.getOrDefault(locale.getLanguage(), Map.of()).get(key);
		if (text == null || text.isBlank()) {
			text = defaults().get(key);
		}
		return Optional.ofNullable(text).map(String::strip).filter((t) -> !t.isEmpty());
	}

	private Map<String, String> defaults() {
		return this.entries.getOrDefault(RuleBase.LANGUAGES.get(0), Map.of());
	}

}
