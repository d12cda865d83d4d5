package org.backsafe.cdshooks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The CDS services Backsafe offers (CDS Hooks 2.0): one for a massage or physiotherapy appointment
 * being booked, one for a patient's record being opened. Both screen the same prefetched record.
 */
enum CdsService {

	APPOINTMENT_BOOK("backsafe-appointment-book", "appointment-book",
			Set.of("userId", "patientId", "encounterId", "appointments")),
	PATIENT_VIEW("backsafe-patient-view", "patient-view", Set.of("userId", "patientId", "encounterId"));

	static final String PATIENT = "patient";

	static final String CONDITIONS = "conditions";

	static final String MEDICATIONS = "medications";

	/**
	 * What each service needs from the record, fetched by the EHR before the call. Backsafe never
	 * calls the EHR's FHIR server itself, so a call without all three is refused (412).
	 */
	static final Map<String, String> PREFETCH;

	static {
		Map<String, String> prefetch = new LinkedHashMap<>();
		prefetch.put(PATIENT, "Patient/{{context.patientId}}");
		prefetch.put(CONDITIONS, "Condition?patient={{context.patientId}}&clinical-status=active");
		prefetch.put(MEDICATIONS, "MedicationRequest?patient={{context.patientId}}&status=active");
		PREFETCH = java.util.Collections.unmodifiableMap(prefetch);
	}

	private final String id;

	private final String hook;

	private final Set<String> contextFields;

	CdsService(String id, String hook, Set<String> contextFields) {
		this.id = id;
		this.hook = hook;
		this.contextFields = contextFields;
	}

	String id() {
		return this.id;
	}

	String hook() {
		return this.hook;
	}

	/** The context fields the hook defines (CDS Hooks' hook library); any other is refused. */
	Set<String> contextFields() {
		return this.contextFields;
	}

	/** The start of this service's keys in the message bundle: {@code cds.service.appointment-book}. */
	String messageKey() {
		return "cds.service." + this.hook;
	}

	static Optional<CdsService> byId(String id) {
		return Stream.of(values()).filter((s) -> s.id.equals(id)).findFirst();
	}

}
