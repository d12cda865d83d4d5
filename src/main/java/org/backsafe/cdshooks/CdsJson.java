package org.backsafe.cdshooks;

import java.util.List;
import java.util.Map;

/** The JSON of CDS Hooks 2.0 that Backsafe writes: discovery, and the cards of one call. */
final class CdsJson {

	private CdsJson() {
	}

	record Discovery(List<Service> services) {
	}

	record Service(String hook, String title, String description, String id, Map<String, String> prefetch) {
	}

	record Cards(List<Card> cards) {
	}

	/**
	 * One card. {@code summary} is plain text under 140 characters; {@code detail} is GitHub-flavoured
	 * markdown, as the specification says.
	 */
	record Card(String uuid, String summary, String detail, String indicator, Source source, List<Link> links) {
	}

	record Source(String label) {
	}

	/** An absolute link: {@code type} is always {@code absolute}. */
	record Link(String label, String url, String type) {
	}

}
