package org.backsafe.kiosk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.Locale;

import org.backsafe.result.WordedResult;
import org.backsafe.screening.Disposition;
import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.ScreeningResult;
import org.backsafe.screening.Technique;
import org.backsafe.screening.Verdict;
import org.junit.jupiter.api.Test;

import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Rows as they were written, committed under {@code kiosk/stored/}, read back through the mapping:
 * a change to the records or to the stored documents must keep reading every schema version that
 * rows may still be stored in (for as long as they are kept), and say so plainly when it cannot.
 */
@JdbcTest
@Import({ ReferenceCodes.class, KioskStorage.class, StorageMigrations.class, KioskScreeningRepository.class })
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class KioskStoredFormatTests extends StorageTestBase {

	@Test
	void aRowInTodaysFormatReadsBackWithTheWordsThePatientSaw() throws IOException {
		insert("SCHEMA", fixture("schema-2-answers.json"), fixture("schema-2-result.json"));
		KioskScreening row = this.repository.findByReferenceCode("SCHEMA").orElseThrow();

		assertThat(row.schemaVersion()).isEqualTo(2);
		assertThat(row.answers()).isEqualTo(Samples.answers());
		ScreeningResult result = row.result();
		assertThat(result.disposition()).isEqualTo(Disposition.SEE_DOCTOR);
		assertThat(result.ruleBase().version()).isEqualTo("333b5fc919b5");
		assertThat(result.verdictOn(Technique.DEEP_TISSUE).reasons()).extracting((r) -> r.rule())
			.contains("deep-tissue-not-with-condition");

		WordedResult english = row.wording(Locale.ENGLISH).orElseThrow();
		assertThat(english.language()).isEqualTo("en");
		assertThat(english.ruleBaseVersion()).isEqualTo("333b5fc919b5");
		assertThat(english.summary()).isEqualTo("See a doctor before any massage.");
		assertThat(english.reasons().get(0).text())
			.isEqualTo("During pregnancy, ask your doctor or midwife before starting massage for back pain.");
		WordedResult.TechniqueLine deepTissue = english.techniques().get(Technique.DEEP_TISSUE.ordinal());
		assertThat(deepTissue.name()).isEqualTo("Deep tissue massage");
		assertThat(deepTissue.verdict()).isEqualTo(Verdict.AVOID);
		assertThat(deepTissue.reasons()).extracting(WordedResult.Line::text)
			.contains("Deep tissue massage is not for people with epilepsy.");
		assertThat(english.advice()).as("no tips where no technique is offered").isEmpty();
		assertThat(english.sources().documents()).extracting(WordedResult.Document::title)
			.contains("Massage Techniques for Relieving Back Pain");

		WordedResult spanish = row.wording(Locale.forLanguageTag("es")).orElseThrow();
		assertThat(spanish.summary()).isEqualTo("Consulte a un médico antes de cualquier masaje.");
		assertThat(spanish.techniques().get(Technique.DEEP_TISSUE.ordinal()).reasons()).extracting(WordedResult.Line::text)
			.contains("Por la epilepsia, el masaje de tejido profundo no es adecuado para usted.");
		// a regional variant reads its language's words
		assertThat(row.wording(Locale.forLanguageTag("es-MX"))).contains(spanish);
	}

	@Test
	void aRowStoredBeforeSchemaVersionsReadsBackWithoutWords() throws IOException {
		insert("OLDROW", fixture("schema-1-answers.json"), fixture("schema-1-result.json"));
		KioskScreening row = this.repository.findByReferenceCode("OLDROW").orElseThrow();

		assertThat(row.schemaVersion()).isEqualTo(1);
		assertThat(row.answers()).isEqualTo(Samples.answers());
		assertThat(row.answers().answerTo(HealthQuestion.PREGNANCY)).isNotNull();
		assertThat(row.result().disposition()).isEqualTo(Disposition.SEE_DOCTOR);
		assertThat(row.result().ruleBase().version()).isEqualTo("333b5fc919b5");
		assertThat(row.wording(Locale.ENGLISH)).as("its words can only be looked up today").isEmpty();
	}

	@Test
	void aScreeningStoredTodayKeepsItsWordsInEveryLanguage() {
		KioskScreening stored = storeWith("KR7W4M").store(Samples.answers(), Samples.result(), Locale.ENGLISH);
		KioskScreening found = storeWith().find(stored.getDisplayCode()).orElseThrow();
		assertThat(found.schemaVersion()).isEqualTo(StoredJson.SCHEMA_VERSION);
		assertThat(found.wording(Locale.ENGLISH)).hasValueSatisfying(
				(words) -> assertThat(words.summary()).isEqualTo("See a doctor before any massage."));
		assertThat(found.wording(Locale.forLanguageTag("es"))).hasValueSatisfying(
				(words) -> assertThat(words.summary()).isEqualTo("Consulte a un médico antes de cualquier masaje."));
	}

	@Test
	void aSchemaVersionThisCodeDoesNotKnowIsRefusedPlainly() throws IOException {
		insert("NEWROW", fixture("schema-2-answers.json"),
				fixture("schema-2-result.json").replace("\"schemaVersion\" : 2", "\"schemaVersion\" : 3"));
		KioskScreening row = this.repository.findByReferenceCode("NEWROW").orElseThrow();
		assertThatIllegalStateException().isThrownBy(row::result).withMessageContaining("schema version 3");
	}

	private void insert(String code, String answers, String result) {
		this.jdbc.update("INSERT INTO kiosk_screening (reference_code, screened_at, language, disposition, completed,"
				+ " rule_base_version, answers, result) VALUES (?, ?, 'en', 'SEE_DOCTOR', TRUE, '333b5fc919b5', ?, ?)",
				code, Timestamp.from(NOW), answers, result);
	}

	private static String fixture(String name) throws IOException {
		try (InputStream in = KioskStoredFormatTests.class.getResourceAsStream("/kiosk/stored/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
