package org.backsafe.fhir;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import org.backsafe.result.WordedResult;
import org.backsafe.screening.Disposition;
import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.PainProfile;
import org.backsafe.screening.Response;
import org.backsafe.screening.ScreeningRequest;
import org.backsafe.screening.Technique;
import org.backsafe.screening.Verdict;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.hl7.fhir.r4.model.RiskAssessment.RiskAssessmentStatus;
import org.hl7.fhir.r4.model.Type;

import org.springframework.context.annotation.Lazy;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A screening as FHIR: the {@code QuestionnaireResponse} that was screened and its result, a
 * {@code RiskAssessment}, in one {@code Bundle} of type collection. The result is the
 * {@link WordedResult} the person was shown, rendered, not worded again: the disposition and its
 * summary (and on an urgent result what to do now) as the first prediction, then one prediction per
 * technique with its verdict, and every reason, how-to and piece of advice with its rule id and
 * source in words.
 */
// built on the first FHIR or CDS Hooks request, not at start-up
@Lazy
@Component
public class ScreeningBundles {

	/** What the assessment is, in Backsafe's own codes. */
	static final String ASSESSMENT_CODE = "massage-safety-screening";

	private final FhirQuestionnaire questionnaires;

	private final MessageSource messages;

	public ScreeningBundles(FhirQuestionnaire questionnaires, MessageSource messages) {
		this.questionnaires = questionnaires;
		this.messages = messages;
	}

	/**
	 * The answers as a response to the questionnaire, in its structure: every question asked, with
	 * No said where the answer was No, and a question the pain areas did not ask left out.
	 */
	public QuestionnaireResponse response(ScreeningRequest answers, Instant authored, Locale locale) {
		Questionnaire questionnaire = this.questionnaires.questionnaire(locale);
		QuestionnaireResponse response = new QuestionnaireResponse();
		response.setQuestionnaire(FhirCodes.QUESTIONNAIRE_URL + "|" + FhirQuestionnaire.version());
		response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
		response.setLanguage(questionnaire.getLanguage());
		response.setAuthored(Date.from(authored));
		for (QuestionnaireItemComponent group : questionnaire.getItem()) {
			QuestionnaireResponseItemComponent answered = response.addItem()
				.setLinkId(group.getLinkId())
				.setText(group.getText());
			for (QuestionnaireItemComponent question : group.getItem()) {
				List<Type> values = values(question.getLinkId(), answers, locale);
				if (!values.isEmpty()) {
					QuestionnaireResponseItemComponent item = answered.addItem()
						.setLinkId(question.getLinkId())
						.setText(question.getText());
					values.forEach((v) -> item.addAnswer().setValue(v));
				}
			}
		}
		return response;
	}

	private List<Type> values(String linkId, ScreeningRequest answers, Locale locale) {
		PainProfile pain = answers.pain();
		return switch (linkId) {
			case FhirQuestionnaire.AGE -> List.of(new IntegerType(answers.age()));
			case FhirQuestionnaire.PAIN_AREAS -> codings(pain.areas(), locale);
			case FhirQuestionnaire.PAIN_DURATION -> codings(List.of(pain.duration()), locale);
			case FhirQuestionnaire.PAIN_SEVERITY -> List.of(new IntegerType(pain.severity()));
			case FhirQuestionnaire.PAIN_WORSENING -> List.of(new BooleanType(pain.worsening()));
			case FhirQuestionnaire.PAIN_PATTERNS -> codings(pain.patterns(), locale);
			case FhirQuestionnaire.SETTING -> codings(List.of(answers.setting()), locale);
			case FhirQuestionnaire.EQUIPMENT -> codings(answers.equipment(), locale);
			default -> {
				HealthQuestion question = HealthQuestion.valueOf(linkId);
				Response response = answers.answerTo(question);
				if (response == null && !FhirQuestionnaire.asked(question, answers)) {
					yield List.of();
				}
				FhirQuestionnaire.YesNoUnsure answer = (response == null) ? FhirQuestionnaire.YesNoUnsure.NO
						: (response == Response.YES) ? FhirQuestionnaire.YesNoUnsure.YES
								: FhirQuestionnaire.YesNoUnsure.NOT_SURE;
				yield List.of(this.questionnaires.coding(answer, locale));
			}
		};
	}

	private List<Type> codings(java.util.Collection<? extends Enum<?>> codes, Locale locale) {
		return codes.stream().sorted().map((c) -> (Type) this.questionnaires.coding(c, locale)).toList();
	}

	/**
	 * The response and its result in one bundle. The assessment's subject is the response's; when
	 * the response names no one, it is "the person who answered", in words.
	 */
	public Bundle bundle(QuestionnaireResponse response, WordedResult result, Instant screenedAt, Locale locale) {
		Bundle bundle = new Bundle();
		bundle.setType(Bundle.BundleType.COLLECTION);
		bundle.setTimestamp(Date.from(screenedAt));
		bundle.getIdentifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + UUID.randomUUID());
		String responseUrl = "urn:uuid:" + UUID.randomUUID();
		QuestionnaireResponse answered = response.copy();
		answered.setIdElement(null);
		bundle.addEntry().setFullUrl(responseUrl).setResource(answered);
		bundle.addEntry()
			.setFullUrl("urn:uuid:" + UUID.randomUUID())
			.setResource(assessment(answered, responseUrl, result, screenedAt, locale));
		return bundle;
	}

	private RiskAssessment assessment(QuestionnaireResponse response, String responseUrl, WordedResult result,
			Instant screenedAt, Locale locale) {
		RiskAssessment assessment = new RiskAssessment();
		assessment.setStatus(RiskAssessmentStatus.FINAL);
		assessment.setLanguage(result.language());
		assessment.setCode(new CodeableConcept(new Coding(FhirCodes.BASE + "/CodeSystem/assessment", ASSESSMENT_CODE,
				words("fhir.result.title", locale)))
			.setText(words("fhir.result.title", locale)));
		assessment.setMethod(new CodeableConcept().setText(words("fhir.result.ruleBase", locale,
				(result.ruleBaseVersion() != null) ? result.ruleBaseVersion() : "-")));
		assessment.setSubject(response.hasSubject() ? response.getSubject().copy()
				: new Reference().setDisplay(words("fhir.result.subject", locale)));
		assessment.setOccurrence(new org.hl7.fhir.r4.model.DateTimeType(Date.from(screenedAt)));
		assessment.addBasis(new Reference(responseUrl));

		Disposition disposition = result.disposition();
		RiskAssessment.RiskAssessmentPredictionComponent outcome = assessment.addPrediction();
		outcome.setOutcome(new CodeableConcept(new Coding(FhirCodes.system(Disposition.class), disposition.name(),
				result.summary()))
			.setText(result.summary()));
		if (!result.reasons().isEmpty()) {
			outcome.setRationale(lines(result.reasons()));
		}
		StringBuilder mitigation = new StringBuilder();
		if (result.urgentActionText() != null) {
			mitigation.append(result.urgentActionText()).append(' ');
		}
		mitigation.append(result.summary());
		if (!result.completed()) {
			mitigation.append(' ').append(words("fhir.result.failed", locale));
		}
		assessment.setMitigation(mitigation.toString());

		for (WordedResult.TechniqueLine technique : result.techniques()) {
			RiskAssessment.RiskAssessmentPredictionComponent prediction = assessment.addPrediction();
			prediction.setOutcome(new CodeableConcept(new Coding(FhirCodes.system(Technique.class),
					technique.technique().name(), technique.name()))
				.setText(technique.name()));
			prediction.setQualitativeRisk(new CodeableConcept(new Coding(FhirCodes.system(Verdict.class),
					technique.verdict().name(), technique.verdictName()))
				.setText(technique.verdictName()));
			List<String> why = new ArrayList<>();
			if (!technique.reasons().isEmpty()) {
				why.add(lines(technique.reasons()));
			}
			if (!technique.howTo().isEmpty()) {
				why.add(words("fhir.result.howTo", locale) + ": " + lines(technique.howTo()));
			}
			if (!why.isEmpty()) {
				prediction.setRationale(String.join("\n", why));
			}
		}
		result.reasons()
			.forEach((line) -> assessment.addNote().setText(words("fhir.result.reason", locale) + ": " + line(line)));
		result.advice()
			.forEach((line) -> assessment.addNote().setText(words("fhir.result.advice", locale) + ": " + line(line)));
		return assessment;
	}

	/** Lines one to a line, each with its rule id and its source in words. */
	private static String lines(List<WordedResult.Line> lines) {
		return lines.stream().map(ScreeningBundles::line).collect(Collectors.joining("\n"));
	}

	static String line(WordedResult.Line line) {
		String source = (line.sourceText() != null && !line.sourceText().isEmpty()) ? line.sourceText() : line.source();
		return line.text() + " [" + line.rule() + "; " + source + "]";
	}

	private String words(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

}
