package org.backsafe.cdshooks;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import ca.uhn.fhir.parser.DataFormatException;
import org.backsafe.cdshooks.PatientRecord.BirthDate;
import org.backsafe.cdshooks.PatientRecord.Coding;
import org.backsafe.cdshooks.PatientRecord.Entry;
import org.backsafe.cdshooks.PatientRecord.Kind;
import org.backsafe.fhir.FhirJson;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Reads a CDS Hooks 2.0 call: the hook, its context and the prefetched record, each checked. What
 * cannot be read is refused with a message naming it (400), never skipped; a call without the
 * prefetched record gets 412, since Backsafe does not fetch it from the EHR itself. Every count is
 * bounded (the body itself by the global request size limit).
 */
// built on the first FHIR or CDS Hooks request, not at start-up
@Lazy
@Component
class CdsRequestReader {

	/** The fields of a CDS Hooks 2.0 request. fhirServer and fhirAuthorization are known, and not used. */
	static final Set<String> FIELDS = Set.of("hook", "hookInstance", "fhirServer", "fhirAuthorization", "context",
			"prefetch", "extension");

	/** Entries in one prefetched Bundle; a record with more is refused rather than read in part. */
	static final int MAX_ENTRIES = 500;

	/** Codes on one condition or medicine. */
	static final int MAX_CODINGS = 20;

	static final int MAX_ID = 128;

	/** How much of the record's own name for an entry a card shows. */
	static final int MAX_TEXT = 60;

	private static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";

	private static final Set<String> NOT_CURRENT = Set.of("inactive", "remission", "resolved");

	private static final Set<String> CURRENT = Set.of("active", "recurrence", "relapse");

	private static final Set<String> NOT_TRUE = Set.of("refuted", "entered-in-error");

	private final JsonMapper json;

	private final FhirJson fhir;

	CdsRequestReader(JsonMapper json, FhirJson fhir) {
		this.json = json;
		this.fhir = fhir;
	}

	/** One call, checked. */
	record CdsCall(CdsService service, String hookInstance, String userId, PatientRecord record) {
	}

	CdsCall read(CdsService service, byte[] body) {
		if (body == null || body.length == 0) {
			throw CdsRefused.badRequest("The body is empty; send the CDS Hooks request as a JSON object.");
		}
		JsonNode root;
		try {
			root = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			throw CdsRefused.badRequest("The body is not well-formed JSON (or gives a field twice).");
		}
		if (root == null || !root.isObject()) {
			throw CdsRefused.badRequest("The body must be a JSON object: a CDS Hooks request.");
		}
		for (String field : root.propertyNames()) {
			if (!FIELDS.contains(field)) {
				throw CdsRefused.badRequest(named(field) + " is not a field of a CDS Hooks request; known fields: "
						+ sorted(FIELDS));
			}
		}
		String hook = text(root, "hook", true);
		if (!hook.equals(service.hook())) {
			throw CdsRefused.badRequest("hook must be '" + service.hook() + "' for the service " + service.id()
					+ "; see GET /cds-services");
		}
		String hookInstance = text(root, "hookInstance", true);
		JsonNode context = root.get("context");
		if (context == null || !context.isObject()) {
			throw CdsRefused.badRequest("context is missing or not an object; it must hold patientId");
		}
		for (String field : context.propertyNames()) {
			if (!service.contextFields().contains(field)) {
				throw CdsRefused.badRequest("context." + named(field) + " is not a context field of the hook "
						+ service.hook() + "; known: " + sorted(service.contextFields()));
			}
		}
		String patientId = text(context, "patientId", "context.patientId", true);
		String userId = text(context, "userId", "context.userId", false);
		if (context.has("encounterId")) {
			text(context, "encounterId", "context.encounterId", false);
		}
		if (context.has("appointments")) {
			appointments(context.get("appointments"));
		}
		return new CdsCall(service, hookInstance, userId, record(root.get("prefetch"), patientId));
	}

	private PatientRecord record(JsonNode prefetch, String patientId) {
		if (prefetch == null || prefetch.isNull()) {
			throw new CdsRefused(HttpStatus.PRECONDITION_FAILED, "The request has no prefetch. Backsafe does not"
					+ " fetch the record from the EHR's FHIR server: send patient, conditions and medications as"
					+ " prefetched, with the templates GET /cds-services gives.");
		}
		if (!prefetch.isObject()) {
			throw CdsRefused.badRequest("prefetch must be an object holding patient, conditions and medications");
		}
		for (String key : prefetch.propertyNames()) {
			if (!CdsService.PREFETCH.containsKey(key)) {
				throw CdsRefused.badRequest("prefetch." + named(key) + " is not a prefetch key of this service; known: "
						+ String.join(", ", CdsService.PREFETCH.keySet()));
			}
		}
		List<String> missing = CdsService.PREFETCH.keySet()
			.stream()
			.filter((key) -> prefetch.get(key) == null || prefetch.get(key).isNull())
			.toList();
		if (!missing.isEmpty()) {
			throw new CdsRefused(HttpStatus.PRECONDITION_FAILED, "The prefetch lacks " + String.join(", ", missing)
					+ ". Backsafe does not fetch the record from the EHR's FHIR server: send every prefetch key"
					+ " GET /cds-services lists.");
		}
		Patient patient = resource(prefetch.get(CdsService.PATIENT), "prefetch.patient", Patient.class);
		String id = patient.getIdElement().getIdPart();
		if (id != null && !id.equals(patientId)) {
			throw CdsRefused.badRequest("prefetch.patient is not the patient context.patientId names");
		}
		List<Entry> entries = new ArrayList<>();
		int[] unreadable = { 0 };
		Bundle conditions = resource(prefetch.get(CdsService.CONDITIONS), "prefetch.conditions", Bundle.class);
		for (Resource resource : entries(conditions, "prefetch.conditions", Condition.class)) {
			Condition condition = (Condition) resource;
			samePatient(condition.getSubject(), patientId, "prefetch.conditions");
			if (current(condition)) {
				add(entries, unreadable, Kind.CONDITION, condition.getCode(), "prefetch.conditions");
			}
		}
		Bundle medications = resource(prefetch.get(CdsService.MEDICATIONS), "prefetch.medications", Bundle.class);
		for (Resource resource : entries(medications, "prefetch.medications", MedicationRequest.class,
				MedicationStatement.class)) {
			if (resource instanceof MedicationRequest request) {
				samePatient(request.getSubject(), patientId, "prefetch.medications");
				if (current(request)) {
					add(entries, unreadable, Kind.MEDICINE,
							medicine(request, request.hasMedicationReference() ? request.getMedicationReference() : null,
									request.hasMedicationCodeableConcept() ? request.getMedicationCodeableConcept()
											: null),
							"prefetch.medications");
				}
			}
			else if (resource instanceof MedicationStatement statement) {
				samePatient(statement.getSubject(), patientId, "prefetch.medications");
				if (current(statement)) {
					add(entries, unreadable, Kind.MEDICINE,
							medicine(statement,
									statement.hasMedicationReference() ? statement.getMedicationReference() : null,
									statement.hasMedicationCodeableConcept()
											? statement.getMedicationCodeableConcept() : null),
							"prefetch.medications");
				}
			}
		}
		return new PatientRecord(patientId, birthDate(patient), entries, unreadable[0]);
	}

	/** A resource of the expected type, parsed strictly by HAPI FHIR. */
	private <T extends Resource> T resource(JsonNode node, String where, Class<T> type) {
		if (!node.isObject()) {
			throw CdsRefused.badRequest(where + " must be a FHIR " + type.getSimpleName() + " as a JSON object");
		}
		IBaseResource parsed;
		try {
			parsed = this.fhir.context().newJsonParser().parseResource(node.toString());
		}
		catch (DataFormatException | IllegalArgumentException ex) {
			throw CdsRefused.badRequest(where + " is not valid FHIR R4 JSON: " + hapiMessage(ex));
		}
		if (!type.isInstance(parsed)) {
			throw CdsRefused.badRequest(where + " must be a FHIR " + type.getSimpleName() + ", not a "
					+ parsed.fhirType());
		}
		return type.cast(parsed);
	}

	/** A Bundle's resources, each of one of the types expected; OperationOutcome notes are allowed. */
	@SafeVarargs
	private static List<Resource> entries(Bundle bundle, String where, Class<? extends Resource>... types) {
		if (bundle.getEntry().size() > MAX_ENTRIES) {
			throw CdsRefused.badRequest(where + " has " + bundle.getEntry().size() + " entries; at most " + MAX_ENTRIES
					+ " are read");
		}
		List<Resource> resources = new ArrayList<>();
		for (int i = 0; i < bundle.getEntry().size(); i++) {
			Resource resource = bundle.getEntry().get(i).getResource();
			if (resource == null) {
				throw CdsRefused.badRequest(where + ".entry[" + i + "] has no resource");
			}
			if (resource instanceof OperationOutcome) {
				continue; // a search's warnings (search.mode outcome): nothing about the patient
			}
			boolean expected = false;
			for (Class<? extends Resource> type : types) {
				expected |= type.isInstance(resource);
			}
			if (!expected) {
				List<String> names = java.util.Arrays.stream(types).map(Class::getSimpleName).toList();
				throw CdsRefused.badRequest(where + ".entry[" + i + "] is a " + resource.fhirType() + "; expected "
						+ String.join(" or ", names));
			}
			resources.add(resource);
		}
		return resources;
	}

	/** An entry about someone else must not be screened as this patient's. */
	private static void samePatient(Reference subject, String patientId, String where) {
		if (subject == null || subject.getReferenceElement().isEmpty()) {
			return;
		}
		String type = subject.getReferenceElement().getResourceType();
		String id = subject.getReferenceElement().getIdPart();
		if ("Patient".equals(type) && id != null && !id.equals(patientId)) {
			throw CdsRefused.badRequest(where + " holds an entry about another patient than context.patientId");
		}
	}

	/**
	 * Whether a condition counts: its clinical status absent, or active, a recurrence or a relapse
	 * (one that says only inactive, in remission or resolved does not), and not refuted or entered in
	 * error. A status Backsafe does not know counts: when in doubt, the condition is there.
	 */
	static boolean current(Condition condition) {
		if (condition.hasVerificationStatus()
				&& condition.getVerificationStatus().getCoding().stream().anyMatch((c) -> NOT_TRUE.contains(c.getCode()))) {
			return false;
		}
		if (!condition.hasClinicalStatus()) {
			return true;
		}
		List<String> codes = condition.getClinicalStatus()
			.getCoding()
			.stream()
			.filter((c) -> c.getSystem() == null || CONDITION_CLINICAL.equals(c.getSystem()))
			.map((c) -> c.getCode())
			.toList();
		return codes.stream().anyMatch(CURRENT::contains) || codes.stream().noneMatch(NOT_CURRENT::contains);
	}

	/** A prescription counts unless it was cancelled, stopped, completed, entered in error, or says "do not". */
	static boolean current(MedicationRequest request) {
		if (request.getDoNotPerform()) {
			return false;
		}
		MedicationRequest.MedicationRequestStatus status = request.getStatus();
		return status == null || switch (status) {
			case CANCELLED, COMPLETED, ENTEREDINERROR, STOPPED -> false;
			default -> true;
		};
	}

	/** A statement counts unless the medicine was stopped, completed, not taken, or entered in error. */
	static boolean current(MedicationStatement statement) {
		MedicationStatement.MedicationStatementStatus status = statement.getStatus();
		return status == null || switch (status) {
			case COMPLETED, ENTEREDINERROR, STOPPED, NOTTAKEN -> false;
			default -> true;
		};
	}

	/** The medicine's codes: its own, or a contained Medication's. */
	private static CodeableConcept medicine(DomainResource holder, Reference reference, CodeableConcept concept) {
		if (concept != null) {
			return concept;
		}
		if (reference == null) {
			return null;
		}
		if (reference.getResource() instanceof Medication medication) {
			return medication.getCode();
		}
		String local = reference.getReference();
		if (local != null && local.startsWith("#")) {
			for (Resource contained : holder.getContained()) {
				if (contained instanceof Medication medication
						&& local.substring(1).equals(contained.getIdElement().getIdPart())) {
					return medication.getCode();
				}
			}
		}
		return null; // a Medication elsewhere on the EHR's server: not fetched, so not read
	}

	private static void add(List<Entry> entries, int[] unreadable, Kind kind, CodeableConcept concept, String where) {
		if (concept == null || concept.getCoding().isEmpty()) {
			unreadable[0]++;
			return;
		}
		if (concept.getCoding().size() > MAX_CODINGS) {
			throw CdsRefused.badRequest(where + " has an entry with more than " + MAX_CODINGS + " codes");
		}
		List<Coding> codings = concept.getCoding()
			.stream()
			.filter((c) -> c.hasSystem() && c.hasCode())
			.map((c) -> new Coding(c.getSystem(), c.getCode(), plain(c.getDisplay())))
			.toList();
		if (codings.isEmpty()) {
			unreadable[0]++;
			return;
		}
		String text = concept.hasText() ? plain(concept.getText()) : null;
		entries.add(new Entry(kind, text, codings));
	}

	private static BirthDate birthDate(Patient patient) {
		if (!patient.hasBirthDateElement() || patient.getBirthDateElement().getValueAsString() == null) {
			return null;
		}
		String written = patient.getBirthDateElement().getValueAsString();
		try {
			String date = written.length() > 10 ? written.substring(0, 10) : written;
			return switch (date.length()) {
				case 4 -> new BirthDate(date, LocalDate.of(Integer.parseInt(date), 1, 1),
						LocalDate.of(Integer.parseInt(date), 12, 31));
				case 7 -> new BirthDate(date, YearMonth.parse(date).atDay(1), YearMonth.parse(date).atEndOfMonth());
				default -> new BirthDate(date, LocalDate.parse(date), LocalDate.parse(date));
			};
		}
		catch (DateTimeParseException | NumberFormatException ex) {
			throw CdsRefused.badRequest("prefetch.patient.birthDate is not a date");
		}
	}

	private static void appointments(JsonNode node) {
		if (!node.isObject() || !"Bundle".equals(node.path("resourceType").asString(""))) {
			throw CdsRefused.badRequest("context.appointments must be a FHIR Bundle of Appointment resources");
		}
	}

	private static String text(JsonNode node, String field, boolean required) {
		return text(node, field, field, required);
	}

	private static String text(JsonNode node, String field, String name, boolean required) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			if (required) {
				throw CdsRefused.badRequest(name + " is missing");
			}
			return null;
		}
		if (!value.isString() || value.stringValue().isBlank()) {
			throw CdsRefused.badRequest(name + " must be a non-empty string");
		}
		if (value.stringValue().length() > MAX_ID) {
			throw CdsRefused.badRequest(name + " is longer than " + MAX_ID + " characters");
		}
		return value.stringValue();
	}

	/** A field's name from the request, shown only when it looks like a name. */
	private static String named(String field) {
		return field.matches("[A-Za-z0-9_.-]{1,40}") ? "'" + field + "'" : "A field";
	}

	private static String sorted(Set<String> names) {
		return String.join(", ", names.stream().sorted().toList());
	}

	/** HAPI's reason, without its own code and cut short; it names elements, not their values. */
	private static String hapiMessage(Exception ex) {
		String message = String.valueOf(ex.getMessage()).replaceFirst("^HAPI-\\d+: ", "");
		message = message.codePoints()
			.filter((c) -> !Character.isISOControl(c))
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
		return (message.length() > 300) ? message.substring(0, 300) + "..." : message;
	}

	/** Text from the record, one line, bounded. */
	static String plain(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String line = text.codePoints()
			.map((c) -> Character.isISOControl(c) ? ' ' : c)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString()
			.strip();
		return (line.length() > MAX_TEXT) ? line.substring(0, MAX_TEXT - 3) + "..." : line;
	}

}
