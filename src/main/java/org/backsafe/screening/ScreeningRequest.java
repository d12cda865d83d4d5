package org.backsafe.screening;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One person's answers, already checked: every code is known and every number in range. Questions
 * not in {@code answers} were answered No.
 */
public record ScreeningRequest(int age, Map<HealthQuestion, Response> answers, PainProfile pain, Setting setting,
		Set<Equipment> equipment) {

	public static final int MAX_AGE = 120;

	public ScreeningRequest {
		if (age < 0 || age > MAX_AGE) {
			throw new IllegalArgumentException("age must be 0 to " + MAX_AGE + ", was " + age);
		}
		Objects.requireNonNull(pain, "pain");
		Objects.requireNonNull(setting, "setting");
		answers = answers.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(answers));
		equipment = Set.copyOf(equipment);
	}

	public Response answerTo(HealthQuestion question) {
		return this.answers.get(question);
	}

	/** The same answers with one more question answered. */
	public ScreeningRequest withAnswer(HealthQuestion question, Response response) {
		Map<HealthQuestion, Response> more = new EnumMap<>(HealthQuestion.class);
		more.putAll(this.answers);
		more.put(question, response);
		return new ScreeningRequest(this.age, more, this.pain, this.setting, this.equipment);
	}

	/** The same answers, except that the pain is now getting worse. */
	public ScreeningRequest withWorseningPain() {
		PainProfile p = this.pain;
		return new ScreeningRequest(this.age, this.answers,
				new PainProfile(p.areas(), p.duration(), p.severity(), true, p.patterns()), this.setting,
				this.equipment);
	}

}
