package org.backsafe.fhir;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.backsafe.fhir.InvalidResponse.Problem;
import org.backsafe.screening.Equipment;
import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.PainArea;
import org.backsafe.screening.PainDuration;
import org.backsafe.screening.PainPattern;
import org.backsafe.screening.PainProfile;
import org.backsafe.screening.RequestCodes;
import org.backsafe.screening.ScreeningRequest;
import org.backsafe.screening.Setting;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Type;

/**
 * Checks a {@code QuestionnaireResponse} to the Backsafe questionnaire item by item, against the
 * questionnaire itself (its linkIds, groups, answer types, codes and ranges), and turns it into a
 * {@link ScreeningRequest} through {@link RequestCodes}, as the JSON API does. Every problem is
 * counted, and each named with where it is. Nothing is ignored and nothing is assumed: an unknown
 * item, a second answer to a single-answer question or an answer of the wrong type is refused, and
 * so is an unanswered question the questionnaire requires (a No must be said). A warning sign
 * answered although the pain areas do not ask it still counts, as it does in the JSON API: a Yes
 * to a warning sign is never dropped.
 */
final class ResponseReader {

	/** A linkId is echoed in a message only when it looks like one. */
	private static final Pattern LINK_ID_LIKE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

	/** The questionnaire's items by linkId, and the group each question belongs to. */
	private final Map<String, QuestionnaireItemComponent> items = new HashMap<>();

	private final Map<String, String> groupOf = new HashMap<>();

	private final List<Problem> problems = new ArrayList<>();

	private int count;

	/** The answers found, by linkId, in the order they came. */
	private final Map<String, List<Type>> answers = new LinkedHashMap<>();

	private final Set<String> seen = new HashSet<>();

	private ResponseReader(Questionnaire questionnaire) {
		for (QuestionnaireItemComponent group : questionnaire.getItem()) {
			this.items.put(group.getLinkId(), group);
			for (QuestionnaireItemComponent item : group.getItem()) {
				this.items.put(item.getLinkId(), item);
				this.groupOf.put(item.getLinkId(), group.getLinkId());
			}
		}
	}

	/**
	 * The answers of a response to the questionnaire given (in any language: only its structure is
	 * read).
	 * @throws InvalidResponse naming every problem found
	 */
	static ScreeningRequest read(QuestionnaireResponse response, Questionnaire questionnaire) {
		return new ResponseReader(questionnaire).convert(response);
	}

	private ScreeningRequest convert(QuestionnaireResponse response) {
		checkQuestionnaire(response);
		if (response.getStatus() != QuestionnaireResponseStatus.COMPLETED
				&& response.getStatus() != QuestionnaireResponseStatus.AMENDED) {
			problem("invalid", "QuestionnaireResponse.status",
					"status must be completed (or amended): only a finished response is screened");
		}
		List<QuestionnaireResponseItemComponent> top = response.getItem();
		for (int i = 0; i < top.size(); i++) {
			group(top.get(i), "QuestionnaireResponse.item[" + i + "]");
		}
		if (this.count > 0) {
			throw invalid();
		}
		ScreeningRequest request = request();
		if (this.count > 0) {
			throw invalid();
		}
		return request;
	}

	private void checkQuestionnaire(QuestionnaireResponse response) {
		String canonical = response.getQuestionnaire();
		if (canonical == null || canonical.isEmpty()) {
			problem("required", "QuestionnaireResponse.questionnaire",
					"questionnaire is required: " + FhirCodes.QUESTIONNAIRE_URL);
			return;
		}
		String url = canonical;
		String version = null;
		int bar = canonical.indexOf('|');
		if (bar >= 0) {
			url = canonical.substring(0, bar);
			version = canonical.substring(bar + 1);
		}
		if (!FhirCodes.QUESTIONNAIRE_URL.equals(url)) {
			problem("not-supported", "QuestionnaireResponse.questionnaire",
					"this response is to another questionnaire; Backsafe screens responses to "
							+ FhirCodes.QUESTIONNAIRE_URL);
		}
		else if (version != null && !FhirQuestionnaire.version().equals(version)) {
			problem("not-supported", "QuestionnaireResponse.questionnaire", "version "
					+ (LINK_ID_LIKE.matcher(version).matches() ? version : "?") + " of the questionnaire is not"
					+ " known; the current version is " + FhirQuestionnaire.version());
		}
	}

	private void group(QuestionnaireResponseItemComponent item, String path) {
		String linkId = item.getLinkId();
		QuestionnaireItemComponent defined = this.items.get(linkId);
		if (defined == null || defined.getType() != QuestionnaireItemType.GROUP) {
			if (defined != null) {
				problem("structure", path, shown(linkId) + " belongs in the group " + this.groupOf.get(linkId));
			}
			else {
				problem("invalid", path, unknown(linkId));
			}
			return;
		}
		if (!this.seen.add(linkId)) {
			problem("structure", path, "the group " + linkId + " comes twice");
			return;
		}
		if (item.hasAnswer()) {
			problem("structure", path + ".answer", "the group " + linkId + " takes no answer, only its items do");
		}
		List<QuestionnaireResponseItemComponent> children = item.getItem();
		for (int i = 0; i < children.size(); i++) {
			question(children.get(i), linkId, path + ".item[" + i + "]");
		}
	}

	private void question(QuestionnaireResponseItemComponent item, String group, String path) {
		String linkId = item.getLinkId();
		QuestionnaireItemComponent defined = this.items.get(linkId);
		if (defined == null) {
			problem("invalid", path, unknown(linkId));
			return;
		}
		if (!group.equals(this.groupOf.get(linkId))) {
			problem("structure", path, shown(linkId) + ((this.groupOf.get(linkId) != null)
					? " belongs in the group " + this.groupOf.get(linkId) : " is a group, not an item of " + group));
			return;
		}
		if (!this.seen.add(linkId)) {
			problem("structure", path, linkId + " is answered twice; give all its answers in one item");
			return;
		}
		// the help under a question is text to show, never an answer
		for (int i = 0; i < item.getItem().size(); i++) {
			QuestionnaireResponseItemComponent child = item.getItem().get(i);
			if (!(linkId + ".help").equals(child.getLinkId()) || child.hasAnswer() || child.hasItem()) {
				problem("structure", path + ".item[" + i + "]", "the question " + linkId + " has no items to answer");
			}
		}
		List<QuestionnaireResponseItemAnswerComponent> given = item.getAnswer();
		if (given.size() > 1 && !defined.getRepeats()) {
			problem("structure", path + ".answer", linkId + " takes one answer, not " + given.size());
			return;
		}
		List<Type> values = new ArrayList<>();
		for (int i = 0; i < given.size(); i++) {
			QuestionnaireResponseItemAnswerComponent answer = given.get(i);
			String at = path + ".answer[" + i + "]";
			if (answer.hasItem()) {
				problem("structure", at + ".item", "the answers of " + linkId + " have no items");
			}
			Type value = answer.getValue();
			if (value == null) {
				problem("required", at, linkId + ": the answer has no value");
			}
			else if (valid(defined, value, at)) {
				values.add(value);
			}
		}
		this.answers.put(linkId, values);
	}

	/** Whether a value is of the item's type and among its answers. */
	private boolean valid(QuestionnaireItemComponent item, Type value, String at) {
		String linkId = item.getLinkId();
		switch (item.getType()) {
			case INTEGER -> {
				if (!(value instanceof org.hl7.fhir.r4.model.IntegerType number)) {
					return wrongType(linkId, "valueInteger", value, at);
				}
				int min = ((org.hl7.fhir.r4.model.IntegerType) item.getExtensionByUrl(FhirQuestionnaire.MIN_VALUE)
					.getValue()).getValue();
				int max = ((org.hl7.fhir.r4.model.IntegerType) item.getExtensionByUrl(FhirQuestionnaire.MAX_VALUE)
					.getValue()).getValue();
				if (number.getValue() == null || number.getValue() < min || number.getValue() > max) {
					problem("value", at, linkId + " must be a whole number from " + min + " to " + max);
					return false;
				}
				return true;
			}
			case BOOLEAN -> {
				if (!(value instanceof org.hl7.fhir.r4.model.BooleanType flag) || flag.getValue() == null) {
					return wrongType(linkId, "valueBoolean", value, at);
				}
				return true;
			}
			case CHOICE -> {
				if (!(value instanceof Coding coding)) {
					return wrongType(linkId, "valueCoding", value, at);
				}
				List<Coding> allowed = allowed(item);
				boolean known = allowed.stream()
					.anyMatch((a) -> a.getSystem().equals(coding.getSystem()) && a.getCode().equals(coding.getCode()));
				if (!known) {
					problem("value", at, linkId + ": " + shownCoding(coding) + " is not one of its answers; its answers: "
							+ allowed.stream().map((a) -> a.getSystem() + "|" + a.getCode()).collect(Collectors.joining(", ")));
					return false;
				}
				return true;
			}
			default -> {
				problem("structure", at, linkId + " takes no answer");
				return false;
			}
		}
	}

	private boolean wrongType(String linkId, String expected, Type value, String at) {
		problem("value", at, linkId + " takes " + expected + ", not value" + capitalized(value.fhirType()));
		return false;
	}

	private static String capitalized(String type) {
		return type.isEmpty() ? type : Character.toUpperCase(type.charAt(0)) + type.substring(1);
	}

	/** The codes a choice item takes: its options, or for a health question Yes, No and Not sure. */
	private static List<Coding> allowed(QuestionnaireItemComponent item) {
		if (item.hasAnswerOption()) {
			return item.getAnswerOption().stream().map((o) -> (Coding) o.getValue()).toList();
		}
		return Stream.of(FhirQuestionnaire.YesNoUnsure.values())
			.map((a) -> new Coding(a.system(), a.code(), null))
			.toList();
	}

	/** The request, once every answer is known to be well formed; missing required ones are named. */
	private ScreeningRequest request() {
		Optional<Integer> age = integer(FhirQuestionnaire.AGE);
		Set<PainArea> areas = codes(FhirQuestionnaire.PAIN_AREAS, PainArea.class);
		Optional<PainDuration> duration = codes(FhirQuestionnaire.PAIN_DURATION, PainDuration.class).stream()
			.findFirst();
		Optional<Integer> severity = integer(FhirQuestionnaire.PAIN_SEVERITY);
		Optional<Boolean> worsening = values(FhirQuestionnaire.PAIN_WORSENING).stream()
			.map((v) -> ((org.hl7.fhir.r4.model.BooleanType) v).getValue())
			.findFirst();
		Set<PainPattern> patterns = codes(FhirQuestionnaire.PAIN_PATTERNS, PainPattern.class);
		Optional<Setting> setting = codes(FhirQuestionnaire.SETTING, Setting.class).stream().findFirst();
		Set<Equipment> equipment = codes(FhirQuestionnaire.EQUIPMENT, Equipment.class);
		required(FhirQuestionnaire.PAIN_AREAS, !areas.isEmpty());
		required(FhirQuestionnaire.PAIN_DURATION, duration.isPresent());
		required(FhirQuestionnaire.PAIN_SEVERITY, severity.isPresent());
		required(FhirQuestionnaire.PAIN_WORSENING, worsening.isPresent());
		required(FhirQuestionnaire.AGE, age.isPresent());
		required(FhirQuestionnaire.SETTING, setting.isPresent());
		Set<HealthQuestion> yes = EnumSet.noneOf(HealthQuestion.class);
		Set<HealthQuestion> unsure = EnumSet.noneOf(HealthQuestion.class);
		for (HealthQuestion question : HealthQuestion.values()) {
			List<Type> given = values(question.name());
			if (given.isEmpty()) {
				boolean asked = FhirQuestionnaire.enabledBy(question)
					.map((enabling) -> enabling.stream().anyMatch(areas::contains))
					.orElse(true);
				// asked only with neck pain: unasked, it is No, as on the web form
				required(question.name(), !asked || areas.isEmpty());
				continue;
			}
			Coding coding = (Coding) given.get(0);
			if (FhirCodes.YES.equals(coding.getCode())) {
				yes.add(question);
			}
			else if (FhirCodes.NOT_SURE.equals(coding.getCode())) {
				unsure.add(question);
			}
		}
		if (this.count > 0) {
			return null;
		}
		return RequestCodes.request(age.get(), yes, unsure,
				new PainProfile(areas, duration.get(), severity.get(), worsening.get(), patterns), setting.get(),
				equipment);
	}

	private void required(String linkId, boolean answered) {
		if (!answered) {
			String group = this.groupOf.get(linkId);
			problem("required", "QuestionnaireResponse.item.where(linkId='" + group + "').item.where(linkId='" + linkId
					+ "')", linkId + " is required and has no answer" + (this.items.get(linkId).getType() == QuestionnaireItemType.CHOICE
							&& !this.items.get(linkId).hasAnswerOption() ? " (answer No if it is no)" : ""));
		}
	}

	private List<Type> values(String linkId) {
		return this.answers.getOrDefault(linkId, List.of());
	}

	private Optional<Integer> integer(String linkId) {
		return values(linkId).stream().map((v) -> ((org.hl7.fhir.r4.model.IntegerType) v).getValue()).findFirst();
	}

	private <E extends Enum<E>> Set<E> codes(String linkId, Class<E> type) {
		Set<E> codes = EnumSet.noneOf(type);
		List<Type> given = values(linkId);
		for (Type value : given) {
			// known to be one of the item's answer options, so the code exists
			E code = RequestCodes.code(type, ((Coding) value).getCode()).orElseThrow();
			if (!codes.add(code)) {
				problem("structure", "QuestionnaireResponse.item.where(linkId='" + this.groupOf.get(linkId)
						+ "').item.where(linkId='" + linkId + "')", linkId + ": " + code + " is given twice");
			}
		}
		return codes;
	}

	private static String unknown(String linkId) {
		return shown(linkId) + " is not an item of the Backsafe questionnaire (" + FhirCodes.QUESTIONNAIRE_URL + ")";
	}

	private static String shown(String linkId) {
		if (linkId == null || linkId.isEmpty()) {
			return "an item with no linkId";
		}
		return LINK_ID_LIKE.matcher(linkId).matches() ? "linkId " + linkId : "this linkId";
	}

	private static String shownCoding(Coding coding) {
		if (!coding.hasSystem()) {
			return "a code with no system";
		}
		String text = coding.getSystem() + "|" + coding.getCode();
		return (text.length() <= 120 && LINK_ID_LIKE.matcher(String.valueOf(coding.getCode())).matches()) ? text
				: "this code";
	}

	private InvalidResponse invalid() {
		return new InvalidResponse(this.problems, this.count);
	}

	/** Counts a problem; only the first ones are named, so thousands cost no more. */
	private void problem(String code, String expression, String message) {
		this.count++;
		if (this.problems.size() < InvalidResponse.MAX_NAMED) {
			this.problems.add(new Problem(code, expression, message));
		}
	}

}
