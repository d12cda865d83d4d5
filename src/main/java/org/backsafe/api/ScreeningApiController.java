package org.backsafe.api;

import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.backsafe.screening.ScreeningResult;
import org.backsafe.screening.ScreeningService;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ScreeningApiController {

	static final String PATH = "/api/v1/screenings";

	private final ScreeningService screenings;

	private final ScreeningResponseWriter writer;

	ScreeningApiController(ScreeningService screenings, ScreeningResponseWriter writer) {
		this.screenings = screenings;
		this.writer = writer;
	}

	@Operation(summary = "Screen one person's answers",
			description = "Says, for all twelve techniques, whether each is recommended, suitable, needs a change"
					+ " or must be avoided, and whether the person must see a doctor first or get urgent care."
					+ " Every code of the vocabulary (GET /api/v1/vocabulary) is accepted; a question not sent counts"
					+ " as No, so a client written for version 1 of the vocabulary keeps working. Version 2 adds the"
					+ " disposition WAIT_UNTIL_WELL and, on an urgent result, urgentAction, urgentActionText and"
					+ " emergencyNumber. Text is in the language of Accept-Language or ?lang= (English or Spanish)."
					+ " Stores nothing.")
	@ApiResponse(responseCode = "200", description = "The result")
	@ApiResponse(responseCode = "400", description = "A field is missing, of the wrong type, out of range or an unknown"
			+ " code; each bad field is named", content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "413", description = "The body is larger than the limit",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "415", description = "The body is not JSON",
			content = @Content(mediaType = "application/problem+json"))
	@PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ScreeningResponseJson screen(@RequestBody ScreeningRequestJson body, Locale locale) {
		ScreeningResult result = this.screenings.screen(ScreeningRequestReader.read(body));
		return this.writer.toJson(result, locale);
	}

}
