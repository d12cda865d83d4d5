package org.backsafe.fhir;

import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Questionnaire;

/**
 * HAPI FHIR's own validator against the base R4 specification, offline: the specification's
 * profiles and value sets come from HAPI's validation resources on the class path; no terminology
 * server and no package download. The Backsafe questionnaire is known to it, so that a response is
 * also checked against the questionnaire it answers. Built once (it takes seconds), shared.
 */
final class FhirValidation {

	private static FhirValidation shared;

	private final FhirContext context = FhirContext.forR4();

	private final FhirValidator validator;

	private FhirValidation(Questionnaire questionnaire) {
		PrePopulatedValidationSupport backsafe = new PrePopulatedValidationSupport(this.context);
		backsafe.addResource(questionnaire);
		ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(this.context),
				backsafe, new CommonCodeSystemsTerminologyService(this.context),
				new InMemoryTerminologyServerValidationSupport(this.context),
				new SnapshotGeneratingValidationSupport(this.context));
		FhirInstanceValidator instance = new FhirInstanceValidator(chain);
		this.validator = this.context.newValidator().registerValidatorModule(instance);
	}

	/** The validator, knowing this questionnaire (the first one asked for wins: any language's structure is the same). */
	static synchronized FhirValidation knowing(Questionnaire questionnaire) {
		if (shared == null) {
			shared = new FhirValidation(questionnaire);
		}
		return shared;
	}

	/** Every message of error severity or worse, as text; empty when the resource is valid. */
	List<String> errors(IBaseResource resource) {
		return messages(resource).stream()
			.filter((m) -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
			.map(FhirValidation::text)
			.toList();
	}

	List<SingleValidationMessage> messages(IBaseResource resource) {
		return this.validator.validateWithResult(resource).getMessages();
	}

	/** The same resource from its JSON, as another system would read it. */
	List<String> errors(String json) {
		return errors(this.context.newJsonParser().parseResource(json));
	}

	static String text(SingleValidationMessage message) {
		return message.getSeverity() + " " + message.getLocationString() + ": " + message.getMessage();
	}

}
