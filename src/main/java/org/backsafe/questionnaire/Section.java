package org.backsafe.questionnaire;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.backsafe.screening.HealthQuestion;

/**
 * The parts of the questionnaire, in the order they are asked: warning signs first, as urgent triage
 * services do. The kiosk shows one per screen; the web form has its own steps over the same fields.
 * Each names its form fields, so a screen can be checked on its own.
 */
public enum Section {

	WARNING_SIGNS("warningSigns"), HEALTH("health"), PAIN("pain"), MASSAGE("massage");

	private final String fragment;

	Section(String fragment) {
		this.fragment = fragment;
	}

	/** The name of the Thymeleaf fragment in fragments/questionnaire.html that draws this section. */
	public String getFragment() {
		return this.fragment;
	}

	/** The health questions asked in this section, in order. */
	public List<HealthQuestion> getQuestions() {
		return switch (this) {
			case WARNING_SIGNS -> Arrays.stream(HealthQuestion.values()).filter(HealthQuestion::isWarningSign).toList();
			case HEALTH -> Arrays.stream(HealthQuestion.values()).filter((q) -> !q.isWarningSign()).toList();
			case PAIN, MASSAGE -> List.of();
		};
	}

	/** The form fields this section fills, in the order they appear on the page. */
	public List<String> getFields() {
		return switch (this) {
			case WARNING_SIGNS -> getQuestions().stream().map(ScreeningForm::answerField).toList();
			case HEALTH ->
				Stream.concat(Stream.of("age"), getQuestions().stream().map(ScreeningForm::answerField)).toList();
			case PAIN -> List.of("painAreas", "painDuration", "painSeverity", "painWorsening", "painPatterns");
			case MASSAGE -> List.of("setting", "equipment");
		};
	}

	/** Whether some section asks for this form field. */
	public static boolean asks(String field) {
		return Arrays.stream(values()).anyMatch((section) -> section.getFields().contains(field));
	}

}
