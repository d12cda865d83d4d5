package org.backsafe.cdshooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.RequestCodes;

/**
 * Which codes in a patient's record answer which health question Yes: a table a clinician edits
 * ({@code rules/record-codes/record-codes.csv}), read once at start-up. Each row names a code
 * system, a code, the code's name in plain words and the question it answers. A row that cannot be
 * read is refused with its file and line, never skipped: a skipped row is a blood thinner the card
 * would not mention.
 *
 * <p>
 * The format: UTF-8 text, one row a line, fields separated by commas (a field holding a comma is
 * put in double quotes). The first line that is not a comment is the header
 * {@code system,code,display,question}. A line whose first character is {@code #} is a comment;
 * blank lines are allowed. ATC is hierarchical: a code ending in {@code *} is that code and
 * everything under it ({@code B01AF*} is every direct factor Xa inhibitor). Rows answer only
 * questions that are not warning signs: an old diagnosis in a record is not a warning sign today.
 */
final class RecordCodes {

	static final String SNOMED_CT = "http://snomed.info/sct";

	static final String ATC = "http://www.whocc.no/atc";

	static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

	/** The systems a row may name, with the names a card gives them and the shape of their codes. */
	static final Map<String, CodeSystem> SYSTEMS = Map.of(SNOMED_CT,
			new CodeSystem("SNOMED CT", Pattern.compile("[1-9][0-9]{5,17}"), false), ATC,
			new CodeSystem("ATC", Pattern.compile("[A-Z]([0-9]{2}([A-Z]([A-Z]([0-9]{2})?)?)?)?"), true), RXNORM,
			new CodeSystem("RxNorm", Pattern.compile("[1-9][0-9]{0,9}"), false));

	static final List<String> HEADER = List.of("system", "code", "display", "question");

	/** Far more than a clinician's table needs; a file beyond it is a mistake, refused. */
	static final int MAX_ROWS = 10_000;

	static final int MAX_DISPLAY = 80;

	record CodeSystem(String name, Pattern code, boolean hierarchical) {
	}

	/**
	 * One row: {@code code} without its {@code *}; {@code everythingUnder} when it had one.
	 * @param line where it is in the file, for a reader of the table
	 */
	record Row(String system, String code, boolean everythingUnder, String display, HealthQuestion question,
			int line) {

		boolean matches(String system, String code) {
			return this.system.equals(system) && (this.everythingUnder ? code.startsWith(this.code)
					: code.equals(this.code));
		}

		/** An exact row before any prefix, a longer prefix before a shorter one. */
		int specificity() {
			return this.everythingUnder ? this.code.length() : Integer.MAX_VALUE;
		}

	}

	/** The rows of a table that cannot be read: file and line, then why. */
	static final class Invalid extends IllegalStateException {

		Invalid(String file, int line, String why) {
			super(file + ((line > 0) ? ", line " + line : "") + ": " + why);
		}

	}

	private final List<Row> rows;

	private final String file;

	private final String version;

	private RecordCodes(List<Row> rows, String file, String version) {
		this.rows = List.copyOf(rows);
		this.file = file;
		this.version = version;
	}

	List<Row> rows() {
		return this.rows;
	}

	/** Where the table was read from, for the log and the documentation. */
	String file() {
		return this.file;
	}

	/** The first 8 hex digits of a SHA-256 over the file: which table a card was made with. */
	String version() {
		return this.version;
	}

	/**
	 * The questions a coded entry answers Yes, each with the most specific row that says so.
	 */
	List<Row> answers(String system, String code) {
		if (system == null || code == null) {
			return List.of();
		}
		Map<HealthQuestion, Row> best = new LinkedHashMap<>();
		for (Row row : this.rows) {
			if (row.matches(system, code)) {
				best.merge(row.question(), row,
						(a, b) -> (b.specificity() > a.specificity()) ? b : a);
			}
		}
		return best.values().stream().sorted(Comparator.comparing(Row::question)).toList();
	}

	/** The name a card gives a code system, such as "ATC"; the URL itself for any other. */
	static String systemName(String system) {
		CodeSystem known = SYSTEMS.get(system);
		return (known != null) ? known.name() : system;
	}

	/**
	 * The table in a file's text.
	 * @param file the file's name, for the messages
	 * @throws Invalid naming the file and line of the first row that cannot be read
	 */
	static RecordCodes read(byte[] bytes, String file) {
		String text = new String(bytes, StandardCharsets.UTF_8);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1); // a spreadsheet's byte order mark
		}
		String[] lines = text.split("\r?\n", -1);
		List<Row> rows = new ArrayList<>();
		Set<List<Object>> seen = new HashSet<>();
		boolean header = false;
		for (int i = 0; i < lines.length; i++) {
			int number = i + 1;
			String line = lines[i];
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			List<String> fields = fields(line, file, number);
			if (!header) {
				if (!fields.stream().map(String::strip).toList().equals(HEADER)) {
					throw new Invalid(file, number, "the first row must be the header " + String.join(",", HEADER)
							+ " (a line starting with # is a comment)");
				}
				header = true;
				continue;
			}
			if (fields.size() != HEADER.size()) {
				throw new Invalid(file, number, "a row has " + HEADER.size() + " fields (" + String.join(",", HEADER)
						+ "), this one has " + fields.size() + "; put a display holding a comma in double quotes");
			}
			Row row = row(fields, file, number);
			if (!seen.add(List.of(row.system(), row.code(), row.everythingUnder(), row.question()))) {
				throw new Invalid(file, number, "the same system, code and question as an earlier row");
			}
			rows.add(row);
			if (rows.size() > MAX_ROWS) {
				throw new Invalid(file, number, "more than " + MAX_ROWS + " rows");
			}
		}
		if (!header) {
			throw new Invalid(file, 0, "no header row (" + String.join(",", HEADER) + ")");
		}
		return new RecordCodes(rows, file, sha256(bytes).substring(0, 8));
	}

	private static Row row(List<String> fields, String file, int line) {
		String system = fields.get(0).strip();
		String code = fields.get(1).strip();
		String display = fields.get(2).strip();
		String question = fields.get(3).strip();
		CodeSystem known = SYSTEMS.get(system);
		if (known == null) {
			throw new Invalid(file, line, "unknown code system '" + shown(system) + "'; known: " + String.join(", ",
					SYSTEMS.keySet().stream().sorted().toList()));
		}
		boolean everythingUnder = code.endsWith("*");
		String bare = everythingUnder ? code.substring(0, code.length() - 1) : code;
		if (everythingUnder && !known.hierarchical()) {
			throw new Invalid(file, line, known.name() + " codes are not a hierarchy of prefixes: a trailing * is for ATC only");
		}
		if (!known.code().matcher(bare).matches()) {
			throw new Invalid(file, line, "'" + shown(code) + "' is not a " + known.name() + " code");
		}
		if (display.isEmpty() || display.length() > MAX_DISPLAY) {
			throw new Invalid(file, line, "the display must be 1 to " + MAX_DISPLAY + " characters");
		}
		if (display.codePoints().anyMatch(Character::isISOControl)) {
			throw new Invalid(file, line, "the display holds a control character");
		}
		Optional<HealthQuestion> answered = RequestCodes.code(HealthQuestion.class, question);
		if (answered.isEmpty()) {
			throw new Invalid(file, line, RequestCodes.unknown("'" + shown(question) + "'", HealthQuestion.class));
		}
		if (answered.get().isWarningSign()) {
			throw new Invalid(file, line, question + " is a warning sign: a record says what was, a warning sign is"
					+ " what is happening now, so the patient is always asked it; map the code to a health question");
		}
		return new Row(system, bare, everythingUnder, display, answered.get(), line);
	}

	/** A line's fields: comma-separated, a field in double quotes may hold commas and "" for a quote. */
	static List<String> fields(String line, String file, int number) {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		int i = 0;
		while (true) {
			while (i < line.length() && line.charAt(i) == ' ') {
				i++;
			}
			if (i < line.length() && line.charAt(i) == '"') {
				i++;
				while (true) {
					if (i >= line.length()) {
						throw new Invalid(file, number, "a quoted field is not closed");
					}
					char c = line.charAt(i++);
					if (c == '"') {
						if (i < line.length() && line.charAt(i) == '"') {
							field.append('"');
							i++;
						}
						else {
							break;
						}
					}
					else {
						field.append(c);
					}
				}
				while (i < line.length() && line.charAt(i) == ' ') {
					i++;
				}
				if (i < line.length() && line.charAt(i) != ',') {
					throw new Invalid(file, number, "text after a quoted field; put the whole field in the quotes");
				}
			}
			else {
				while (i < line.length() && line.charAt(i) != ',') {
					char c = line.charAt(i++);
					if (c == '"') {
						throw new Invalid(file, number, "a double quote inside a field; quote the whole field");
					}
					field.append(c);
				}
			}
			fields.add(field.toString());
			field.setLength(0);
			if (i >= line.length()) {
				return fields;
			}
			i++; // the comma
		}
	}

	/** A value from the file, cut short and stripped of control characters, for a message. */
	private static String shown(String value) {
		String clean = value.codePoints()
			.filter((c) -> !Character.isISOControl(c))
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
		return (clean.length() > 60) ? clean.substring(0, 60) + "..." : clean;
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
