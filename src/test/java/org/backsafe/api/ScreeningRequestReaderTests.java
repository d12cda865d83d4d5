package org.backsafe.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.backsafe.api.InvalidAnswers.FieldProblem;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ScreeningRequestReaderTests {

	/** The README's example. */
	static ScreeningRequestJson example() {
		ScreeningRequestJson json = new ScreeningRequestJson();
		json.age = 52;
		json.conditions = new ArrayList<>(List.of("EPILEPSY"));
		json.unsure = new ArrayList<>();
		json.pain = new ScreeningRequestJson.PainJson();
		json.pain.areas = new ArrayList<>(List.of("LOWER_BACK"));
		json.pain.duration = "CHRONIC";
		json.pain.severity = 6;
		json.pain.worsening = false;
		json.pain.patterns = new ArrayList<>(List.of("KNOTS", "GENERAL_STIFFNESS"));
		json.setting = "SELF";
		json.equipment = new ArrayList<>(List.of("FOAM_ROLLER"));
		return json;
	}

	static List<FieldProblem> problems(ScreeningRequestJson json) {
		InvalidAnswers ex = catchThrowableOfType(InvalidAnswers.class, () -> ScreeningRequestReader.read(json));
		assertThat(ex).as("the reader should refuse these answers").isNotNull();
		return ex.problems();
	}

	static List<String> fields(ScreeningRequestJson json) {
		return problems(json).stream().map(FieldProblem::field).toList();
	}

	@Nested
	class Accepts {

		@Test
		void theReadmeExample() {
			ScreeningRequest request = ScreeningRequestReader.read(example());
			assertThat(request.age()).isEqualTo(52);
			assertThat(request.answers()).containsExactlyEntriesOf(Map.of(HealthQuestion.EPILEPSY, Response.YES));
			assertThat(request.pain().areas()).containsOnly(PainArea.LOWER_BACK);
			assertThat(request.pain().duration()).isEqualTo(PainDuration.CHRONIC);
			assertThat(request.pain().severity()).isEqualTo(6);
			assertThat(request.pain().worsening()).isFalse();
			assertThat(request.pain().patterns()).containsOnly(PainPattern.KNOTS, PainPattern.GENERAL_STIFFNESS);
			assertThat(request.setting()).isEqualTo(Setting.SELF);
			assertThat(request.equipment()).containsOnly(Equipment.FOAM_ROLLER);
		}

		@Test
		void unsureAnswersAsNotSure() {
			ScreeningRequestJson json = example();
			json.unsure = List.of("BLOOD_CLOTTING_DISORDER", "SADDLE_NUMBNESS");
			assertThat(ScreeningRequestReader.read(json).answers())
				.containsEntry(HealthQuestion.BLOOD_CLOTTING_DISORDER, Response.UNSURE)
				.containsEntry(HealthQuestion.SADDLE_NUMBNESS, Response.UNSURE)
				.containsEntry(HealthQuestion.EPILEPSY, Response.YES);
		}

		@Test
		void optionalListsLeftOut() {
			ScreeningRequestJson json = example();
			json.conditions = null;
			json.unsure = null;
			json.equipment = null;
			json.pain.patterns = null;
			ScreeningRequest request = ScreeningRequestReader.read(json);
			assertThat(request.answers()).isEmpty();
			assertThat(request.equipment()).isEmpty();
			assertThat(request.pain().patterns()).isEmpty();
		}

		@Test
		void theEdgesOfEachRange() {
			ScreeningRequestJson json = example();
			json.age = 0;
			json.pain.severity = 10;
			assertThat(ScreeningRequestReader.read(json).age()).isZero();
			json.age = 120;
			json.pain.severity = 0;
			assertThat(ScreeningRequestReader.read(json).pain().severity()).isZero();
		}

	}

	@Nested
	class Refuses {

		@Test
		void missingRequiredFields() {
			ScreeningRequestJson json = new ScreeningRequestJson();
			assertThat(fields(json)).containsExactly("age", "pain", "setting");
			json.pain = new ScreeningRequestJson.PainJson();
			assertThat(fields(json)).containsExactly("age", "pain.areas", "pain.duration", "pain.severity",
					"pain.worsening", "setting");
		}

		@Test
		void numbersOutOfRange() {
			ScreeningRequestJson json = example();
			json.age = 121;
			json.pain.severity = -1;
			assertThat(problems(json)).containsExactly(new FieldProblem("age", "must be from 0 to 120"),
					new FieldProblem("pain.severity", "must be from 0 to 10"));
			json.age = -1;
			json.pain.severity = 11;
			assertThat(fields(json)).containsExactly("age", "pain.severity");
		}

		@Test
		void anUnknownCodeByItsPlaceInTheList() {
			ScreeningRequestJson json = example();
			json.conditions = List.of("EPILEPSY", "HEADACHE");
			assertThat(problems(json)).singleElement().satisfies((p) -> {
				assertThat(p.field()).isEqualTo("conditions[1]");
				assertThat(p.message()).startsWith("\"HEADACHE\" is not a known code")
					.contains(Arrays.toString(HealthQuestion.values()));
			});
		}

		@Test
		void anUnknownCodeInEveryField() {
			ScreeningRequestJson json = example();
			json.conditions = List.of("X1");
			json.unsure = List.of("X2");
			json.pain.areas = List.of("X3");
			json.pain.duration = "X4";
			json.pain.patterns = List.of("KNOTS", "X5");
			json.setting = "X6";
			json.equipment = List.of("X7");
			assertThat(fields(json)).containsExactly("conditions[0]", "unsure[0]", "pain.areas[0]", "pain.duration",
					"pain.patterns[1]", "setting", "equipment[0]");
		}

		@Test
		void codesAreExact() {
			ScreeningRequestJson json = example();
			json.conditions = List.of("epilepsy");
			json.setting = " SELF";
			assertThat(fields(json)).containsExactly("conditions[0]", "setting");
		}

		@Test
		void aQuestionAnsweredBothYesAndNotSure() {
			ScreeningRequestJson json = example();
			json.unsure = List.of("EPILEPSY");
			assertThat(problems(json)).singleElement()
				.isEqualTo(new FieldProblem("unsure", "EPILEPSY is in both conditions and unsure; answer it one way"));
		}

		@Test
		void aCodeListedTwiceOrANull() {
			ScreeningRequestJson json = example();
			json.equipment = Arrays.asList("FOAM_ROLLER", null, "FOAM_ROLLER");
			assertThat(problems(json)).containsExactly(new FieldProblem("equipment[1]", "must be a code, not null"),
					new FieldProblem("equipment[2]", "FOAM_ROLLER is listed twice"));
		}

		@Test
		void anEmptyListOfAreas() {
			ScreeningRequestJson json = example();
			json.pain.areas = List.of();
			assertThat(problems(json)).singleElement()
				.satisfies((p) -> assertThat(p.message()).startsWith("is required: at least one of"));
		}

		@Test
		void unknownFieldsAtEitherLevel() {
			ScreeningRequestJson json = example();
			json.unknown("smoker", true);
			json.pain.unknown("location", "LOWER_BACK");
			assertThat(problems(json)).containsExactly(new FieldProblem("smoker", "is not a field of this request"),
					new FieldProblem("pain.location", "is not a field of this request"));
		}

		@Test
		void neverEchoesAValueThatIsNotCodeLike() {
			ScreeningRequestJson json = example();
			json.conditions = List.of("<script>alert(1)</script>");
			json.setting = "\"><img src=x onerror=alert(1)>";
			json.unknown("<script>", 1);
			List<FieldProblem> problems = problems(json);
			assertThat(problems).extracting(FieldProblem::field).containsExactly("?", "conditions[0]", "setting");
			assertThat(problems).allSatisfy((p) -> {
				assertThat(p.field() + p.message()).doesNotContain("<", ">", "\"><", "script");
			});
			assertThat(problems.get(1).message()).startsWith("this is not a known code");
		}

		@Test
		void thousandsOfBadCodesNameTenAndCountTheRest() {
			ScreeningRequestJson json = example();
			List<String> codes = new ArrayList<>();
			for (int i = 0; i < 100_000; i++) {
				codes.add("X" + i);
			}
			json.conditions = codes;
			json.unknown("smoker", true);
			InvalidAnswers ex = catchThrowableOfType(InvalidAnswers.class, () -> ScreeningRequestReader.read(json));
			assertThat(ex.count()).isEqualTo(100_001);
			assertThat(ex.problems()).hasSize(InvalidAnswers.MAX_NAMED);
			assertThat(ex.problems().get(0).field()).isEqualTo("smoker");
			assertThat(ex.problems()).extracting(FieldProblem::field)
				.endsWith("conditions[" + (InvalidAnswers.MAX_NAMED - 2) + "]");
		}

		@Test
		void aVeryLongCodeIsNotEchoed() {
			ScreeningRequestJson json = example();
			json.setting = "A".repeat(41);
			assertThat(problems(json).get(0).message()).startsWith("this is not a known code");
		}

	}

}
