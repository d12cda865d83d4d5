package org.backsafe.cdshooks;

import java.util.Locale;

import org.backsafe.fhir.FhirCodes;

import org.springframework.context.annotation.Lazy;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * CDS Hooks 2.0: discovery ({@code GET /cds-services}) and the services ({@code POST
 * /cds-services/{id}}). The body is read as bytes and checked by {@link CdsRequestReader}, so that
 * each error names what is wrong in CDS Hooks' terms (the JSON API's own error handler speaks of
 * answers). Errors are {@code application/problem+json} with the reason in {@code detail}.
 */
// built on the first FHIR or CDS Hooks request, not at start-up
@Lazy
@RestController
class CdsHooksController {

	static final String PATH = "/cds-services";

	private final RecordScreening screening;

	CdsHooksController(RecordScreening screening) {
		this.screening = screening;
	}

	@GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
	CdsJson.Discovery discovery(Locale locale) {
		return this.screening.discovery(locale);
	}

	@PostMapping(path = PATH + "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	CdsJson.Cards call(@PathVariable String id, @RequestBody(required = false) byte[] body, Locale locale) {
		// Absolute, as CDS Hooks links must be; with backsafe.base-url set, its host (see BaseUrl).
		ServletUriComponentsBuilder base = ServletUriComponentsBuilder.fromCurrentContextPath();
		CardWriter.Links links = new CardWriter.Links(base.cloneBuilder().path("/").toUriString(),
				base.cloneBuilder().path("/fhir/Questionnaire/" + FhirCodes.QUESTIONNAIRE_ID).toUriString());
		return this.screening.answer(id, body, locale, links);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> refused(CdsRefused refused) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(refused.status(), refused.getMessage());
		return ResponseEntity.status(refused.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
