package org.backsafe.authoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.backsafe.rulebase.SourceTable;

import org.springframework.stereotype.Component;

/**
 * The documents the rules cite, read from the configured folder when it exists. A rule's
 * {@code @source} names a document and a section heading ("001_3749b9a02460a9d9.txt, When to Avoid
 * Massage"); this finds that heading in the document so the catalogue can link to it, and names the
 * document by its title from the rule base's table of sources. Documents are read when asked for, so
 * a folder added later is picked up.
 */
@Component
class SourceDocuments {

	/** A cited document: a file name ending in .txt, then a comma and the section. */
	private static final Pattern CITATION = Pattern.compile("^\\s*([A-Za-z0-9_-]+\\.txt)\\s*,\\s*(.+?)\\s*$");

	private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_-]+\\.txt");

	/** A line longer than this is body text, not a heading. */
	private static final int HEADING_MAX = 100;

	private final SourcesProperties properties;

	SourceDocuments(SourcesProperties properties) {
		this.properties = properties;
	}

	/**
	 * One part of a rule's source: its words as written, the cited document's title (null when the
	 * part cites none), and a link to the passage when the document is here.
	 */
	record Citation(String text, String title, String document, String anchor) {

		public String href() {
			return this.document == null ? null
					: "/rules/sources/" + this.document + (this.anchor != null ? "#" + this.anchor : "");
		}

	}

	/** A document as paragraphs, its headings with anchors. */
	record Document(String file, List<Block> blocks) {
	}

	record Block(String text, String anchor, boolean heading) {
	}

	/**
	 * Splits a source at ";", names each part that cites a document by its title in the table, and
	 * links it when the document is found in the folder.
	 */
	List<Citation> cite(String source, SourceTable titles) {
		List<Citation> citations = new ArrayList<>();
		if (source == null) {
			return citations;
		}
		for (String part : source.split(";")) {
			if (part.isBlank()) {
				continue;
			}
			Matcher cited = CITATION.matcher(part);
			// titles are not translated, so the catalogue reads them in the table's default language
			String title = cited.matches() ? titles.title(cited.group(1), Locale.ROOT).orElse(null) : null;
			Optional<Document> document = cited.matches() ? document(cited.group(1)) : Optional.empty();
			if (document.isEmpty()) {
				citations.add(new Citation(part.strip(), title, null, null));
				continue;
			}
			citations.add(new Citation(part.strip(), title, document.get().file(),
					anchorFor(document.get(), cited.group(2)).orElse(null)));
		}
		return citations;
	}

	/** The document of that name in the folder, if there is one. */
	Optional<Document> document(String file) {
		if (file == null || !SAFE_NAME.matcher(file).matches()) {
			return Optional.empty();
		}
		Path folder = this.properties.folder().toAbsolutePath().normalize();
		Path path = folder.resolve(file).normalize();
		if (!path.startsWith(folder) || !Files.isRegularFile(path)) {
			return Optional.empty();
		}
		try {
			return Optional.of(parse(file, Files.readString(path, StandardCharsets.UTF_8)));
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	static Document parse(String file, String text) {
		List<Block> blocks = new ArrayList<>();
		Set<String> anchors = new HashSet<>();
		for (String line : text.split("\\R")) {
			String words = line.strip();
			if (words.isEmpty()) {
				continue;
			}
			if (isHeading(words)) {
				String anchor = slug(words);
				String unique = anchor;
				for (int n = 2; !anchors.add(unique); n++) {
					unique = anchor + "-" + n;
				}
				blocks.add(new Block(words, unique, true));
			}
			else {
				blocks.add(new Block(words, null, false));
			}
		}
		return new Document(file, blocks);
	}

	/** The anchor of the longest heading that the cited section starts with. */
	static Optional<String> anchorFor(Document document, String section) {
		String cited = normalise(section);
		Block best = null;
		for (Block block : document.blocks()) {
			if (!block.heading()) {
				continue;
			}
			String heading = normalise(block.text());
			if (!heading.isEmpty() && cited.startsWith(heading)
					&& (best == null || heading.length() > normalise(best.text()).length())) {
				best = block;
			}
		}
		return Optional.ofNullable(best).map(Block::anchor);
	}

	private static boolean isHeading(String line) {
		return line.length() <= HEADING_MAX && !line.endsWith(".") && !line.endsWith(",") && !line.startsWith("•")
				&& !line.startsWith("-");
	}

	private static String normalise(String text) {
		return text.strip().replaceAll("[:\\s]+$", "").replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}

	static String slug(String text) {
		String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
		return slug.isEmpty() ? "section" : slug;
	}

}
