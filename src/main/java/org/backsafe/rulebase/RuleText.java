package org.backsafe.rulebase;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.backsafe.screening.Technique;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

/**
 * The DRL text of one rule file, as written or, for a decision table, as generated from it. A
 * table's rules remember the spreadsheet row they came from, so that errors and the catalogue point
 * at the row a clinician edits, not at generated lines nobody sees.
 */
final class RuleText {

	/** The comment the decision table compiler writes above each rule it generates. */
	private static final Pattern ROW_COMMENT = Pattern.compile("^// rule values at [A-Z]+(\\d+)");

	private static final Pattern CODE = Pattern
		.compile("\\b(?:HealthQuestion|PainPattern|PainDuration|PainArea|Equipment|Setting)\\.([A-Z][A-Z0-9_]*)\\b");

	private static final Pattern TECHNIQUE = Pattern.compile("\\bTechnique\\.([A-Z][A-Z0-9_]*)\\b");

	private static final Pattern LINE_COMMENT = Pattern.compile("//[^\\n]*");

	private final String file;

	private final String drl;

	private final String[] lines;

	/** For a table: the spreadsheet row of each generated line (index 0 is line 1); null for DRL. */
	private final int[] rows;

	private RuleText(String file, String drl, int[] rows) {
		this.file = file;
		this.drl = drl;
		this.lines = drl.split("\n", -1);
		this.rows = rows;
	}

	static RuleText drl(String file, String text) {
		return new RuleText(file, text, null);
	}

	/** Generates the DRL of a decision table ({@code .drl.csv}, {@code .drl.xls} or {@code .drl.xlsx}). */
	static RuleText decisionTable(String file, byte[] bytes) {
		InputType type = file.endsWith(".csv") ? InputType.CSV : InputType.XLS;
		String drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(bytes), type);
		String[] lines = drl.split("\n", -1);
		int[] rows = new int[lines.length];
		int row = 0;
		for (int i = 0; i < lines.length; i++) {
			Matcher comment = ROW_COMMENT.matcher(lines[i]);
			if (comment.find()) {
				row = Integer.parseInt(comment.group(1));
			}
			rows[i] = row;
		}
		return new RuleText(file, drl, rows);
	}

	/** The file the author edits. */
	String file() {
		return this.file;
	}

	/** The name it is compiled under: a table's generated DRL gets ".drl" added. */
	String compiledName() {
		return isTable() ? this.file + ".drl" : this.file;
	}

	String drl() {
		return this.drl;
	}

	boolean isTable() {
		return this.rows != null;
	}

	/** The spreadsheet row a generated line came from; 0 before the first rule. */
	int rowAt(int line) {
		if (this.rows == null || line < 1) {
			return 0;
		}
		return this.rows[Math.min(line, this.rows.length) - 1];
	}

	/** The conditions and the consequence of the rule written from {@code line} to {@code endLine}. */
	String[] whenAndThen(int line, int endLine) {
		StringBuilder when = new StringBuilder();
		StringBuilder then = new StringBuilder();
		StringBuilder into = null;
		int last = endLine >= line ? endLine : this.lines.length;
		for (int i = Math.max(line, 1); i <= Math.min(last, this.lines.length); i++) {
			String text = this.lines[i - 1];
			String word = text.strip();
			if (word.equals("when") || word.startsWith("when ")) {
				into = when;
			}
			else if (word.equals("then") || word.startsWith("then ")) {
				into = then;
			}
			else if (word.equals("end") && into == then) {
				break;
			}
			else if (into != null) {
				into.append(text).append('\n');
			}
		}
		return new String[] { LINE_COMMENT.matcher(when).replaceAll(""), LINE_COMMENT.matcher(then).replaceAll("") };
	}

	/** The answer codes a rule's conditions name, in the order they appear. */
	static List<String> codesRead(String conditions) {
		Set<String> codes = new LinkedHashSet<>();
		Matcher code = CODE.matcher(conditions);
		while (code.find()) {
			codes.add(code.group(1));
		}
		if (conditions.matches("(?s).*\\bselfMassage\\s*==\\s*true\\b.*")) {
			codes.add("SELF");
		}
		if (conditions.matches("(?s).*\\bselfMassage\\s*==\\s*false\\b.*")) {
			codes.add("PROFESSIONAL");
		}
		if (conditions.matches("(?s).*\\bworsening\\b.*")) {
			codes.add("worsening");
		}
		if (conditions.matches("(?s).*\\bunsure\\b.*")) {
			codes.add("unsure");
		}
		return new ArrayList<>(codes);
	}

	/** The techniques a rule's consequence names. */
	static Set<Technique> techniquesNamed(String consequence) {
		Set<Technique> techniques = new LinkedHashSet<>();
		Matcher name = TECHNIQUE.matcher(consequence);
		while (name.find()) {
			try {
				techniques.add(Technique.valueOf(name.group(1)));
			}
			catch (IllegalArgumentException ex) {
				// Not a technique: the compiler has already said so.
			}
		}
		return techniques;
	}

}
