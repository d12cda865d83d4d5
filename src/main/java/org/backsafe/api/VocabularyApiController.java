package org.backsafe.api;

import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class VocabularyApiController {

	static final String PATH = "/api/v1/vocabulary";

	private final ApiVocabulary vocabulary;

	VocabularyApiController(ApiVocabulary vocabulary) {
		this.vocabulary = vocabulary;
	}

	@Operation(summary = "Every code, in words",
			description = "Lists every code a client may send to POST /api/v1/screenings (health questions with their"
					+ " kind and help text, pain patterns, areas, durations, settings, equipment) and every code it"
					+ " reads back (dispositions, verdicts, techniques, urgent actions), each worded in the language"
					+ " asked for and with the version of the vocabulary that added it, so that a client need not"
					+ " hard-code them. The language is that of ?lang= or Accept-Language (English or Spanish);"
					+ " any other language gets English.")
	@Parameter(name = "lang", in = ParameterIn.QUERY, description = "The language of the words; wins over"
			+ " Accept-Language", schema = @Schema(allowableValues = { "en", "es" }))
	@Parameter(name = "Accept-Language", in = ParameterIn.HEADER, description = "The language of the words",
			example = "es", schema = @Schema(type = "string"))
	@ApiResponse(responseCode = "200", description = "The vocabulary")
	@GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
	VocabularyJson vocabulary(Locale locale) {
		return this.vocabulary.describe(locale);
	}

}
