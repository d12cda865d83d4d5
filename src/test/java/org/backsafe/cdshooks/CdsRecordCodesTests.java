package org.backsafe.cdshooks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.backsafe.rulebase.RuleFiles;
import org.backsafe.screening.HealthQuestion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The table of record codes: the shipped one reads, and every kind of bad row stops it, by file and line. */
class CdsRecordCodesTests {

	static final Path SHIPPED = Path.of("rules").resolve(RecordCodesConfiguration.FILE);

	static final String HEADER = "system,code,display,question\n";

	static RecordCodes read(String text) {
		return RecordCodes.read(text.getBytes(StandardCharsets.UTF_8), "test.csv");
	}

	@Test
	void theShippedTableReadsAndAnswersOnlyHealthQuestionsThatAreNotWarningSigns() throws Exception {
		RecordCodes codes = RecordCodes.read(Files.readAllBytes(SHIPPED), SHIPPED.toString());
		assertThat(codes.rows()).hasSizeGreaterThan(40);
		assertThat(codes.rows()).noneMatch((row) -> row.question().isWarningSign());
		assertThat(codes.version()).matches("[0-9a-f]{8}");
	}

	@Test
	void theRuleEngineDoesNotReadTheTableAsASpreadsheet() {
		assertThat(RuleFiles.fromFolder(Path.of("rules")).all().keySet()).noneMatch((n) -> n.startsWith("record-codes/"))
			.contains("technique-indications.drl.csv");
	}

	@Test
	void anAtcCodeWithAStarIsThatCodeAndEverythingUnderItAndTheMostSpecificRowNamesIt() throws Exception {
		RecordCodes codes = RecordCodes.read(Files.readAllBytes(SHIPPED), SHIPPED.toString());
		assertThat(codes.answers(RecordCodes.ATC, "B01AA03")).singleElement()
			.satisfies((row) -> assertThat(row.display()).isEqualTo("warfarin"));
		assertThat(codes.answers(RecordCodes.ATC, "B01AA04")).singleElement()
			.satisfies((row) -> assertThat(row.question()).isEqualTo(HealthQuestion.ANTICOAGULANT_MEDICATION));
		assertThat(codes.answers(RecordCodes.ATC, "B01AF")).hasSize(1);
		// aspirin and clopidogrel are antiplatelet medicines, not blood thinners in Backsafe's sense
		assertThat(codes.answers(RecordCodes.ATC, "B01AC06")).isEmpty();
		assertThat(codes.answers(RecordCodes.ATC, "B01AC04")).isEmpty();
		assertThat(codes.answers(RecordCodes.SNOMED_CT, "B01AA03")).isEmpty();
		assertThat(codes.answers(RecordCodes.RXNORM, "11289")).singleElement()
			.satisfies((row) -> assertThat(row.question()).isEqualTo(HealthQuestion.ANTICOAGULANT_MEDICATION));
	}

	@Test
	void commentsBlankLinesAndQuotedFieldsRead() {
		RecordCodes codes = read("# a comment\n\n" + HEADER + "# another\n"
				+ "http://snomed.info/sct,64859006,\"osteoporosis, thin bones\",OSTEOPOROSIS\n");
		assertThat(codes.rows()).singleElement()
			.satisfies((row) -> assertThat(row.display()).isEqualTo("osteoporosis, thin bones"));
	}

	@Test
	void anUnknownQuestionCodeIsRefusedWithFileAndLine() {
		assertThatExceptionOfType(RecordCodes.Invalid.class)
			.isThrownBy(() -> read(HEADER + "http://snomed.info/sct,64859006,osteoporosis,OSTEOPOROSIS\n"
					+ "http://snomed.info/sct,84757009,epilepsy,FITS\n"))
			.withMessageStartingWith("test.csv, line 3: ")
			.withMessageContaining("'FITS' is not a known code");
	}

	@Test
	void aMalformedLineIsRefusedWithFileAndLine() {
		assertThatExceptionOfType(RecordCodes.Invalid.class)
			.isThrownBy(() -> read(HEADER + "http://snomed.info/sct,64859006,osteoporosis\n"))
			.withMessageStartingWith("test.csv, line 2: ")
			.withMessageContaining("this one has 3");
		assertThatExceptionOfType(RecordCodes.Invalid.class)
			.isThrownBy(() -> read(HEADER + "http://snomed.info/sct,64859006,\"osteoporosis,OSTEOPOROSIS\n"))
			.withMessageStartingWith("test.csv, line 2: ");
	}

	@Test
	void aBadSystemOrCodeIsRefusedWithFileAndLine() {
		assertThatExceptionOfType(RecordCodes.Invalid.class)
			.isThrownBy(() -> read(HEADER + "http://loinc.org,1234-5,something,OSTEOPOROSIS\n"))
			.withMessageStartingWith("test.csv, line 2: unknown code system");
		assertThatExceptionOfType(RecordCodes.Invalid.class)
			.isThrownBy(() -> read(HEADER + "http://snomed.info/sct,6485*,osteoporosis,OSTEOPOROSIS\n"))
			.withMessageStartingWith("test.csv, line 2: ");
		assertThatExceptionOfType(RecordCodes.Invalid.class)
			.isThrownBy(() -> read(HEADER + "http://www.whocc.no/atc,warfarin,warfarin,ANTICOAGULANT_MEDICATION\n"))
			.withMessageStartingWith("test.csv, line 2: 'warfarin' is not a ATC code");
	}

	@Test
	void aWarningSignIsRefused() {
		assertThatExceptionOfType(RecordCodes.Invalid.class)
			.isThrownBy(() -> read(HEADER + "http://snomed.info/sct,128053003,deep vein thrombosis,LEG_CLOT_SIGNS\n"))
			.withMessageStartingWith("test.csv, line 2: LEG_CLOT_SIGNS is a warning sign");
	}

	@Test
	void aMissingHeaderOrARepeatedRowIsRefused() {
		assertThatExceptionOfType(RecordCodes.Invalid.class)
			.isThrownBy(() -> read("http://snomed.info/sct,64859006,osteoporosis,OSTEOPOROSIS\n"))
			.withMessageStartingWith("test.csv, line 1: the first row must be the header");
		assertThatExceptionOfType(RecordCodes.Invalid.class)
			.isThrownBy(() -> read(HEADER + "http://snomed.info/sct,64859006,osteoporosis,OSTEOPOROSIS\n"
					+ "http://snomed.info/sct,64859006,thin bones,OSTEOPOROSIS\n"))
			.withMessageStartingWith("test.csv, line 3: the same system, code and question");
	}

}
