package org.backsafe.screening;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VocabularyTests {

	@Test
	void theVersionIsTheHighestVersionAnyCodeWasAddedIn() {
		int highest = Vocabulary.CODE_TYPES.stream()
			.flatMap((type) -> Stream.of(type.getEnumConstants()))
			.mapToInt(Vocabulary::since)
			.max()
			.orElseThrow();
		assertThat(Vocabulary.VERSION).isEqualTo(highest).isEqualTo(2);
	}

	@Test
	void eachCodeSaysWhichVersionAddedIt() {
		for (HealthQuestion question : HealthQuestion.values()) {
			assertThat(Vocabulary.since(question)).isEqualTo(question.getSince());
		}
		assertThat(Vocabulary.since(Disposition.WAIT_UNTIL_WELL)).isEqualTo(2);
		assertThat(Vocabulary.since(Disposition.SEE_DOCTOR)).isEqualTo(1);
		assertThat(Vocabulary.since(UrgentAction.CALL_EMERGENCY_NUMBER)).isEqualTo(2);
		assertThat(Vocabulary.since(Technique.SWEDISH)).isEqualTo(1);
		assertThat(Vocabulary.since(PainPattern.KNOTS)).isEqualTo(1);
		assertThat(Stream.of(HealthQuestion.values()).filter((q) -> q.getSince() == 2)).hasSize(16);
	}

	@Test
	void everyKindOfCodeClientsSendOrReadIsCounted() {
		assertThat(Vocabulary.CODE_TYPES).containsExactly(HealthQuestion.class, PainPattern.class, PainArea.class,
				PainDuration.class, Setting.class, Equipment.class, Disposition.class, Verdict.class, Technique.class,
				UrgentAction.class);
	}

}
