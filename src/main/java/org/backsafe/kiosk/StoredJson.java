package org.backsafe.kiosk;

import org.backsafe.screening.ScreeningRequest;
import org.backsafe.screening.ScreeningResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored form of answers and results: JSON of codes only, never words, so a record reads the
 * same in any language and after any rewording. A mapper of its own, so that settings made for the
 * JSON API never change what is on disk.
 */
final class StoredJson {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private StoredJson() {
	}

	static String write(Object value) {
		return MAPPER.writeValueAsString(value);
	}

	static ScreeningRequest readAnswers(String json) {
		return MAPPER.readValue(json, ScreeningRequest.class);
	}

	static ScreeningResult readResult(String json) {
		return MAPPER.readValue(json, ScreeningResult.class);
	}

}
