package org.backsafe.fhir;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import org.backsafe.screening.Equipment;
import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.PainArea;
import org.backsafe.screening.PainDuration;
import org.backsafe.screening.PainPattern;
import org.backsafe.screening.PainProfile;
import org.backsafe.screening.Response;
import org.backsafe.screening.ScreeningRequest;
import org.backsafe.screening.Setting;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Type;

/**
 * Answer sets as a client would send them: a {@code QuestionnaireResponse} written from the
 * questionnaire's published structure (docs/fhir.md), and the same answers as the JSON API's body.
 * Written here, apart from the app's own writer, so that a mistake in one is not copied into the other.
 */
final class Responses {

	static final String URL = "http://backsafe.org/fhir/Questionnaire/backsafe";

	private Responses() {
	}

	static QuestionnaireResponse response(ScreeningRequest answers) {
		QuestionnaireResponse response = new QuestionnaireResponse();
		response.setQuestionnaire(URL);
		response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
		PainProfile pain = answers.pain();
		QuestionnaireResponseItemComponent painGroup = response.addItem().setLinkId("pain");
		answer(painGroup, "pain.areas", codings("pain-area", pain.areas()));
		answer(painGroup, "pain.duration", codings("pain-duration", List.of(pain.duration())));
		answer(painGroup, "pain.severity", List.of(new IntegerType(pain.severity())));
		answer(painGroup, "pain.worsening", List.of(new BooleanType(pain.worsening())));
		answer(painGroup, "pain.patterns", codings("pain-pattern", pain.patterns()));
		QuestionnaireResponseItemComponent warningSigns = response.addItem().setLinkId("warning-signs");
		QuestionnaireResponseItemComponent health = response.addItem().setLinkId("health");
		answer(health, "age", List.of(new IntegerType(answers.age())));
		for (HealthQuestion question : HealthQuestion.values()) {
			Response given = answers.answerTo(question);
			boolean neckOnly = question == HealthQuestion.NECK_WARNING_SIGNS;
			if (given == null && neckOnly && !pain.areas().contains(PainArea.NECK_SHOULDERS)) {
				continue; // not asked without neck pain
			}
			Coding coding = (given == null) ? new Coding("http://terminology.hl7.org/CodeSystem/v2-0136", "N", "No")
					: (given == Response.YES) ? new Coding("http://terminology.hl7.org/CodeSystem/v2-0136", "Y", "Yes")
							: new Coding("http://terminology.hl7.org/CodeSystem/data-absent-reason", "asked-unknown",
									"Not sure");
			answer(question.isWarningSign() ? warningSigns : health, question.name(), List.of(coding));
		}
		QuestionnaireResponseItemComponent massage = response.addItem().setLinkId("massage");
		answer(massage, "setting", codings("setting", List.of(answers.setting())));
		answer(massage, "equipment", codings("equipment", answers.equipment()));
		return response;
	}

	private static void answer(QuestionnaireResponseItemComponent group, String linkId, List<Type> values) {
		if (values.isEmpty()) {
			return;
		}
		QuestionnaireResponseItemComponent item = group.addItem().setLinkId(linkId);
		values.forEach((v) -> item.addAnswer().setValue(v));
	}

	private static List<Type> codings(String system, java.util.Collection<? extends Enum<?>> codes) {
		List<Type> codings = new ArrayList<>();
		codes.forEach((c) -> codings.add(new Coding("http://backsafe.org/fhir/CodeSystem/" + system, c.name(), null)));
		return codings;
	}

	/** The same answers as the body of {@code POST /api/v1/screenings}. */
	static String json(ScreeningRequest answers) {
		PainProfile pain = answers.pain();
		return "{\"age\": " + answers.age() + ", \"conditions\": " + list(answered(answers, Response.YES))
				+ ", \"unsure\": " + list(answered(answers, Response.UNSURE)) + ", \"pain\": {\"areas\": "
				+ list(pain.areas()) + ", \"duration\": \"" + pain.duration() + "\", \"severity\": " + pain.severity()
				+ ", \"worsening\": " + pain.worsening() + ", \"patterns\": " + list(pain.patterns())
				+ "}, \"setting\": \"" + answers.setting() + "\", \"equipment\": " + list(answers.equipment()) + "}";
	}

	private static Set<HealthQuestion> answered(ScreeningRequest answers, Response response) {
		Set<HealthQuestion> found = EnumSet.noneOf(HealthQuestion.class);
		answers.answers().forEach((q, r) -> {
			if (r == response) {
				found.add(q);
			}
		});
		return found;
	}

	private static String list(java.util.Collection<? extends Enum<?>> codes) {
		return codes.stream().map((c) -> "\"" + c.name() + "\"").collect(Collectors.joining(", ", "[", "]"));
	}

	/**
	 * A seeded answer set: any question Yes or Not sure (a few, or many), every age, every pain
	 * profile with at least one area, either setting.
	 */
	static ScreeningRequest answerSet(SplittableRandom random) {
		Map<HealthQuestion, Response> answers = new EnumMap<>(HealthQuestion.class);
		int count = (random.nextInt(4) == 0) ? random.nextInt(HealthQuestion.values().length + 1) : random.nextInt(4);
		for (int i = 0; i < count; i++) {
			answers.put(pick(random, HealthQuestion.values()), pick(random, Response.values()));
		}
		Set<PainArea> areas = subset(random, PainArea.class);
		if (areas.isEmpty()) {
			areas.add(pick(random, PainArea.values()));
		}
		PainProfile pain = new PainProfile(areas, pick(random, PainDuration.values()),
				random.nextInt(PainProfile.MAX_SEVERITY + 1), random.nextInt(6) == 0, subset(random, PainPattern.class));
		return new ScreeningRequest(random.nextInt(ScreeningRequest.MAX_AGE + 1), answers, pain,
				pick(random, Setting.values()), subset(random, Equipment.class));
	}

	static <E extends Enum<E>> Set<E> subset(SplittableRandom random, Class<E> type) {
		Set<E> subset = EnumSet.noneOf(type);
		for (E value : type.getEnumConstants()) {
			if (random.nextInt(3) == 0) {
				subset.add(value);
			}
		}
		return subset;
	}

	static <T> T pick(SplittableRandom random, T[] values) {
		return values[random.nextInt(values.length)];
	}

}
