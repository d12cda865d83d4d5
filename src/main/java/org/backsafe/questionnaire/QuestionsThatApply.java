package org.backsafe.questionnaire;

import java.util.Set;

import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.PainArea;

/**
 * Which health questions a person is asked, given what they said about their pain. The one rule
 * today: the neck's warning signs are asked only when the neck hurts (DESIGN, "asked when the neck
 * hurts"). A question that does not apply is recorded as No, so the engine sees a complete answer
 * set; one that starts to apply again (the neck is added) must be answered again. Every other
 * question is always asked.
 */
public final class QuestionsThatApply {

	private QuestionsThatApply() {
	}

	/** Whether the question is asked of someone whose pain is in these areas. */
	public static boolean applies(HealthQuestion question, Set<PainArea> painAreas) {
		if (question == HealthQuestion.NECK_WARNING_SIGNS) {
			return painAreas.contains(PainArea.NECK_SHOULDERS);
		}
		return true;
	}

	/**
	 * Brings the answers in line with new pain areas: a question that no longer applies becomes No,
	 * and one that applies now but did not under the earlier areas loses its recorded No, so that it
	 * is asked.
	 */
	public static void painAreasChanged(ScreeningForm form, Set<PainArea> earlierAreas) {
		for (HealthQuestion question : HealthQuestion.values()) {
			boolean appliesNow = applies(question, form.getPainAreas());
			if (!appliesNow) {
				form.getAnswers().put(question, HealthAnswer.NO);
			}
			else if (!applies(question, earlierAreas)) {
				form.getAnswers().remove(question);
			}
		}
	}

}
