package org.backsafe.screening;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Codes become a request one way, for the form, the JSON API and the scenario files alike. */
class RequestCodesTests {

	@Test
	void aCodeIsFoundOnlyAsTheVocabularySpellsIt() {
		assertThat(RequestCodes.code(HealthQuestion.class, "EPILEPSY")).contains(HealthQuestion.EPILEPSY);
		assertThat(RequestCodes.code(HealthQuestion.class, "epilepsy")).isEmpty();
		assertThat(RequestCodes.code(HealthQuestion.class, "HEADACHE")).isEmpty();
		assertThat(RequestCodes.code(HealthQuestion.class, null)).isEmpty();
	}

	@Test
	void anUnknownCodeIsRefusedWithEveryKnownCode() {
		assertThat(RequestCodes.unknown("\"HEADACHE\"", Setting.class))
			.isEqualTo("\"HEADACHE\" is not a known code; known codes: [SELF, PROFESSIONAL]");
	}

	@Test
	void yesAndNotSureMakeTheAnswersAndTheRestAreNo() {
		assertThat(RequestCodes.answers(List.of(HealthQuestion.EPILEPSY), List.of(HealthQuestion.PREGNANCY)))
			.isEqualTo(Map.of(HealthQuestion.EPILEPSY, Response.YES, HealthQuestion.PREGNANCY, Response.UNSURE));
	}

	@Test
	void aQuestionIsNeverAnsweredBothWays() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RequestCodes.answers(List.of(HealthQuestion.CANCER), List.of(HealthQuestion.CANCER)))
			.withMessageContaining("CANCER is answered both Yes and Not sure");
	}

}
