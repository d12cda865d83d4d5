package org.backsafe.system;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.backsafe.questionnaire.HealthAnswer;
import org.backsafe.screening.Disposition;
import org.backsafe.screening.Equipment;
import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.PainArea;
import org.backsafe.screening.PainDuration;
import org.backsafe.screening.PainPattern;
import org.backsafe.screening.Setting;
import org.backsafe.screening.Technique;
import org.backsafe.screening.Verdict;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every word the application shows is in a message bundle, in every language. Covers every bundle
 * under messages/ (engine, web, and any feature's own), the rule wording in rules/, and every
 * template.
 */
class MessageBundlesTests {

	static final Path MESSAGES = Path.of("src", "main", "resources", "messages");

	static final Path RULES = Path.of("rules");

	static final Path TEMPLATES = Path.of("src", "main", "resources", "templates");

	/** A bundle file: base name, then an optional _language, then .properties. */
	static final Pattern BUNDLE_FILE = Pattern.compile("([a-z0-9-]+?)(?:_([a-z]{2}))?\\.properties");

	@Nested
	class Bundles {

		@Test
		void everyBundleHasAFileForEveryLanguageWithTheSameKeys() throws IOException {
			Map<String, List<String>> problems = new TreeMap<>();
			for (Path folder : List.of(MESSAGES, RULES)) {
				for (Map.Entry<String, Map<String, Properties>> bundle : bundles(folder).entrySet()) {
					Map<String, Properties> languages = bundle.getValue();
					Set<String> allKeys = new TreeSet<>();
					languages.values().forEach((p) -> allKeys.addAll(p.stringPropertyNames()));
					for (String language : LanguageConfiguration.LANGUAGES) {
						String file = folder.resolve(fileName(bundle.getKey(), language)).toString();
						Properties properties = languages.get(language);
						if (properties == null) {
							problems.put(file, List.of("file is missing"));
							continue;
						}
						List<String> missing = allKeys.stream().filter((k) -> !properties.containsKey(k)).toList();
						if (!missing.isEmpty()) {
							problems.put(file, missing);
						}
					}
				}
			}
			assertThat(problems).as("keys missing, by file").isEmpty();
		}

		@Test
		void theBundlesIncludeTheOnesThisCheckMustCover() throws IOException {
			assertThat(bundles(MESSAGES)).containsKeys("engine", "web");
			assertThat(bundles(RULES)).containsKeys("messages", "sources");
		}

		@Test
		void noMessageIsEmpty() throws IOException {
			List<String> empty = new ArrayList<>();
			for (Path folder : List.of(MESSAGES, RULES)) {
				for (Map.Entry<String, Map<String, Properties>> bundle : bundles(folder).entrySet()) {
					bundle.getValue()
						.forEach((language, properties) -> properties.stringPropertyNames()
							.stream()
							.filter((key) -> properties.getProperty(key).isBlank())
							.forEach((key) -> empty.add(fileName(bundle.getKey(), language) + ": " + key)));
				}
			}
			assertThat(empty).isEmpty();
		}

		@Test
		void everyCodeShownOnAPageHasItsWords() throws IOException {
			Properties english = defaults(MESSAGES);
			List<String> keys = new ArrayList<>();
			for (HealthQuestion question : HealthQuestion.values()) {
				keys.addAll(List.of("question." + question, "question." + question + ".help",
						"question." + question + ".inline"));
			}
			for (Disposition disposition : Disposition.values()) {
				keys.addAll(List.of("disposition." + disposition + ".summary", "result." + disposition + ".title",
						"result." + disposition + ".step1", "result." + disposition + ".step2",
						"result." + disposition + ".step3"));
			}
			for (Verdict verdict : Verdict.values()) {
				keys.addAll(List.of("verdict." + verdict, "result.verdict." + verdict + ".meaning"));
			}
			keys.addAll(codes("technique.", Technique.values()));
			keys.addAll(codes("area.", PainArea.values()));
			keys.addAll(codes("duration.", PainDuration.values()));
			keys.addAll(codes("pattern.", PainPattern.values()));
			keys.addAll(codes("setting.", Setting.values()));
			keys.addAll(codes("equipment.", Equipment.values()));
			keys.addAll(codes("answer.", HealthAnswer.values()));
			keys.addAll(codes("layout.language.", LanguageConfiguration.LANGUAGES.toArray()));
			assertThat(keys.stream().filter((key) -> !english.containsKey(key))).isEmpty();
		}

		private static List<String> codes(String prefix, Object[] values) {
			return Arrays.stream(values).map((v) -> prefix + v).toList();
		}

	}

	@Nested
	class Templates {

		@Test
		void holdNoUntranslatedText() throws IOException {
			List<String> found = new ArrayList<>();
			for (Path template : templates()) {
				literalText(Files.readString(template)).forEach((text) -> found.add(template + ": " + text));
			}
			assertThat(found).isEmpty();
		}

		@Test
		void nameOnlyMessageKeysThatExist() throws IOException {
			Properties english = defaults(MESSAGES);
			Pattern key = Pattern.compile("#\\{([\\w.-]+)[}(]");
			List<String> missing = new ArrayList<>();
			for (Path template : templates()) {
				Matcher matcher = key.matcher(Files.readString(template));
				while (matcher.find()) {
					if (!english.containsKey(matcher.group(1))) {
						missing.add(template + ": " + matcher.group(1));
					}
				}
			}
			assertThat(missing).isEmpty();
		}

		@Test
		void theCheckFindsLiteralTextAndLeavesTranslatedTextAlone() {
			assertThat(literalText("""
					<!--/* A comment may say anything. */-->
					<h1 th:text="#{questionnaire.heading}"></h1>
					<p>Hello there</p>
					<img src="x.png" alt="A picture">
					<meta name="viewport" content="width=device-width, initial-scale=1">
					<span th:text="${n}">0</span> / <b>:</b>
					""")).containsExactly("Hello there", "alt=\"A picture\"");
		}

	}

	/**
	 * Words a person would see that do not come from a bundle: text between tags, and the attributes
	 * read aloud or shown (alt, title, aria-label, placeholder). Comments are skipped; text with no
	 * letter in it (numbers, punctuation) is allowed.
	 */
	static List<String> literalText(String html) {
		String markup = html.replaceAll("(?s)<!--.*?-->", "");
		List<String> found = new ArrayList<>();
		Matcher text = Pattern.compile(">([^<>]+)<").matcher(markup);
		while (text.find()) {
			String words = text.group(1).strip();
			if (words.codePoints().anyMatch(Character::isLetter)) {
				found.add(words);
			}
		}
		Matcher attribute = Pattern.compile("(?<![\\w:-])(alt|title|aria-label|placeholder)=\"([^\"]*)\"")
			.matcher(markup);
		while (attribute.find()) {
			if (attribute.group(2).codePoints().anyMatch(Character::isLetter)) {
				found.add(attribute.group());
			}
		}
		return found;
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter((f) -> f.toString().endsWith(".html")).sorted().toList();
		}
	}

	/** The bundles in a folder: base name, then language, then the messages. */
	private static Map<String, Map<String, Properties>> bundles(Path folder) throws IOException {
		Map<String, Map<String, Properties>> bundles = new TreeMap<>();
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.sorted().toList()) {
				Matcher name = BUNDLE_FILE.matcher(file.getFileName().toString());
				if (name.matches()) {
					String language = (name.group(2) != null) ? name.group(2) : LanguageConfiguration.LANGUAGES.get(0);
					bundles.computeIfAbsent(name.group(1), (k) -> new TreeMap<>()).put(language, load(file));
				}
			}
		}
		return bundles;
	}

	/** Every message of every bundle in the folder, in the default language. */
	private static Properties defaults(Path folder) throws IOException {
		Properties all = new Properties();
		for (Map<String, Properties> bundle : bundles(folder).values()) {
			all.putAll(bundle.get(LanguageConfiguration.LANGUAGES.get(0)));
		}
		return all;
	}

	private static String fileName(String base, String language) {
		return language.equals(LanguageConfiguration.LANGUAGES.get(0)) ? base + ".properties"
				: base + "_" + language + ".properties";
	}

	private static Properties load(Path file) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
