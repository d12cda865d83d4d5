package org.backsafe.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import org.hl7.fhir.instance.model.api.IBaseResource;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * FHIR R4 as JSON, through HAPI FHIR. Its context takes a second or two to build, so it is built on
 * the first FHIR request, not at start-up (a screening that never touches FHIR pays nothing for it).
 * Parsing is strict: an unknown element or a malformed value is refused, never dropped.
 */
// built on the first FHIR or CDS Hooks request, not at start-up
@Lazy
@Component
public class FhirJson {

	/** The media type of FHIR JSON (FHIR R4, http.html#mime-type). */
	public static final String MEDIA_TYPE = "application/fhir+json";

	/** HAPI's context, once built; it is thread-safe and meant to be shared. */
	private volatile FhirContext context;

	public FhirContext context() {
		FhirContext built = this.context;
		if (built == null) {
			synchronized (this) {
				built = this.context;
				if (built == null) {
					built = FhirContext.forR4();
					built.setParserErrorHandler(new StrictErrorHandler());
					this.context = built;
				}
			}
		}
		return built;
	}

	/**
	 * A resource of the given type from its JSON.
	 * @throws DataFormatException when it is not valid FHIR JSON of that type
	 */
	public <T extends IBaseResource> T parse(Class<T> type, String json) {
		return parser().parseResource(type, json);
	}

	public String write(IBaseResource resource) {
		return parser().encodeResourceToString(resource);
	}

	/** A parser is cheap and not thread-safe: one per call. */
	private IParser parser() {
		return context().newJsonParser().setPrettyPrint(false);
	}

}
