package org.backsafe.api;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.backsafe.api.ScreeningResponseJson.ReasonJson;
import org.backsafe.api.ScreeningResponseJson.RuleBaseJson;
import org.backsafe.api.ScreeningResponseJson.TechniqueJson;
import org.backsafe.screening.Reason;
import org.backsafe.screening.ResultWording;
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

	private final ResultWording wording;

	ScreeningApiController(ScreeningService screenings, ResultWording wording) {
		this.screenings = screenings;
		this.wording = wording;
	}

	@Operation(summary = "Screen one person's answers",
			description = "Says, for all twelve techniques, whether each is recommended, suitable, needs a change"
					+ " or must be avoided, and whether the person must see a doctor first or get urgent care."
					+ " Text is in the language of Accept-Language (English or Spanish). Stores nothing.")
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
		return toJson(result, locale);
	}

	private ScreeningResponseJson toJson(ScreeningResult result, Locale locale) {
		List<TechniqueJson> techniques = result.techniques()
			.stream()
			.map((t) -> new TechniqueJson(t.technique(), this.wording.technique(t.technique(), locale), t.verdict(),
					t.professionalOnly(), reasons(t.reasons(), result, locale), reasons(t.howTo(), result, locale)))
			.toList();
		RuleBaseJson ruleBase = result.ruleBase() == null ? new RuleBaseJson(null, null)
				: new RuleBaseJson(result.ruleBase().version(), result.ruleBase().loadedAt().toString());
		return new ScreeningResponseJson(result.disposition(), this.wording.summary(result.disposition(), locale),
				reasons(result.reasons(), result, locale), techniques, reasons(result.advice(), result, locale), ruleBase);
	}

	private List<ReasonJson> reasons(List<Reason> reasons, ScreeningResult result, Locale locale) {
		return reasons.stream()
			.map((r) -> new ReasonJson(r.rule(), this.wording.reason(r, result.ruleBase(), locale), r.source()))
			.toList();
	}

}
