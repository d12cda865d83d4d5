package org.backsafe.rulebase;

import java.nio.file.Path;

/**
 * Edits of a copy of the project's rules that change outcomes, less or more cautiously, as a rule
 * author might make them; and the acknowledgement a reviewer writes for a less cautious one.
 */
public final class ImpactEdits {

	static final String DOCTOR_FIRST = "clinical-pack-doctor-first.drl";

	static final String RESTRICTIONS = "technique-restrictions.drl";

	static final String INDICATIONS = "technique-indications.drl.csv";

	static final String THRESHOLDS = "scenarios/thresholds.yaml";

	private ImpactEdits() {
	}

	/**
	 * A small fall needs a doctor first from 60 instead of 50: a doctor-first condition made only
	 * cautious between 50 and 59. The threshold scenarios move to 60 with it, as an author would
	 * move them, so only the comparison can tell what the change does at 55.
	 */
	public static void minorFallFromSixty(Path rules) {
		replace(rules, DOCTOR_FIRST, "Person(age >= 50)", "Person(age >= 60)");
		replace(rules, THRESHOLDS, "  age: 50\n  conditions: [PAIN_AFTER_MINOR_FALL]",
				"  age: 60\n  conditions: [PAIN_AFTER_MINOR_FALL]");
		replace(rules, THRESHOLDS, "  age: 50\n  unsure: [PAIN_AFTER_MINOR_FALL]",
				"  age: 60\n  unsure: [PAIN_AFTER_MINOR_FALL]");
	}

	/** Heat and hot stones no longer modified with a heart condition: a MODIFY lifted. */
	static void heartHeatUnrestricted(Path rules) {
		String text = RulesFolder.read(rules, RESTRICTIONS);
		int start = text.indexOf("rule \"Heart: heat and hot stones warm, not hot, and short\"");
		int end = text.indexOf("\nend\n", start) + "\nend\n".length();
		if (start < 0) {
			throw new IllegalStateException("the heart rule has changed; update this test");
		}
		RulesFolder.write(rules, RESTRICTIONS, text.substring(0, start) + text.substring(end));
	}

	/** Swedish massage indicated for everyone: a recommendation added even with no answer at all. */
	static void swedishForEveryone(Path rules) {
		RulesFolder.write(rules, "swedish-for-everyone.drl", """
				package org.backsafe.rules;

				import org.backsafe.screening.Technique;
				import org.backsafe.screening.facts.Indication;
				import org.backsafe.screening.facts.Person;

				rule "Swedish massage: indicated for everyone"
					@id("swedish-for-everyone")
					@source("Clinical pack: Werner and Benjamin contraindication chart (general relaxation)")
					@technique("SWEDISH")
				when
					Person()
				then
					insert(new Indication(Technique.SWEDISH));
				end
				""");
		RulesFolder.append(rules, "messages.properties", "swedish-for-everyone=Swedish massage suits most people.\n");
		RulesFolder.append(rules, "messages_es.properties",
				"swedish-for-everyone=El masaje sueco conviene a casi todos.\n");
	}

	/** Swedish massage modified after a small fall: a MODIFY added, and a stricter disposition. */
	static void gentleSwedishAfterAFall(Path rules) {
		RulesFolder.write(rules, "gentle-after-a-fall.drl", """
				package org.backsafe.rules;

				import org.backsafe.screening.HealthQuestion;
				import org.backsafe.screening.Technique;
				import org.backsafe.screening.Verdict;
				import org.backsafe.screening.facts.Answer;
				import org.backsafe.screening.facts.Restriction;

				rule "Small fall: Swedish massage with light pressure"
					@id("swedish-gentle-after-a-fall")
					@source("Clinical pack: Finucane et al., JOSPT 2020 (fracture: minor trauma)")
					@technique("SWEDISH")
				when
					Answer(question == HealthQuestion.PAIN_AFTER_MINOR_FALL, $q : question)
				then
					insert(new Restriction(Technique.SWEDISH, Verdict.MODIFY, $q));
				end
				""");
		RulesFolder.append(rules, "messages.properties",
				"swedish-gentle-after-a-fall=After {0}, Swedish massage with light pressure only.\n");
		RulesFolder.append(rules, "messages_es.properties",
				"swedish-gentle-after-a-fall=Tras {0}, masaje sueco solo con presión suave.\n");
	}

	/** Hot stones no longer indicated by any pain pattern: a recommendation dropped. */
	static void noHotStoneIndications(Path rules) {
		String text = RulesFolder.read(rules, INDICATIONS);
		String kept = text.lines()
			.filter((line) -> !line.contains(",hot-stone-for-stress,") && !line.contains(",hot-stone-for-cold-weather,"))
			.reduce("", (a, b) -> a + b + "\n");
		if (kept.equals(text)) {
			throw new IllegalStateException("the hot stone rows have changed; update this test");
		}
		RulesFolder.write(rules, INDICATIONS, kept);
	}

	/** An acknowledgement in the format a reviewer writes. */
	public static String acknowledgement(String from, String to, ImpactReport.Kind kind, Iterable<String> codes) {
		return "- from: " + from + "\n  to: " + to + "\n  kind: " + kind + "\n  codes: [" + String.join(", ", codes)
				+ "]\n  reviewedBy: Dr R. Reviewer\n  reason: a small fall before 60 is no fragility fracture sign"
				+ " without fragile bones\n";
	}

	static void replace(Path rules, String file, String from, String to) {
		String text = RulesFolder.read(rules, file);
		if (!text.contains(from)) {
			throw new IllegalStateException(file + " has changed; update this test (no \"" + from + "\")");
		}
		RulesFolder.write(rules, file, text.replace(from, to));
	}

}
