package org.backsafe.api;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.backsafe.api.InvalidAnswers.FieldProblem;
import org.backsafe.screening.Equipment;
import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.PainArea;
import org.backsafe.screening.PainDuration;
import org.backsafe.screening.PainPattern;
import org.backsafe.screening.PainProfile;
import org.backsafe.screening.RequestCodes;
import org.backsafe.screening.ScreeningRequest;
import org.backsafe.screening.Setting;

/**
 * Checks a request body field by field and turns it into a {@link ScreeningRequest}. Every problem
 * is counted, so one answer names every bad field, up to {@link InvalidAnswers#MAX_NAMED} of them
 * (thousands of bad codes give ten named and a count, not thousands of messages). A rejected value
 * is echoed only when it looks like a code, so nothing a client sent comes back unescaped.
 */
final class ScreeningRequestReader {

	private static final Pattern CODE_LIKE = Pattern.compile("[A-Za-z0-9_]{1,40}");

	private final List<FieldProblem> problems = new ArrayList<>();

	private int count;

	static ScreeningRequest read(ScreeningRequestJson json) {
		return new ScreeningRequestReader().convert(json);
	}

	private ScreeningRequest convert(ScreeningRequestJson json) {
		unknownFields("", json.unknown);
		if (json.age == null) {
			problem("age", "is required: a whole number from 0 to " + ScreeningRequest.MAX_AGE);
		}
		else if (json.age < 0 || json.age > ScreeningRequest.MAX_AGE) {
			problem("age", "must be from 0 to " + ScreeningRequest.MAX_AGE);
		}
		Set<HealthQuestion> yes = codes("conditions", json.conditions, HealthQuestion.class, false);
		Set<HealthQuestion> unsure = codes("unsure", json.unsure, HealthQuestion.class, false);
		for (HealthQuestion q : unsure) {
			if (yes.contains(q)) {
				problem("unsure", q + " is in both conditions and unsure; answer it one way");
			}
		}
		PainProfile pain = pain(json.pain);
		Setting setting = code("setting", json.setting, Setting.class);
		Set<Equipment> equipment = codes("equipment", json.equipment, Equipment.class, false);
		if (this.count > 0) {
			throw new InvalidAnswers(this.problems, this.count);
		}
		return RequestCodes.request(json.age, yes, unsure, pain, setting, equipment);
	}

	private PainProfile pain(ScreeningRequestJson.PainJson pain) {
		if (pain == null) {
			problem("pain", "is required: areas, duration, severity and worsening");
			return null;
		}
		unknownFields("pain.", pain.unknown);
		Set<PainArea> areas = codes("pain.areas", pain.areas, PainArea.class, true);
		PainDuration duration = code("pain.duration", pain.duration, PainDuration.class);
		if (pain.severity == null) {
			problem("pain.severity", "is required: a whole number from 0 to " + PainProfile.MAX_SEVERITY);
		}
		else if (pain.severity < 0 || pain.severity > PainProfile.MAX_SEVERITY) {
			problem("pain.severity", "must be from 0 to " + PainProfile.MAX_SEVERITY);
		}
		if (pain.worsening == null) {
			problem("pain.worsening", "is required: true or false");
		}
		Set<PainPattern> patterns = codes("pain.patterns", pain.patterns, PainPattern.class, false);
		if (this.count > 0) {
			return null;
		}
		return new PainProfile(areas, duration, pain.severity, pain.worsening, patterns);
	}

	private void unknownFields(String prefix, Map<String, Object> unknown) {
		unknown.keySet().forEach((name) -> problem(CODE_LIKE.matcher(name).matches() ? prefix + name : prefix + "?",
				"is not a field of this request"));
	}

	private <E extends Enum<E>> E code(String field, String value, Class<E> type) {
		if (value == null) {
			problem(field, "is required: one of " + RequestCodes.known(type));
			return null;
		}
		E code = RequestCodes.code(type, value).orElse(null);
		if (code == null) {
			problem(field, () -> unknownCode(value, type));
		}
		return code;
	}

	private <E extends Enum<E>> Set<E> codes(String field, List<String> values, Class<E> type, boolean required) {
		Set<E> codes = EnumSet.noneOf(type);
		if (values == null || values.isEmpty()) {
			if (required) {
				problem(field, "is required: at least one of " + RequestCodes.known(type));
			}
			return codes;
		}
		for (int i = 0; i < values.size(); i++) {
			String value = values.get(i);
			if (value == null) {
				problem(field + "[" + i + "]", "must be a code, not null");
				continue;
			}
			E code = RequestCodes.code(type, value).orElse(null);
			if (code == null) {
				int index = i;
				problem(() -> field + "[" + index + "]", () -> unknownCode(value, type));
			}
			else if (!codes.add(code)) {
				problem(field + "[" + i + "]", value + " is listed twice");
			}
		}
		return codes;
	}

	private static <E extends Enum<E>> String unknownCode(String value, Class<E> type) {
		return RequestCodes.unknown(CODE_LIKE.matcher(value).matches() ? "\"" + value + "\"" : "this", type);
	}

	private void problem(String field, String message) {
		problem(() -> field, () -> message);
	}

	private void problem(String field, Supplier<String> message) {
		problem(() -> field, message);
	}

	/** Counts a problem; only the first ones are worded, so thousands of bad codes cost no more. */
	private void problem(Supplier<String> field, Supplier<String> message) {
		this.count++;
		if (this.problems.size() < InvalidAnswers.MAX_NAMED) {
			this.problems.add(new FieldProblem(field.get(), message.get()));
		}
	}

}
