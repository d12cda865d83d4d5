package org.backsafe.rulebase;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.backsafe.screening.Equipment;
import org.backsafe.screening.Findings;
import org.backsafe.screening.PainArea;
import org.backsafe.screening.PainDuration;
import org.backsafe.screening.PainPattern;
import org.backsafe.screening.PainProfile;
import org.backsafe.screening.ScreeningEngine;
import org.backsafe.screening.ScreeningRequest;
import org.backsafe.screening.Setting;
import org.drools.decisiontable.parser.csv.CsvLineParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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

	/** The same table saved by a spreadsheet program as an Excel 97 ({@code .xls}) file. */
	@Test
	void anExcel97TableIsCompiledAndGatedLikeTheCsv() throws IOException {
		Path rules = RulesFolder.copyOfProjectRules(temp.resolve("xls"));
		String xls = "technique-indications.drl.xls";
		Files.write(rules.resolve(xls), asXls(Files.readAllLines(rules.resolve(TABLE))));
		RulesFolder.delete(rules.resolve(TABLE));

		RuleFiles files = RuleFiles.fromFolder(rules);
		assertThat(files.all()).containsKey(xls);
		RuleBase fromXls = RuleBaseCompiler.compile(files);
		assertThat(indications(fromXls, xls)).hasSize(19)
			.extracting(RuleDescription::id, RuleDescription::name, RuleDescription::source, RuleDescription::line)
			.containsExactlyInAnyOrderElementsOf(indications(withTable, TABLE).stream()
				.map((r) -> org.assertj.core.groups.Tuple.tuple(r.id(), r.name(), r.source(), r.line()))
				.toList());
		assertThat(RuleBaseGate.check(fromXls)).isEmpty();
		ScreeningRequest knots = new ScreeningRequest(40, Map.of(), new PainProfile(EnumSet.of(PainArea.LOWER_BACK),
				PainDuration.CHRONIC, 4, false, EnumSet.of(PainPattern.KNOTS)), Setting.SELF, EnumSet.of(Equipment.MASSAGE_BALL));
		assertThat(indicated(fromXls, knots)).isNotEmpty().isEqualTo(indicated(withTable, knots));
	}

	/** A table the rule engine would skip without a word is refused by name, not left out. */
	@Test
	void aSpreadsheetByANameTheEngineSkipsIsRefusedByName() throws IOException {
		for (String name : List.of("technique-indications.xls", "technique-indications.csv", "Technique-Indications.DRL.CSV")) {
			Path rules = RulesFolder.copyOfProjectRules(temp.resolve("stray-" + name));
			byte[] table = Files.readAllBytes(rules.resolve(TABLE));
			List<String> lines = Files.readAllLines(rules.resolve(TABLE));
			RulesFolder.delete(rules.resolve(TABLE));
			Files.write(rules.resolve(name), name.endsWith(".xls") ? asXls(lines) : table);
			assertThat(catchThrowableOfType(RuleBaseRejected.class,
					() -> RuleBaseCompiler.compile(RuleFiles.fromFolder(rules))).problems())
				.as(name)
				.anySatisfy((p) -> {
					assertThat(p.file()).isEqualTo(name);
					assertThat(p.message()).contains(".drl.csv", ".drl.xls", ".drl.xlsx");
				});
		}
	}

	/** Each CSV line as a row of an Excel 97 sheet, cell by cell, as a spreadsheet program saves it. */
	private static byte[] asXls(List<String> csv) throws IOException {
		try (HSSFWorkbook book = new HSSFWorkbook()) {
			Sheet sheet = book.createSheet("Tables");
			CsvLineParser parser = new CsvLineParser();
			for (int r = 0; r < csv.size(); r++) {
				Row row = sheet.createRow(r);
				List<String> cells = parser.parse(csv.get(r));
				for (int c = 0; c < cells.size(); c++) {
					if (!cells.get(c).isEmpty()) {
						row.createCell(c).setCellValue(cells.get(c));
					}
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			book.write(out);
			return out.toByteArray();
		}
	}

	private static Set<String> indicated(RuleBase ruleBase, ScreeningRequest request) {
		Findings findings = ScreeningEngine.run(ruleBase.kieBase(), request);
		return findings.indications()
			.stream()
			.map((i) -> i.getTechnique() + " by " + i.getRuleId())
			.collect(Collectors.toCollection(TreeSet::new));
	}

}
