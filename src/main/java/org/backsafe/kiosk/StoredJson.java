package org.backsafe.kiosk;

import java.util.Map;

import org.backsafe.result.WordedResult;
import org.backsafe.screening.ScreeningRequest;
import org.backsafe.screening.ScreeningResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored form of answers and results. Each column holds a document with a schema version:
 * <ul>
 * <li>2 (today): the answers; the result as codes with the words the patient was shown, in every
 * language the rules have wording for, so that a stored screening reads as it was told however the
 * rules are reworded later;</li>
 * <li>1 (rows stored before schema versions, no {@code schemaVersion} field): the records alone, as
 * codes; their words can only be looked up when shown.</li>
 * </ul>
 * A change to the records must keep reading both (the tests read committed rows of each). A mapper
 * of its own, so that settings made for the JSON API never change what is on disk.
 */
final class StoredJson {

	/** The schema version written today. */
	static final int SCHEMA_VERSION = 2;

	/** Rows stored before schema versions were written. */
	static final int FIRST_SCHEMA_VERSION = 1;

	private static final String VERSION_FIELD = "schemaVersion";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	record StoredAnswers(int schemaVersion, ScreeningRequest answers) {
	}

	/** {@code wording} is keyed by language tag ({@code en}, {@code es}); empty for schema 1. */
	record StoredResult(int schemaVersion, ScreeningResult result, Map<String, WordedResult> wording) {

		StoredResult {
			wording = (wording != null) ? Map.copyOf(wording) : Map.of();
		}

	}

	private StoredJson() {
	}

	static String writeAnswers(ScreeningRequest answers) {
		return MAPPER.writeValueAsString(new StoredAnswers(SCHEMA_VERSION, answers));
	}

	static String writeResult(ScreeningResult result, Map<String, WordedResult> wording) {
		return MAPPER.writeValueAsString(new StoredResult(SCHEMA_VERSION, result, wording));
	}

	static ScreeningRequest readAnswers(String json) {
		JsonNode tree = MAPPER.readTree(json);
		if (schemaVersion(tree) == FIRST_SCHEMA_VERSION) {
			return MAPPER.treeToValue(tree, ScreeningRequest.class);
		}
		return MAPPER.treeToValue(tree, StoredAnswers.class).answers();
	}

	static StoredResult readResult(String json) {
		JsonNode tree = MAPPER.readTree(json);
		if (schemaVersion(tree) == FIRST_SCHEMA_VERSION) {
			return new StoredResult(FIRST_SCHEMA_VERSION, MAPPER.treeToValue(tree, ScreeningResult.class), Map.of());
		}
		return MAPPER.treeToValue(tree, StoredResult.class);
	}

	/** 1 for a row without a version; a version this code does not know is refused, never guessed at. */
	static int schemaVersion(JsonNode tree) {
		JsonNode version = tree.get(VERSION_FIELD);
		if (version == null || version.isNull()) {
			return FIRST_SCHEMA_VERSION;
		}
		int value = version.asInt();
		if (value != SCHEMA_VERSION) {
			throw new IllegalStateException("A stored screening has schema version " + version
					+ "; this version of Backsafe reads versions " + FIRST_SCHEMA_VERSION + " and " + SCHEMA_VERSION);
		}
		return value;
	}

}
