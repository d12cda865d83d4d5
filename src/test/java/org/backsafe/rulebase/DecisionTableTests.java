package org.backsafe.rulebase;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.backsafe.screening.Equipment;
import org.backsafe.screening.Findings;
import org.backsafe.screening.PainArea;
import org.backsafe.screening.PainDuration;
import org.backsafe.screening.PainPattern;
import org.backsafe.screening.PainProfile;
import org.backsafe.screening.ScreeningEngine;
import org.backsafe.screening.ScreeningRequest;
import org.backsafe.screening.Setting;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pattern-to-technique indications, kept as a decision table a clinician edits in a spreadsheet,
 * must say exactly what the DRL rules they replaced said: same ids, names and sources, and the same
 * indications for every pain profile.
 */
class DecisionTableTests {

	private static final String TABLE = "technique-indications.drl.csv";

	private static final String REPLACED_DRL = "indications-as-drl/technique-indications.drl";

	@TempDir
	static Path temp;

	static RuleBase withTable;

	static RuleBase withDrl;

	@BeforeAll
	static void compileBoth() throws IOException {
		withTable = RuleBaseCompiler.compile(RuleFiles.fromFolder(RulesFolder.PROJECT_RULES));
		Path rules = RulesFolder.copyOfProjectRules(temp.resolve("rules"));
		RulesFolder.delete(rules.resolve(TABLE));
		try (InputStream drl = DecisionTableTests.class.getResourceAsStream(REPLACED_DRL)) {
			RulesFolder.write(rules, "technique-indications.drl", new String(drl.readAllBytes()));
		}
		withDrl = RuleBaseCompiler.compile(RuleFiles.fromFolder(rules));
	}

	private static List<RuleDescription> indications(RuleBase ruleBase, String file) {
		return ruleBase.rules().stream().filter((r) -> r.file().equals(file)).toList();
	}

	@Test
	void keepsEveryRuleIdNameAndSourceAndPointsAtItsRow() {
		List<RuleDescription> table = indications(withTable, TABLE);
		List<RuleDescription> drl = indications(withDrl, "technique-indications.drl");
		assertThat(table).hasSameSizeAs(drl).hasSize(19);
		assertThat(table).extracting(RuleDescription::id, RuleDescription::name, RuleDescription::source,
				RuleDescription::techniques)
			.containsExactlyInAnyOrderElementsOf(drl.stream()
				.map((r) -> org.assertj.core.groups.Tuple.tuple(r.id(), r.name(), r.source(), r.techniques()))
				.toList());
		assertThat(table).extracting(RuleDescription::line).containsExactlyElementsOf(
				java.util.stream.IntStream.rangeClosed(10, 28).boxed().toList());
		assertThat(table).filteredOn((r) -> r.id().equals("heat-for-recent-low-back-pain"))
			.singleElement()
			.satisfies((r) -> assertThat(r.codes()).containsExactly("ACUTE", "SUBACUTE", "LOWER_BACK"));
	}

	@Test
	void passesTheSameGate() {
		assertThat(RuleBaseGate.check(withTable)).isEmpty();
	}

	/** Every single pattern and pair of patterns, with every duration, area, setting and equipment. */
	@Test
	void indicatesTheSameTechniquesForEveryPainProfile() {
		List<Set<PainPattern>> patternSets = new ArrayList<>();
		patternSets.add(EnumSet.noneOf(PainPattern.class));
		PainPattern[] patterns = PainPattern.values();
		for (int i = 0; i < patterns.length; i++) {
			patternSets.add(EnumSet.of(patterns[i]));
			for (int j = i + 1; j < patterns.length; j++) {
				patternSets.add(EnumSet.of(patterns[i], patterns[j]));
			}
		}
		List<Set<Equipment>> equipment = new ArrayList<>();
		equipment.add(EnumSet.noneOf(Equipment.class));
		for (Equipment item : Equipment.values()) {
			equipment.add(EnumSet.of(item));
		}
		int compared = 0;
		for (Set<PainPattern> reported : patternSets) {
			for (PainDuration duration : PainDuration.values()) {
				for (Set<PainArea> areas : List.of(EnumSet.of(PainArea.LOWER_BACK), EnumSet.of(PainArea.UPPER_BACK))) {
					for (Setting setting : Setting.values()) {
						for (Set<Equipment> atHand : equipment) {
							ScreeningRequest request = new ScreeningRequest(40, Map.of(),
									new PainProfile(areas, duration, 4, false, reported), setting, atHand);
							assertThat(indicated(withTable, request)).as("%s", request)
								.isEqualTo(indicated(withDrl, request));
							compared++;
						}
					}
				}
			}
		}
		assertThat(compared).isGreaterThan(4000);
	}

	private static Set<String> indicated(RuleBase ruleBase, ScreeningRequest request) {
		Findings findings = ScreeningEngine.run(ruleBase.kieBase(), request);
		return findings.indications()
			.stream()
			.map((i) -> i.getTechnique() + " by " + i.getRuleId())
			.collect(Collectors.toCollection(TreeSet::new));
	}

}
