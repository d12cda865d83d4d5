package org.backsafe.authoring;

import java.util.Optional;

import org.backsafe.rulebase.SourceTable;

import org.springframework.stereotype.Component;

/**
 * Where a person can read the passage a rule cites: the served document's page, at the cited
 * section heading ({@code /rules/sources/001_3749b9a02460a9d9.txt#when-to-avoid-massage}). Only
 * when the documents are served (the configured folder holds them); otherwise there is no link and
 * pages show the title and heading as plain text.
 */
@Component
public class SourceLinks {

	private final SourceDocuments documents;

	public SourceLinks(SourcesProperties properties) {
		this.documents = new SourceDocuments(properties);
	}

	/**
	 * The link for one part of a source ("001_3749b9a02460a9d9.txt, When to Avoid Massage"), or none
	 * when the part cites no document or the document is not served.
	 */
	public Optional<String> href(String part) {
		return this.documents.cite(part, SourceTable.EMPTY)
			.stream()
			.findFirst()
			.map(SourceDocuments.Citation::href);
	}

}
