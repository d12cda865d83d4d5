package org.backsafe.questionnaire;

import java.util.Collection;

import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.PainProfile;
import org.backsafe.screening.ScreeningRequest;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Checks a {@link ScreeningForm}, one section or all of them. Every health question needs an answer:
 * a warning sign left blank must never pass as a No. A field that could not even be bound (a word
 * where a number goes, an unknown code) already carries its error and gets no second one. The error
 * codes are message keys in messages/web*.properties.
 */
public class ScreeningFormValidator implements Validator {

	@Override
	public boolean supports(Class<?> type) {
		return ScreeningForm.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		ScreeningForm form = (ScreeningForm) target;
		for (Section section : Section.values()) {
			validate(form, section, errors);
		}
	}

	/** Checks only the fields of one section, for a screen that shows that section alone. */
	public void validate(ScreeningForm form, Section section, Errors errors) {
		switch (section) {
			case WARNING_SIGNS -> answers(form, section, errors);
			case HEALTH -> {
				age(form, errors);
				answers(form, section, errors);
			}
			case PAIN -> pain(form, errors);
			case MASSAGE -> {
				if (form.getSetting() == null && !errors.hasFieldErrors("setting")) {
					errors.rejectValue("setting", "questionnaire.setting.required");
				}
			}
		}
	}

	/**
	 * Checks only the named form fields, for a page that asks some of a section's questions (the
	 * self-screening steps). Fields are named as {@link Section#getFields()} names them.
	 */
	public void validateFields(ScreeningForm form, Collection<String> fields, Errors errors) {
		for (String field : fields) {
			switch (field) {
				case "age" -> age(form, errors);
				case "painAreas", "painDuration", "painSeverity", "painWorsening" -> pain(form, field, errors);
				case "setting" -> validate(form, Section.MASSAGE, errors);
				default -> {
					for (HealthQuestion question : HealthQuestion.values()) {
						if (field.equals(ScreeningForm.answerField(question))) {
							answer(form, question, errors);
						}
					}
				}
			}
		}
	}

	private void age(ScreeningForm form, Errors errors) {
		if (errors.hasFieldErrors("age")) {
			return;
		}
		if (form.getAge() == null) {
			errors.rejectValue("age", "questionnaire.age.required");
		}
		else if (form.getAge() < 0 || form.getAge() > ScreeningRequest.MAX_AGE) {
			errors.rejectValue("age", "questionnaire.age.range", new Object[] { ScreeningRequest.MAX_AGE }, null);
		}
	}

	private void answers(ScreeningForm form, Section section, Errors errors) {
		for (HealthQuestion question : section.getQuestions()) {
			answer(form, question, errors);
		}
	}

	private void answer(ScreeningForm form, HealthQuestion question, Errors errors) {
		String field = ScreeningForm.answerField(question);
		if (form.answerTo(question) == null && !errors.hasFieldErrors(field)) {
			errors.rejectValue(field, "questionnaire.answer.required",
					new Object[] { new DefaultMessageSourceResolvable("question." + question.name() + ".inline") },
					null);
		}
	}

	private void pain(ScreeningForm form, Errors errors) {
		for (String field : Section.PAIN.getFields()) {
			pain(form, field, errors);
		}
	}

	private void pain(ScreeningForm form, String field, Errors errors) {
		if (field.equals("painAreas") && form.getPainAreas().isEmpty() && !errors.hasFieldErrors("painAreas")) {
			errors.rejectValue("painAreas", "questionnaire.painAreas.required");
		}
		if (field.equals("painDuration") && form.getPainDuration() == null && !errors.hasFieldErrors("painDuration")) {
			errors.rejectValue("painDuration", "questionnaire.painDuration.required");
		}
		if (field.equals("painSeverity") && !errors.hasFieldErrors("painSeverity")) {
			Integer severity = form.getPainSeverity();
			if (severity == null) {
				errors.rejectValue("painSeverity", "questionnaire.painSeverity.required");
			}
			else if (severity < 0 || severity > PainProfile.MAX_SEVERITY) {
				errors.rejectValue("painSeverity", "questionnaire.painSeverity.range",
						new Object[] { PainProfile.MAX_SEVERITY }, null);
			}
		}
		if (field.equals("painWorsening") && form.getPainWorsening() == null
				&& !errors.hasFieldErrors("painWorsening")) {
			errors.rejectValue("painWorsening", "questionnaire.painWorsening.required");
		}
	}

}
