package org.backsafe.fhir;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import ca.uhn.fhir.parser.DataFormatException;
import org.backsafe.fhir.InvalidResponse.Problem;
import org.backsafe.result.WordedResult;
import org.backsafe.result.WordedResults;
import org.backsafe.screening.ScreeningRequest;
import org.backsafe.screening.ScreeningResult;
import org.backsafe.screening.ScreeningService;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

/**
 * Backsafe in FHIR: the questionnaire, a response to it screened, and a stored kiosk screening as
 * the same bundle. Screening goes through the same service and the same worded result as every
 * other face, so a response gives what the same answers give through the JSON API.
 */
// built on the first FHIR or CDS Hooks request, not at start-up
@Lazy
@Service
public class FhirScreenings {

	/** Where a kiosk screening's reference code comes from, as an identifier of the person. */
	public static final String KIOSK_REFERENCE = FhirCodes.BASE + "/kiosk-reference";

	/** HAPI's words for a parse error are cut to this, so that an answer never grows with the input. */
	private static final int MAX_PARSE_MESSAGE = 300;

	private final FhirJson json;

	private final FhirQuestionnaire questionnaires;

	private final ScreeningBundles bundles;

	private final ScreeningService screenings;

	private final WordedResults words;

	private final Clock clock;

	public FhirScreenings(FhirJson json, FhirQuestionnaire questionnaires, ScreeningBundles bundles,
			ScreeningService screenings, WordedResults words) {
		this.json = json;
		this.questionnaires = questionnaires;
		this.bundles = bundles;
		this.screenings = screenings;
		this.words = words;
		this.clock = Clock.systemUTC();
	}

	public FhirJson json() {
		return this.json;
	}

	public Questionnaire questionnaire(Locale locale) {
		return this.questionnaires.questionnaire(locale);
	}

	/** {@code Questionnaire?url=}: the questionnaire when the URL (and version, if given) is its own. */
	public Bundle search(String url, Locale locale) {
		Bundle found = new Bundle().setType(Bundle.BundleType.SEARCHSET);
		String version = FhirQuestionnaire.version();
		if (url == null || url.equals(FhirCodes.QUESTIONNAIRE_URL)
				|| url.equals(FhirCodes.QUESTIONNAIRE_URL + "|" + version)) {
			Questionnaire questionnaire = questionnaire(locale);
			found.addEntry()
				.setFullUrl(FhirCodes.BASE + "/Questionnaire/" + FhirCodes.QUESTIONNAIRE_ID)
				.setResource(questionnaire)
				.getSearch()
				.setMode(Bundle.SearchEntryMode.MATCH);
		}
		return found.setTotal(found.getEntry().size());
	}

	/**
	 * Screens a response to the questionnaire, given as FHIR JSON.
	 * @throws InvalidResponse when it is not such a response, naming each problem
	 */
	public Bundle screen(String body, Locale locale) {
		QuestionnaireResponse response = parse(body);
		ScreeningRequest request = ResponseReader.read(response, this.questionnaires.questionnaire(locale));
		ScreeningResult result = this.screenings.screen(request);
		return this.bundles.bundle(response, this.words.word(result, locale), this.clock.instant(), locale);
	}

	/** The answers of a response, read as they would be screened (for tests and tools). */
	public ScreeningRequest read(String body) {
		return ResponseReader.read(parse(body), this.questionnaires.questionnaire(Locale.ENGLISH));
	}

	/**
	 * A stored kiosk screening as the same bundle: its answers as a response, its result in the
	 * words it was shown in, the person named by the reference code they were given.
	 */
	public Bundle stored(ScreeningRequest answers, WordedResult shown, Instant screenedAt, String referenceCode,
			Locale locale) {
		QuestionnaireResponse response = this.bundles.response(answers, screenedAt, locale);
		response.setSubject(new Reference().setIdentifier(new Identifier().setSystem(KIOSK_REFERENCE)
			.setValue(referenceCode)));
		return this.bundles.bundle(response, shown, screenedAt, locale);
	}

	private QuestionnaireResponse parse(String body) {
		if (body == null || body.isBlank()) {
			throw InvalidResponse.unreadable(new Problem("required", "QuestionnaireResponse",
					"the body is empty: send a QuestionnaireResponse as FHIR JSON"));
		}
		try {
			return this.json.parse(QuestionnaireResponse.class, body);
		}
		catch (DataFormatException ex) {
			String message = String.valueOf(ex.getMessage());
			if (message.length() > MAX_PARSE_MESSAGE) {
				message = message.substring(0, MAX_PARSE_MESSAGE) + "...";
			}
			throw InvalidResponse.unreadable(new Problem("structure", "QuestionnaireResponse",
					"the body is not a QuestionnaireResponse in FHIR JSON: " + message));
		}
	}

}
