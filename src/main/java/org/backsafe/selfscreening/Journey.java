package org.backsafe.selfscreening;

import java.util.Arrays;
import java.util.Optional;

import org.backsafe.questionnaire.ScreeningForm;
import org.backsafe.questionnaire.ScreeningFormValidator;

import org.springframework.stereotype.Component;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;

/**
 * The way through the steps: which step still needs answers, saving a step's answers once they pass
 * its checks, and "No to all of these". The answers live in {@link CurrentScreening} (the session)
 * and nowhere else.
 */
@Component
class Journey {

	private final CurrentScreening current;

	private final ScreeningFormValidator validator = new ScreeningFormValidator();

	Journey(CurrentScreening current) {
		this.current = current;
	}

	ScreeningForm answers() {
		return this.current.answersSoFar();
	}

	/** The first step whose answers are missing or wrong, or empty when all are done. */
	Optional<Step> firstIncomplete() {
		ScreeningForm answers = answers();
		return Arrays.stream(Step.values()).filter((step) -> !complete(step, answers)).findFirst();
	}

	/** Whether every step before this one is done, so that it may be shown. */
	boolean reachable(Step step) {
		return firstIncomplete().map((first) -> first.ordinal() >= step.ordinal()).orElse(true);
	}

	/**
	 * Checks the posted answers of one step and, when they pass, keeps them. New answers make an
	 * earlier result stale.
	 */
	boolean save(Step step, ScreeningForm posted, Errors errors) {
		ScreeningForm answers = answers();
		this.validator.validateFields(posted, step.fields(answers), errors);
		if (errors.hasErrors()) {
			return false;
		}
		step.copy(posted, answers);
		this.current.answered(answers);
		return true;
	}

	/**
	 * Keeps what was posted so far (unchecked, as the person has not said they are done) and
	 * answers every question of the step No.
	 */
	void noToAll(Step step, ScreeningForm posted) {
		ScreeningForm answers = answers();
		step.copy(posted, answers);
		step.noToAll(answers);
		this.current.answered(answers);
	}

	private boolean complete(Step step, ScreeningForm answers) {
		Errors errors = new BeanPropertyBindingResult(answers, "screeningForm");
		this.validator.validateFields(answers, step.fields(answers), errors);
		return !errors.hasErrors();
	}

}
