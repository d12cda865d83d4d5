package org.backsafe.authoring;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.backsafe.rulebase.RuleFiles;
import org.backsafe.screening.Disposition;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;

/**
 * What each rule reads and concludes, read from its text with the DRL parser's descriptors (a
 * decision table first turned into DRL): the conditions it sets on the person and the pain (age,
 * severity), the derived facts it needs or needs absent, and the facts it inserts. The compiler
 * has already refused files that do not parse, so a file that fails here is only skipped.
 */
final class RuleReading {

	/** The facts that carry the person's profile; their constraints are what the rule reads of it. */
	private static final Set<String> PROFILE = Set.of("Person", "Pain");

	/** The facts built from the answers, read as codes by the compiler; not derived by a rule. */
	private static final Set<String> GIVEN = Set.of("Answer", "Person", "Pain", "MassagePlan", "ReportedPattern");

	/** A constraint that names an answer code ({@code PainDuration.CHRONIC}): the codes already say it. */
	private static final Pattern NAMES_A_CODE = Pattern.compile("\\b[A-Z][A-Za-z]+\\.[A-Z][A-Z0-9_]*\\b");

	private static final Pattern INSERTED = Pattern.compile("\\bnew\\s+([A-Z][A-Za-z0-9]*)\\s*\\(([^;]*)");

	private static final Pattern DISPOSITION = Pattern.compile("\\bDisposition\\.([A-Z_]+)");

	private static final Pattern FIELD = Pattern.compile("^\\s*!?\\s*([a-z][A-Za-z0-9]*)");

	private RuleReading() {
	}

	/**
	 * A condition on the person's profile, as written ({@code age >= 50}), with the field it reads
	 * ({@code age}).
	 */
	record Condition(String field, String text) {
	}

	/** A derived fact a rule needs ({@code FragileBones}), or needs to be absent ({@code not NoMassageToday}). */
	record FactUsed(String type, boolean absent) {
	}

	/**
	 * What one rule reads and concludes.
	 *
	 * @param conditions its conditions on age, severity and the rest of the profile
	 * @param facts the derived facts its conditions match
	 * @param inserts the types of the facts its consequence inserts
	 * @param referrals the levels of care of the referrals it inserts
	 */
	record Reading(List<Condition> conditions, List<FactUsed> facts, Set<String> inserts, Set<Disposition> referrals) {

		static final Reading NONE = new Reading(List.of(), List.of(), Set.of(), Set.of());

	}

	/** Every rule's reading, by rule name. */
	static Map<String, Reading> of(RuleFiles files) {
		Map<String, Reading> readings = new HashMap<>();
		files.matching(".drl").forEach((name, bytes) -> read(files.text(name), readings));
		files.all().forEach((name, bytes) -> {
			if (name.endsWith(".drl.csv") || name.endsWith(".drl.xls") || name.endsWith(".drl.xlsx")) {
				try {
					InputType type = name.endsWith(".csv") ? InputType.CSV : InputType.XLS;
					read(new SpreadsheetCompiler().compile(new ByteArrayInputStream(bytes), type), readings);
				}
				catch (RuntimeException ex) {
					// the compiler has reported this table already
				}
			}
		});
		return readings;
	}

	static void read(String drl, Map<String, Reading> readings) {
		PackageDescr parsed;
		try {
			parsed = new DrlParser().parse(false, drl);
		}
		catch (Exception ex) {
			return;
		}
		if (parsed == null) {
			return;
		}
		for (RuleDescr rule : parsed.getRules()) {
			List<Condition> conditions = new ArrayList<>();
			Set<FactUsed> facts = new LinkedHashSet<>();
			walk(rule.getLhs(), false, conditions, facts);
			String consequence = String.valueOf(rule.getConsequence());
			Set<String> inserts = new LinkedHashSet<>();
			Set<Disposition> referrals = EnumSet.noneOf(Disposition.class);
			Matcher inserted = INSERTED.matcher(consequence);
			while (inserted.find()) {
				inserts.add(inserted.group(1));
				Matcher level = DISPOSITION.matcher(inserted.group(2));
				if (inserted.group(1).equals("Referral") && level.find()) {
					referrals.add(Disposition.valueOf(level.group(1)));
				}
			}
			readings.put(rule.getName(), new Reading(List.copyOf(conditions), List.copyOf(facts), Set.copyOf(inserts),
					Set.copyOf(referrals)));
		}
	}

	private static void walk(BaseDescr descr, boolean absent, List<Condition> conditions, Set<FactUsed> facts) {
		if (descr instanceof PatternDescr pattern) {
			String type = simpleName(pattern.getObjectType());
			if (PROFILE.contains(type) && pattern.getConstraint() != null) {
				for (BaseDescr constraint : pattern.getConstraint().getDescrs()) {
					if (constraint instanceof ExprConstraintDescr expr) {
						condition(expr.getExpression()).ifPresent(conditions::add);
					}
				}
			}
			if (!GIVEN.contains(type)) {
				facts.add(new FactUsed(type, absent));
			}
			return;
		}
		if (descr instanceof ConditionalElementDescr group) {
			boolean negated = absent ^ (descr instanceof NotDescr);
			for (BaseDescr child : group.getDescrs()) {
				walk(child, negated, conditions, facts);
			}
		}
	}

	private static Optional<Condition> condition(String expression) {
		String text = expression.strip();
		if (text.isEmpty() || NAMES_A_CODE.matcher(text).find()) {
			return Optional.empty();
		}
		Matcher field = FIELD.matcher(text);
		return field.find() ? Optional.of(new Condition(field.group(1), text)) : Optional.empty();
	}

	private static String simpleName(String type) {
		return type == null ? "" : type.substring(type.lastIndexOf('.') + 1);
	}

}
