package org.backsafe.questionnaire;

import java.util.EnumSet;
import java.util.Set;

import org.backsafe.screening.Equipment;
import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.PainArea;
import org.backsafe.screening.PainDuration;
import org.backsafe.screening.PainPattern;
import org.backsafe.screening.Response;
import org.backsafe.screening.ScreeningRequest;
import org.backsafe.screening.Setting;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ScreeningFormValidatorTests {

	private final ScreeningFormValidator validator = new ScreeningFormValidator();

	/** A form with every question answered No and the pain and setting filled in. */
	static ScreeningForm complete() {
		ScreeningForm form = new ScreeningForm();
		form.setAge(40);
		for (HealthQuestion question : HealthQuestion.values()) {
			form.getAnswers().put(question, HealthAnswer.NO);
		}
		form.setPainAreas(EnumSet.of(PainArea.LOWER_BACK));
		form.setPainDuration(PainDuration.CHRONIC);
		form.setPainSeverity(3);
		form.setPainWorsening(false);
		form.setPainPatterns(EnumSet.of(PainPattern.KNOTS));
		form.setSetting(Setting.SELF);
		form.setEquipment(EnumSet.of(Equipment.TENNIS_BALL));
		return form;
	}

	private Errors validate(ScreeningForm form) {
		Errors errors = new BeanPropertyBindingResult(form, "screeningForm");
		this.validator.validate(form, errors);
		return errors;
	}

	private static String codeOf(Errors errors, String field) {
		FieldError error = errors.getFieldError(field);
		assertThat(error).as("error on " + field).isNotNull();
		return error.getCode();
	}

	@Nested
	class WholeForm {

		@Test
		void aCompleteFormPasses() {
			assertThat(validate(complete()).hasErrors()).isFalse();
		}

		@Test
		void anEmptyFormNamesEveryRequiredFieldInPageOrder() {
			Errors errors = validate(new ScreeningForm());
			assertThat(errors.getFieldErrors().stream().map(FieldError::getField)).containsExactly(
					// the warning signs first, as urgent triage services ask them
					"answers[SADDLE_NUMBNESS]", "answers[BLADDER_OR_BOWEL_CHANGE]", "answers[PROGRESSIVE_LEG_WEAKNESS]",
					"answers[BOTH_LEGS_AFFECTED]", "answers[MAJOR_TRAUMA]", "answers[LEG_CLOT_SIGNS]",
					"answers[CHEST_PAIN_OR_BREATHLESSNESS]", "answers[SUDDEN_SEVERE_PAIN]",
					"answers[NECK_WARNING_SIGNS]",
					// then age and health, the signs that need a doctor soon first
					"age", "answers[NIGHT_OR_REST_PAIN]", "answers[UNEXPLAINED_WEIGHT_LOSS]",
					"answers[INFECTION_RISK]", "answers[PAIN_AFTER_MINOR_FALL]", "answers[BLOOD_CLOTTING_DISORDER]",
					"answers[ANTICOAGULANT_MEDICATION]", "answers[SEVERE_OSTEOPOROSIS]", "answers[OSTEOPOROSIS]",
					"answers[LONG_TERM_STEROIDS]", "answers[RECENT_SURGERY]", "answers[SPINAL_SURGERY_OR_IMPLANT]",
					"answers[RECENT_FRACTURE]", "answers[SERIOUS_INJURY]", "answers[OPEN_WOUND_OR_SKIN_INFECTION]",
					"answers[FEVER_OR_CONTAGIOUS_ILLNESS]", "answers[COLD_OR_MINOR_ILLNESS]", "answers[CANCER]",
					"answers[PREGNANCY]", "answers[DOCTOR_SAID_SUPERVISED_ONLY]",
					"answers[HEART_CONDITION_OR_HIGH_BLOOD_PRESSURE]", "answers[DIZZINESS_OR_FAINTING]",
					"answers[EPILEPSY]", "answers[REDUCED_SENSATION]", "answers[SENSITIVE_SKIN]",
					"answers[SKIN_DISORDER]", "answers[OIL_OR_LOTION_ALLERGY]", "answers[INFLAMED_OR_INJURED_AREA]",
					"answers[SCIATICA_OR_PINCHED_NERVE]",
					// then the pain and the massage
					"painAreas", "painDuration", "painSeverity", "painWorsening", "setting");
		}

		@Test
		void aWarningSignLeftBlankIsAnErrorNeverANo() {
			ScreeningForm form = complete();
			form.getAnswers().remove(HealthQuestion.SADDLE_NUMBNESS);
			Errors errors = validate(form);
			assertThat(errors.getErrorCount()).isOne();
			assertThat(codeOf(errors, "answers[SADDLE_NUMBNESS]")).isEqualTo("questionnaire.answer.required");
		}

		@Test
		void patternsAndEquipmentMayBeLeftEmpty() {
			ScreeningForm form = complete();
			form.setPainPatterns(Set.of());
			form.setEquipment(null);
			assertThat(validate(form).hasErrors()).isFalse();
		}

	}

	@Nested
	class Numbers {

		@Test
		void ageMustBeFrom0To120() {
			ScreeningForm form = complete();
			form.setAge(121);
			assertThat(codeOf(validate(form), "age")).isEqualTo("questionnaire.age.range");
			form.setAge(-1);
			assertThat(codeOf(validate(form), "age")).isEqualTo("questionnaire.age.range");
			form.setAge(0);
			assertThat(validate(form).hasErrors()).isFalse();
			form.setAge(120);
			assertThat(validate(form).hasErrors()).isFalse();
		}

		@Test
		void severityMustBeFrom0To10() {
			ScreeningForm form = complete();
			form.setPainSeverity(11);
			assertThat(codeOf(validate(form), "painSeverity")).isEqualTo("questionnaire.painSeverity.range");
			form.setPainSeverity(null);
			assertThat(codeOf(validate(form), "painSeverity")).isEqualTo("questionnaire.painSeverity.required");
			form.setPainSeverity(10);
			assertThat(validate(form).hasErrors()).isFalse();
		}

		@Test
		void aValueThatCouldNotBeBoundKeepsItsOwnErrorAndGetsNoSecond() {
			ScreeningForm form = complete();
			form.setAge(null);
			Errors errors = new BeanPropertyBindingResult(form, "screeningForm");
			errors.rejectValue("age", "typeMismatch");
			ScreeningFormValidatorTests.this.validator.validate(form, errors);
			assertThat(errors.getFieldErrors("age")).hasSize(1);
			assertThat(codeOf(errors, "age")).isEqualTo("typeMismatch");
		}

	}

	@Nested
	class OneSection {

		@Test
		void checksOnlyTheFieldsOfThatSection() {
			ScreeningForm form = new ScreeningForm();
			form.setPainAreas(EnumSet.of(PainArea.UPPER_BACK));
			Errors errors = new BeanPropertyBindingResult(form, "screeningForm");
			ScreeningFormValidatorTests.this.validator.validate(form, Section.PAIN, errors);
			assertThat(errors.getFieldErrors().stream().map(FieldError::getField)).containsExactly("painDuration",
					"painSeverity", "painWorsening");
		}

		@Test
		void everySectionNamesTheFieldsItChecks() {
			for (Section section : Section.values()) {
				Errors errors = new BeanPropertyBindingResult(new ScreeningForm(), "screeningForm");
				ScreeningFormValidatorTests.this.validator.validate(new ScreeningForm(), section, errors);
				assertThat(section.getFields())
					.containsAll(errors.getFieldErrors().stream().map(FieldError::getField).toList());
			}
		}

		@Test
		void theSectionsAskEveryHealthQuestionOnceWarningSignsFirst() {
			assertThat(Section.WARNING_SIGNS.getQuestions()).allMatch(HealthQuestion::isWarningSign).hasSize(9);
			assertThat(Section.HEALTH.getQuestions()).noneMatch(HealthQuestion::isWarningSign);
			assertThat(Section.WARNING_SIGNS.getQuestions().size() + Section.HEALTH.getQuestions().size())
				.isEqualTo(HealthQuestion.values().length);
			assertThat(Section.asks("answers[CANCER]")).isTrue();
			assertThat(Section.asks("answers[FOO]")).isFalse();
		}

	}

	@Nested
	class ToRequest {

		@Test
		void yesAndNotSureBecomeAnswersAndNoIsLeftOut() {
			ScreeningForm form = complete();
			form.getAnswers().put(HealthQuestion.EPILEPSY, HealthAnswer.YES);
			form.getAnswers().put(HealthQuestion.CANCER, HealthAnswer.NOT_SURE);
			ScreeningRequest request = form.toRequest();
			assertThat(request.answers()).containsOnlyKeys(HealthQuestion.EPILEPSY, HealthQuestion.CANCER);
			assertThat(request.answerTo(HealthQuestion.EPILEPSY)).isEqualTo(Response.YES);
			assertThat(request.answerTo(HealthQuestion.CANCER)).isEqualTo(Response.UNSURE);
		}

		@Test
		void everyOtherAnswerIsCarriedOver() {
			ScreeningRequest request = complete().toRequest();
			assertThat(request.age()).isEqualTo(40);
			assertThat(request.pain().areas()).containsExactly(PainArea.LOWER_BACK);
			assertThat(request.pain().duration()).isEqualTo(PainDuration.CHRONIC);
			assertThat(request.pain().severity()).isEqualTo(3);
			assertThat(request.pain().worsening()).isFalse();
			assertThat(request.pain().patterns()).containsExactly(PainPattern.KNOTS);
			assertThat(request.setting()).isEqualTo(Setting.SELF);
			assertThat(request.equipment()).containsExactly(Equipment.TENNIS_BALL);
		}

		@Test
		void anIncompleteFormIsNeverScreened() {
			ScreeningForm form = complete();
			form.getAnswers().remove(HealthQuestion.MAJOR_TRAUMA);
			assertThatIllegalStateException().isThrownBy(form::toRequest);
		}

	}

	@Test
	void fieldIdsAreSafeForLinks() {
		assertThat(ScreeningForm.idOf("answers[CANCER]")).isEqualTo("answers-CANCER");
		assertThat(ScreeningForm.idOf("painAreas")).isEqualTo("painAreas");
	}

	@Nested
	class SomeFields {

		@Test
		void onlyTheNamedFieldsAreChecked() {
			ScreeningForm form = new ScreeningForm();
			form.setPainAreas(EnumSet.of(PainArea.LOWER_BACK));
			Errors errors = new BeanPropertyBindingResult(form, "screeningForm");
			ScreeningFormValidatorTests.this.validator.validateFields(form,
					java.util.List.of("painAreas", "painDuration", "answers[CANCER]"), errors);
			assertThat(errors.getFieldErrors().stream().map(FieldError::getField))
				.containsExactly("painDuration", "answers[CANCER]");
			assertThat(codeOf(errors, "answers[CANCER]")).isEqualTo("questionnaire.answer.required");
		}

		@Test
		void eachFieldHasTheChecksOfTheWholeForm() {
			ScreeningForm form = complete();
			form.setAge(-1);
			form.setPainSeverity(11);
			form.setSetting(null);
			Errors errors = new BeanPropertyBindingResult(form, "screeningForm");
			ScreeningFormValidatorTests.this.validator.validateFields(form,
					java.util.List.of("age", "painSeverity", "setting", "equipment", "painPatterns"), errors);
			assertThat(codeOf(errors, "age")).isEqualTo("questionnaire.age.range");
			assertThat(codeOf(errors, "painSeverity")).isEqualTo("questionnaire.painSeverity.range");
			assertThat(codeOf(errors, "setting")).isEqualTo("questionnaire.setting.required");
			assertThat(errors.getErrorCount()).isEqualTo(3);
		}

	}

	@Nested
	class WhichQuestionsApply {

		@Test
		void theNecksWarningSignOnlyWhenTheNeckHurtsAndEveryOtherQuestionAlways() {
			for (HealthQuestion question : HealthQuestion.values()) {
				boolean neck = question == HealthQuestion.NECK_WARNING_SIGNS;
				assertThat(QuestionsThatApply.applies(question, EnumSet.of(PainArea.LOWER_BACK))).as(question.name())
					.isEqualTo(!neck);
				assertThat(QuestionsThatApply.applies(question, EnumSet.of(PainArea.NECK_SHOULDERS))).isTrue();
			}
		}

		@Test
		void aQuestionThatNoLongerAppliesIsNoAndOneThatAppliesAgainMustBeAnswered() {
			ScreeningForm form = new ScreeningForm();
			form.setPainAreas(EnumSet.of(PainArea.LOWER_BACK));
			QuestionsThatApply.painAreasChanged(form, EnumSet.noneOf(PainArea.class));
			assertThat(form.answerTo(HealthQuestion.NECK_WARNING_SIGNS)).isEqualTo(HealthAnswer.NO);
			assertThat(form.getAnswers()).hasSize(1);

			form.setPainAreas(EnumSet.of(PainArea.LOWER_BACK, PainArea.NECK_SHOULDERS));
			QuestionsThatApply.painAreasChanged(form, EnumSet.of(PainArea.LOWER_BACK));
			assertThat(form.answerTo(HealthQuestion.NECK_WARNING_SIGNS)).isNull();

			// an answer the person gave stays while the neck still hurts
			form.getAnswers().put(HealthQuestion.NECK_WARNING_SIGNS, HealthAnswer.YES);
			QuestionsThatApply.painAreasChanged(form, EnumSet.of(PainArea.NECK_SHOULDERS));
			assertThat(form.answerTo(HealthQuestion.NECK_WARNING_SIGNS)).isEqualTo(HealthAnswer.YES);
		}

	}

}
