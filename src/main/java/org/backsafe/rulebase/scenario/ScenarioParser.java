package org.backsafe.rulebase.scenario;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.backsafe.screening.Disposition;
import org.backsafe.screening.Equipment;
import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.PainArea;
import org.backsafe.screening.PainDuration;
import org.backsafe.screening.PainPattern;
import org.backsafe.screening.PainProfile;
import org.backsafe.screening.RequestCodes;
import org.backsafe.screening.ScreeningRequest;
import org.backsafe.screening.Setting;
import org.backsafe.screening.Technique;
import org.backsafe.screening.UrgentAction;
import org.backsafe.screening.Verdict;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a scenario file: a YAML list of scenarios. Anything it does not know is an error that names
 * the file, the line and the scenario, never silently ignored. Answers left out take plain defaults
 * (age 40, lower back pain for under 6 weeks at 3 out of 10, not worsening, self-massage), so a
 * scenario states only what matters to it.
 */
public final class ScenarioParser {

	private static final Set<String> SCENARIO_KEYS = Set.of("scenario", "notes", "age", "conditions", "unsure", "pain",
			"setting", "equipment", "expect");

	private static final Set<String> PAIN_KEYS = Set.of("areas", "duration", "severity", "worsening", "patterns");

	private static final Set<String> EXPECT_KEYS = Set.of("disposition", "urgentAction", "verdicts", "allTechniques",
			"professionalOnly", "reasons", "absentReasons");

	private ScenarioParser() {
	}

	public static List<Scenario> parse(String file, String yamlText) {
		Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
		Object document;
		Node tree;
		try {
			document = yaml.load(yamlText);
			tree = yaml.compose(new StringReader(yamlText));
		}
		catch (MarkedYAMLException ex) {
			throw new ScenarioFormatException(ex.getProblemMark().getLine() + 1, "not valid YAML: " + ex.getProblem());
		}
		catch (YAMLException ex) {
			throw new ScenarioFormatException(0, "not valid YAML: " + ex.getMessage());
		}
		if (document == null) {
			return List.of();
		}
		if (!(document instanceof List<?> items) || !(tree instanceof SequenceNode sequence)) {
			throw new ScenarioFormatException(1, "a scenario file is a list of scenarios, each starting with"
					+ " \"- scenario: <name>\"");
		}
		List<Scenario> scenarios = new ArrayList<>();
		Set<String> names = new LinkedHashSet<>();
		for (int i = 0; i < items.size(); i++) {
			int line = sequence.getValue().get(i).getStartMark().getLine() + 1;
			Scenario scenario = new Reader(file, line).scenario(items.get(i));
			if (!names.add(scenario.name())) {
				throw new ScenarioFormatException(line, "the scenario name \"" + scenario.name()
						+ "\" is used twice in this file");
			}
			scenarios.add(scenario);
		}
		return scenarios;
	}

	/** Reads one scenario, knowing where it is so that every error can say so. */
	private static final class Reader {

		private final String file;

		private final int line;

		private String name = "?";

		Reader(String file, int line) {
			this.file = file;
			this.line = line;
		}

		Scenario scenario(Object item) {
			Map<?, ?> map = map(item, "scenario");
			Object named = map.get("scenario");
			if (!(named instanceof String text) || text.isBlank()) {
				throw error("each scenario needs a name: \"- scenario: <what it shows>\"");
			}
			this.name = text.strip();
			keys(map, SCENARIO_KEYS, "scenario");
			if (!map.containsKey("expect")) {
				throw error("\"expect\" is missing: say at least the expected disposition");
			}
			Set<HealthQuestion> yes = codes(map.get("conditions"), HealthQuestion.class, "conditions");
			Set<HealthQuestion> unsure = codes(map.get("unsure"), HealthQuestion.class, "unsure");
			for (HealthQuestion q : unsure) {
				if (yes.contains(q)) {
					throw error(q + " is under both \"conditions\" and \"unsure\"");
				}
			}
			try {
				ScreeningRequest request = RequestCodes.request(integer(map.get("age"), 40, "age"), yes, unsure,
						pain(map.get("pain")), code(map.get("setting"), Setting.class, Setting.SELF, "setting"),
						codes(map.get("equipment"), Equipment.class, "equipment"));
				return new Scenario(this.file, this.line, this.name, request, expectation(map.get("expect")));
			}
			catch (IllegalArgumentException ex) {
				throw error(ex.getMessage());
			}
		}

		private PainProfile pain(Object value) {
			Map<?, ?> pain = value == null ? Map.of() : map(value, "pain");
			keys(pain, PAIN_KEYS, "pain");
			Set<PainArea> areas = pain.containsKey("areas") ? codes(pain.get("areas"), PainArea.class, "pain.areas")
					: EnumSet.of(PainArea.LOWER_BACK);
			Object worsening = pain.containsKey("worsening") ? pain.get("worsening") : Boolean.FALSE;
			if (!(worsening instanceof Boolean worse)) {
				throw error("pain.worsening must be true or false, not \"" + worsening + "\"");
			}
			return new PainProfile(areas,
					code(pain.get("duration"), PainDuration.class, PainDuration.ACUTE, "pain.duration"),
					integer(pain.get("severity"), 3, "pain.severity"), worse,
					codes(pain.get("patterns"), PainPattern.class, "pain.patterns"));
		}

		private Scenario.Expectation expectation(Object value) {
			Map<?, ?> expect = map(value, "expect");
			keys(expect, EXPECT_KEYS, "expect");
			if (expect.get("disposition") == null) {
				throw error("expect.disposition is missing; one of " + Arrays.toString(Disposition.values()));
			}
			Disposition disposition = code(expect.get("disposition"), Disposition.class, null, "expect.disposition");
			UrgentAction urgentAction = code(expect.get("urgentAction"), UrgentAction.class, null,
					"expect.urgentAction");
			if (urgentAction != null && disposition != Disposition.URGENT_CARE) {
				throw error("expect.urgentAction says what to do now on an urgent result; it needs"
						+ " disposition: URGENT_CARE, not " + disposition);
			}
			Map<Technique, Verdict> verdicts = new EnumMap<>(Technique.class);
			if (expect.get("allTechniques") != null) {
				Verdict all = code(expect.get("allTechniques"), Verdict.class, null, "expect.allTechniques");
				for (Technique t : Technique.values()) {
					verdicts.put(t, all);
				}
			}
			if (expect.get("verdicts") != null) {
				map(expect.get("verdicts"), "expect.verdicts").forEach((technique, verdict) -> verdicts.put(
						code(technique, Technique.class, null, "expect.verdicts"),
						code(verdict, Verdict.class, null, "expect.verdicts." + technique)));
			}
			List<String> reasons = ruleIds(expect.get("reasons"), "expect.reasons");
			List<String> absentReasons = ruleIds(expect.get("absentReasons"), "expect.absentReasons");
			for (String reason : absentReasons) {
				if (reasons.contains(reason)) {
					throw error(reason + " is under both \"reasons\" and \"absentReasons\"");
				}
			}
			return new Scenario.Expectation(disposition, urgentAction, verdicts,
					codes(expect.get("professionalOnly"), Technique.class, "expect.professionalOnly"), reasons,
					absentReasons);
		}

		private List<String> ruleIds(Object value, String where) {
			List<String> ids = new ArrayList<>();
			for (Object id : list(value, where)) {
				ids.add(String.valueOf(id).strip());
			}
			return ids;
		}

		private void keys(Map<?, ?> map, Set<String> known, String where) {
			for (Object key : map.keySet()) {
				if (!known.contains(String.valueOf(key))) {
					throw error("unknown key \"" + key + "\" in " + where + "; known keys: " + known);
				}
			}
		}

		private Map<?, ?> map(Object value, String where) {
			if (value instanceof Map<?, ?> map) {
				return map;
			}
			throw error(where + " must be a set of \"key: value\" lines");
		}

		private List<?> list(Object value, String where) {
			if (value == null) {
				return List.of();
			}
			if (value instanceof List<?> list) {
				return list;
			}
			throw error(where + " must be a list, like [A, B]");
		}

		private int integer(Object value, int fallback, String where) {
			if (value == null) {
				return fallback;
			}
			if (value instanceof Integer number) {
				return number;
			}
			throw error(where + " must be a whole number, not \"" + value + "\"");
		}

		private <E extends Enum<E>> Set<E> codes(Object value, Class<E> type, String where) {
			Set<E> codes = EnumSet.noneOf(type);
			for (Object item : list(value, where)) {
				codes.add(code(item, type, null, where));
			}
			return codes;
		}

		private <E extends Enum<E>> E code(Object value, Class<E> type, E fallback, String where) {
			if (value == null) {
				return fallback;
			}
			return RequestCodes.code(type, String.valueOf(value).strip())
				.orElseThrow(() -> error(RequestCodes.unknown("\"" + value + "\" in " + where, type)));
		}

		private ScenarioFormatException error(String message) {
			return new ScenarioFormatException(this.line, "scenario \"" + this.name + "\": " + message);
		}

	}


}
