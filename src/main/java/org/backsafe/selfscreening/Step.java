package org.backsafe.selfscreening;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.backsafe.questionnaire.HealthAnswer;
import org.backsafe.questionnaire.QuestionsThatApply;
import org.backsafe.questionnaire.ScreeningForm;
import org.backsafe.questionnaire.Section;
import org.backsafe.screening.HealthQuestion;

/**
 * The self-screening form's steps, one topic a page, in the order they are asked. Where it hurts
 * comes first because it decides whether the neck's warning sign is asked. The kiosk keeps its own
 * screens ({@link Section}); both use the same form and validator.
 */
enum Step {

	WHERE_AND_HOW_LONG, WARNING_SIGNS, HEALTH, PAIN, MASSAGE;

	/** The step's number as the person sees it and as its URL says it: 1 to 5. */
	int number() {
		return ordinal() + 1;
	}

	static Optional<Step> numbered(int number) {
		return (number >= 1 && number <= values().length) ? Optional.of(values()[number - 1]) : Optional.empty();
	}

	Optional<Step> next() {
		return numbered(number() + 1);
	}

	Optional<Step> previous() {
		return numbered(number() - 1);
	}

	/** The Yes / No / Not sure questions of this step that apply to this person, in order. */
	List<HealthQuestion> questions(ScreeningForm form) {
		List<HealthQuestion> all = switch (this) {
			case WARNING_SIGNS -> Section.WARNING_SIGNS.getQuestions();
			case HEALTH -> Section.HEALTH.getQuestions();
			default -> List.of();
		};
		return all.stream().filter((q) -> QuestionsThatApply.applies(q, form.getPainAreas())).toList();
	}

	/**
	 * The form fields this step asks, in page order. Age comes after the health questions, so that
	 * "No to all of these" leads straight on to it.
	 */
	List<String> fields(ScreeningForm form) {
		List<String> fields = new ArrayList<>();
		switch (this) {
			case WHERE_AND_HOW_LONG -> fields.addAll(List.of("painAreas", "painDuration"));
			case WARNING_SIGNS -> questions(form).forEach((q) -> fields.add(ScreeningForm.answerField(q)));
			case HEALTH -> {
				questions(form).forEach((q) -> fields.add(ScreeningForm.answerField(q)));
				fields.add("age");
			}
			case PAIN -> fields.addAll(List.of("painSeverity", "painWorsening", "painPatterns"));
			case MASSAGE -> fields.addAll(List.of("setting", "equipment"));
		}
		return fields;
	}

	/** The request parameters a POST of this step may bind; any other is ignored. */
	String[] bindable() {
		return switch (this) {
			case WHERE_AND_HOW_LONG -> new String[] { "painAreas", "painDuration" };
			case WARNING_SIGNS -> new String[] { "answers[*]" };
			case HEALTH -> new String[] { "answers[*]", "age" };
			case PAIN -> new String[] { "painSeverity", "painWorsening", "painPatterns" };
			case MASSAGE -> new String[] { "setting", "equipment" };
		};
	}

	/** Copies what this step asks from a posted form into the answers kept so far. */
	void copy(ScreeningForm posted, ScreeningForm kept) {
		switch (this) {
			case WHERE_AND_HOW_LONG -> {
				var earlierAreas = kept.getPainAreas();
				kept.setPainAreas(posted.getPainAreas());
				kept.setPainDuration(posted.getPainDuration());
				QuestionsThatApply.painAreasChanged(kept, earlierAreas);
			}
			case WARNING_SIGNS, HEALTH -> {
				for (HealthQuestion question : questions(kept)) {
					HealthAnswer answer = posted.answerTo(question);
					if (answer != null) {
						kept.getAnswers().put(question, answer);
					}
					else {
						kept.getAnswers().remove(question);
					}
				}
				if (this == HEALTH) {
					kept.setAge(posted.getAge());
				}
			}
			case PAIN -> {
				kept.setPainSeverity(posted.getPainSeverity());
				kept.setPainWorsening(posted.getPainWorsening());
				kept.setPainPatterns(posted.getPainPatterns());
			}
			case MASSAGE -> {
				kept.setSetting(posted.getSetting());
				kept.setEquipment(posted.getEquipment());
			}
		}
	}

	/** "No to all of these": every question of the step that applies answered No. */
	void noToAll(ScreeningForm form) {
		questions(form).forEach((q) -> form.getAnswers().put(q, HealthAnswer.NO));
	}

	boolean hasQuestions() {
		return this == WARNING_SIGNS || this == HEALTH;
	}

}
