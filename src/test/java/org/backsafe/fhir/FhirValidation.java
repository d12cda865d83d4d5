package org.backsafe.fhir;

import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * HAPI FHIR's own validator against the base R4 specification, offline: the specification's
 * profiles and value sets come from HAPI's validation resources on the class path; no terminology
 * server and no package download. Built once (it takes seconds), shared.
 *
 * <p>
 * It validates against the base specification only, as Backsafe's output must; it is not given the
 * Backsafe questionnaire: given it, this release of the validator (core 6.6.7) refuses every No
 * ({@code N} of HL7 table 0136) as "not in the options value set", although the questionnaire's
 * contained value set lists it (it looks like hapifhir/org.hl7.fhir.core#441). Whether a response
 * fits the questionnaire is what {@code ResponseReader} checks, and FhirScreeningTests prove.
 */
final class FhirValidation {

	private static FhirValidation shared;

	private final FhirContext context = FhirContext.forR4();

	private final FhirValidator validator;

	private FhirValidation() {
		ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(this.context),
				new CommonCodeSystemsTerminologyService(this.context),
				new InMemoryTerminologyServerValidationSupport(this.context));
		FhirInstanceValidator instance = new FhirInstanceValidator(chain);
		this.validator = this.context.newValidator().registerValidatorModule(instance);
	}

	static synchronized FhirValidation shared() {
		if (shared == null) {
			shared = new FhirValidation();
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
