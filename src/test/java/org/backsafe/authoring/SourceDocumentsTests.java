package org.backsafe.authoring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.backsafe.authoring.SourceDocuments.Citation;
import org.backsafe.rulebase.SourceTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Linking a rule's source to the passage it cites, in documents kept outside the repository. */
class SourceDocumentsTests {

	static final String TITLE = "Massage Techniques for Relieving Back Pain";

	static final SourceTable TITLES = new SourceTable(Map.of("en", Map.of("001_3749b9a02460a9d9.txt", TITLE)));

	@TempDir
	Path folder;

	private SourceDocuments documents() throws Exception {
		Files.writeString(this.folder.resolve("001_3749b9a02460a9d9.txt"), """
				A stand-in with the real headings and words of our own
				Safety Tip:
				Our own words.
				Tips for Safe and Effective Back Pain Massage
				More of our own words, which end with a full stop.
				""");
		return new SourceDocuments(new SourcesProperties(this.folder.toString()));
	}

	@Test
	void linksEachCitedDocumentToItsSectionAndLeavesOtherSourcesAsText() throws Exception {
		assertThat(documents().cite("001_3749b9a02460a9d9.txt, Safety Tip; 000_e142765fd6634e76.txt, Foam Rolling;"
				+ " clinical pack: NICE NG59", SourceTable.EMPTY)).containsExactly(
						new Citation("001_3749b9a02460a9d9.txt, Safety Tip", null, "001_3749b9a02460a9d9.txt",
								"safety-tip"),
						new Citation("000_e142765fd6634e76.txt, Foam Rolling", null, null, null),
						new Citation("clinical pack: NICE NG59", null, null, null));
	}

	@Test
	void namesEachCitedDocumentByItsTitleInTheRuleBasesTable() throws Exception {
		assertThat(documents().cite("001_3749b9a02460a9d9.txt, Safety Tip; clinical pack: NICE NG59", TITLES))
			.extracting(Citation::title)
			.containsExactly(TITLE, null);
	}

	@Test
	void picksTheHeadingACitationStartsWith() throws Exception {
		Citation cited = documents()
			.cite("001_3749b9a02460a9d9.txt, Tips for Safe and Effective Back Pain Massage (the last tip)", TITLES)
			.get(0);
		assertThat(cited.href())
			.isEqualTo("/rules/sources/001_3749b9a02460a9d9.txt#tips-for-safe-and-effective-back-pain-massage");
	}

	@Test
	void servesOnlyPlainDocumentNamesFromItsFolder() throws Exception {
		SourceDocuments documents = documents();
		Files.writeString(this.folder.getParent().resolve("outside.txt"), "secret");
		assertThat(documents.document("001_3749b9a02460a9d9.txt")).isPresent();
		assertThat(documents.document("../outside.txt")).isEmpty();
		assertThat(documents.document("missing.txt")).isEmpty();
		assertThat(documents.document("001_3749b9a02460a9d9.txt").orElseThrow().blocks())
			.filteredOn(SourceDocuments.Block::heading)
			.extracting(SourceDocuments.Block::anchor)
			.contains("safety-tip", "tips-for-safe-and-effective-back-pain-massage");
	}

	@Test
	void withoutTheFolderEveryCitationIsText() {
		SourceDocuments none = new SourceDocuments(new SourcesProperties(this.folder.resolve("absent").toString()));
		assertThat(none.cite("001_3749b9a02460a9d9.txt, Safety Tip", TITLES)).singleElement().satisfies((c) -> {
			assertThat(c.href()).isNull();
			assertThat(c.title()).isEqualTo(TITLE); // the title comes from the rules, not the document
		});
	}

}
