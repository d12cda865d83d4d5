package org.backsafe.fhir;

import java.util.Map;

import org.backsafe.screening.Disposition;
import org.backsafe.screening.Equipment;
import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.PainArea;
import org.backsafe.screening.PainDuration;
import org.backsafe.screening.PainPattern;
import org.backsafe.screening.Setting;
import org.backsafe.screening.Technique;
import org.backsafe.screening.Verdict;

/**
 * The identities Backsafe gives its codes in FHIR. Each kind of code of the vocabulary is a code
 * system of its own, named by a canonical URL; the codes are the vocabulary's codes, unchanged.
 * Canonical URLs name things: they need not resolve.
 */
public final class FhirCodes {

	/** The root of every canonical URL Backsafe defines. */
	public static final String BASE = "http://backsafe.org/fhir";

	/** The questionnaire's canonical URL; a response names it, with or without {@code |version}. */
	public static final String QUESTIONNAIRE_URL = BASE + "/Questionnaire/backsafe";

	/** The id of the questionnaire as a resource ({@code GET /fhir/Questionnaire/backsafe}). */
	public static final String QUESTIONNAIRE_ID = "backsafe";

	/** Yes and No: HL7 table 0136, as FHIR's own yes/no/don't-know value set uses it. */
	public static final String YES_NO = "http://terminology.hl7.org/CodeSystem/v2-0136";

	public static final String YES = "Y";

	public static final String NO = "N";

	/** Not sure: "asked but unknown", from FHIR's data-absent-reason codes. */
	public static final String DATA_ABSENT = "http://terminology.hl7.org/CodeSystem/data-absent-reason";

	public static final String NOT_SURE = "asked-unknown";

	/** The translation extension: the same text in another language. */
	public static final String TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation";

	/** Where each kind of code lives. */
	private static final Map<Class<?>, String> SYSTEMS = Map.of(HealthQuestion.class, "question", PainArea.class,
			"pain-area", PainDuration.class, "pain-duration", PainPattern.class, "pain-pattern", Setting.class,
			"setting", Equipment.class, "equipment", Disposition.class, "disposition", Technique.class, "technique",
			Verdict.class, "verdict");

	private FhirCodes() {
	}

	/** The code system of a kind of code, such as {@code http://backsafe.org/fhir/CodeSystem/pain-area}. */
	public static String system(Class<? extends Enum<?>> type) {
		String name = SYSTEMS.get(type);
		if (name == null) {
			throw new IllegalArgumentException("no FHIR code system for " + type.getSimpleName());
		}
		return BASE + "/CodeSystem/" + name;
	}

}
