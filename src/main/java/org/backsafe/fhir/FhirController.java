package org.backsafe.fhir;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.backsafe.fhir.InvalidResponse.Problem;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.StringType;

import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The FHIR R4 face (DESIGN section 10): the questionnaire, and a response to it screened. Answers
 * are FHIR JSON; every error is an {@code OperationOutcome}, never Spring's own error body. The body
 * is read whatever its declared type, and the type checked here, so that a wrong one gets an
 * OperationOutcome too.
 */
// built on the first FHIR or CDS Hooks request, not at start-up
@Lazy
@RestController
class FhirController {

	static final String QUESTIONNAIRE = "/fhir/Questionnaire";

	static final String SCREEN = "/fhir/QuestionnaireResponse/$screen";

	private static final MediaType FHIR_JSON = MediaType.parseMediaType(FhirJson.MEDIA_TYPE);

	/** FHIR JSON is always UTF-8; saying so keeps a string converter from choosing another. */
	private static final MediaType FHIR_JSON_UTF8 = new MediaType(FHIR_JSON, StandardCharsets.UTF_8);

	private final FhirScreenings fhir;

	FhirController(FhirScreenings fhir) {
		this.fhir = fhir;
	}

	@GetMapping(QUESTIONNAIRE + "/{id}")
	ResponseEntity<String> questionnaire(@PathVariable String id, Locale locale) {
		if (!FhirCodes.QUESTIONNAIRE_ID.equals(id)) {
			return outcome(HttpStatus.NOT_FOUND, IssueType.NOTFOUND, "Questionnaire",
					"there is no such Questionnaire; Backsafe has one: " + QUESTIONNAIRE + "/" + FhirCodes.QUESTIONNAIRE_ID);
		}
		return fhir(HttpStatus.OK, this.fhir.questionnaire(locale));
	}

	@GetMapping(QUESTIONNAIRE)
	ResponseEntity<String> search(@RequestParam(name = "url", required = false) String url, Locale locale) {
		return fhir(HttpStatus.OK, this.fhir.search(url, locale));
	}

	@PostMapping(SCREEN)
	ResponseEntity<String> screen(@RequestBody(required = false) byte[] body,
			@RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType, Locale locale) {
		if (!json(contentType)) {
			return outcome(HttpStatus.UNSUPPORTED_MEDIA_TYPE, IssueType.NOTSUPPORTED, "QuestionnaireResponse",
					"send the QuestionnaireResponse as " + FhirJson.MEDIA_TYPE + " (or application/json)");
		}
		return fhir(HttpStatus.OK,
				this.fhir.screen((body != null) ? new String(body, StandardCharsets.UTF_8) : null, locale));
	}

	@ExceptionHandler
	ResponseEntity<String> invalid(InvalidResponse ex) {
		OperationOutcome outcome = new OperationOutcome();
		for (Problem problem : ex.problems()) {
			outcome.addIssue()
				.setSeverity(IssueSeverity.ERROR)
				.setCode(IssueType.fromCode(problem.code()))
				.setDiagnostics(problem.message())
				.addExpression(problem.expression());
		}
		if (ex.count() > ex.problems().size()) {
			outcome.addIssue()
				.setSeverity(IssueSeverity.ERROR)
				.setCode(IssueType.TOOCOSTLY)
				.setDiagnostics((ex.count() - ex.problems().size()) + " more problem(s) not named");
		}
		return fhir(ex.isUnreadable() ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_CONTENT, outcome);
	}

	private static boolean json(String contentType) {
		if (contentType == null) {
			return false;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return FHIR_JSON.isCompatibleWith(type) || MediaType.APPLICATION_JSON.isCompatibleWith(type);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private ResponseEntity<String> outcome(HttpStatus status, IssueType type, String expression, String message) {
		OperationOutcome outcome = new OperationOutcome();
		outcome.addIssue()
			.setSeverity(IssueSeverity.ERROR)
			.setCode(type)
			.setDiagnostics(message)
			.getExpression()
			.add(new StringType(expression));
		return fhir(status, outcome);
	}

	private ResponseEntity<String> fhir(HttpStatus status, IBaseResource resource) {
		return ResponseEntity.status(status).contentType(FHIR_JSON_UTF8).body(this.fhir.json().write(resource));
	}

}
