package org.backsafe.rulebase;

import java.util.Locale;
import java.util.Map;

import org.backsafe.rulebase.SourceTable.Document;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A rule's {@code @source} put into the words a person reads: titles and headings, no file names. */
class SourceTableTests {

	static final String ART = "The Art of Self-Massage: A Guide to Back Pain Relief";

	static final String TECHNIQUES = "Massage Techniques for Relieving Back Pain";

	static final Locale SPANISH = Locale.forLanguageTag("es");

	final SourceTable table = new SourceTable(Map.of("en",
			Map.of("000_e142765fd6634e76.txt", ART, "000_e142765fd6634e76.txt.language", "en",
					"001_3749b9a02460a9d9.txt", TECHNIQUES, "clinical-pack.name", "Clinical pack",
					"clinical-pack.description", "Published medical guidance."),
			"es", Map.of("clinical-pack.name", "Clinical pack (guías clínicas)", "clinical-pack.description",
					"Guías médicas publicadas.")));

	@Nested
	class Words {

		@Test
		void aCitedFileBecomesItsTitleAndTheQuotedHeading() {
			assertThat(SourceTableTests.this.table.words("000_e142765fd6634e76.txt, Deep Tissue Massage", Locale.ENGLISH))
				.isEqualTo(ART + ", \"Deep Tissue Massage\"");
		}

		@Test
		void aHeadingWithACommaInItIsKeptWhole() {
			assertThat(SourceTableTests.this.table.words(
					"001_3749b9a02460a9d9.txt, 1. Swedish Massage – For Gentle, Overall Relaxation", Locale.ENGLISH))
				.isEqualTo(TECHNIQUES + ", \"1. Swedish Massage – For Gentle, Overall Relaxation\"");
		}

		@Test
		void aClinicalPackPartIsKeptWithACapitalFirstLetter() {
			assertThat(SourceTableTests.this.table.words("clinical pack: Werner and Benjamin contraindication chart",
					Locale.ENGLISH))
				.isEqualTo("Clinical pack: Werner and Benjamin contraindication chart");
			assertThat(SourceTableTests.this.table.words("Clinical pack: PAR-Q+ (delay when pregnant)", Locale.ENGLISH))
				.isEqualTo("Clinical pack: PAR-Q+ (delay when pregnant)");
		}

		@Test
		void everyPartIsWordedAndTheyStayInOrder() {
			assertThat(SourceTableTests.this.table.words("001_3749b9a02460a9d9.txt, When to Avoid Massage;"
					+ " 000_e142765fd6634e76.txt, Deep Tissue Massage; clinical pack: PAR-Q+; NICE NG59", Locale.ENGLISH))
				.isEqualTo(TECHNIQUES + ", \"When to Avoid Massage\"; " + ART
						+ ", \"Deep Tissue Massage\"; Clinical pack: PAR-Q+; NICE NG59");
		}

		@Test
		void aFileNamedInsideAHeadingBecomesItsTitleToo() {
			assertThat(SourceTableTests.this.table.words("001_3749b9a02460a9d9.txt, Tips for Safe and Effective Back"
					+ " Pain Massage (safer than 000_e142765fd6634e76.txt, Massage Ball Rolling)", Locale.ENGLISH))
				.isEqualTo(TECHNIQUES + ", \"Tips for Safe and Effective Back Pain Massage (safer than " + ART
						+ ", Massage Ball Rolling)\"")
				.doesNotContain(".txt");
		}

		@Test
		void titlesStayInTheirOwnLanguage() {
			assertThat(SourceTableTests.this.table.words("000_e142765fd6634e76.txt, Heat Therapy", SPANISH))
				.isEqualTo(ART + ", \"Heat Therapy\"");
		}

		@Test
		void aFileWithNoTitleIsLeftOutAndItsHeadingKept() {
			// only when a result is worded by another version's table: the compiler refuses it otherwise
			assertThat(SourceTableTests.this.table.words("002_0000000000000000.txt, Stretching;"
					+ " 002_0000000000000000.txt", Locale.ENGLISH)).isEqualTo("\"Stretching\"");
			assertThat(SourceTable.EMPTY.words("000_e142765fd6634e76.txt, Heat Therapy; clinical pack: NICE NG59",
					Locale.ENGLISH))
				.isEqualTo("\"Heat Therapy\"; Clinical pack: NICE NG59");
		}

		@Test
		void noSourceHasNoWords() {
			assertThat(SourceTableTests.this.table.words(null, Locale.ENGLISH)).isNull();
		}

	}

	@Nested
	class Listing {

		@Test
		void listsTheDocumentsByFileWithTheirTitlesAndLanguages() {
			assertThat(SourceTableTests.this.table.documents(SPANISH)).containsExactly(
					new Document("000_e142765fd6634e76.txt", ART, "en"),
					new Document("001_3749b9a02460a9d9.txt", TECHNIQUES, null));
		}

		@Test
		void describesTheClinicalPackInTheReadersLanguage() {
			assertThat(SourceTableTests.this.table.clinicalPack(SPANISH)).hasValue("Clinical pack (guías clínicas)");
			assertThat(SourceTableTests.this.table.clinicalPackDescription(SPANISH)).hasValue("Guías médicas publicadas.");
			assertThat(SourceTableTests.this.table.clinicalPackDescription(Locale.GERMAN))
				.hasValue("Published medical guidance.");
		}

		@Test
		void findsEveryCitedFileWhereverItStands() {
			assertThat(SourceTable.citedFiles("001_3749b9a02460a9d9.txt, Tips (safer than 000_e142765fd6634e76.txt,"
					+ " Massage Ball Rolling); clinical pack: NICE NG59"))
				.containsExactly("001_3749b9a02460a9d9.txt", "000_e142765fd6634e76.txt");
		}

	}

}
