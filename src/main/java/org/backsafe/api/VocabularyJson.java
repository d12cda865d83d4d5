package org.backsafe.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.backsafe.screening.HealthQuestion;

/** The answer of {@code GET /api/v1/vocabulary}, worded in the reader's language. */
@Schema(name = "Vocabulary", description = "Every code a client may send to POST /api/v1/screenings, and every code"
		+ " it reads back, with its words in the language asked for and the version of the vocabulary that added it."
		+ " A client written for an earlier version keeps working: a question it does not send counts as No.")
public record VocabularyJson(
		@Schema(description = "The current version of the vocabulary: the highest since of any code", example = "2",
				requiredMode = Schema.RequiredMode.REQUIRED) int version,
		@Schema(description = "The language of the words: en or es (English when the one asked for is not offered)",
				example = "en", requiredMode = Schema.RequiredMode.REQUIRED) String language,
		@Schema(description = "Health questions, warning signs first, in the order to ask them: send a code in"
				+ " conditions when answered Yes, in unsure when Not sure",
				requiredMode = Schema.RequiredMode.REQUIRED) List<QuestionJson> healthQuestions,
		@Schema(description = "Codes for pain.patterns", requiredMode = Schema.RequiredMode.REQUIRED) List<CodeJson> painPatterns,
		@Schema(description = "Codes for pain.areas", requiredMode = Schema.RequiredMode.REQUIRED) List<CodeJson> painAreas,
		@Schema(description = "Codes for pain.duration", requiredMode = Schema.RequiredMode.REQUIRED) List<CodeJson> durations,
		@Schema(description = "Codes for setting", requiredMode = Schema.RequiredMode.REQUIRED) List<CodeJson> settings,
		@Schema(description = "Codes for equipment", requiredMode = Schema.RequiredMode.REQUIRED) List<CodeJson> equipment,
		@Schema(description = "Codes a result's disposition may hold, least severe first, worded by their summary",
				requiredMode = Schema.RequiredMode.REQUIRED) List<CodeJson> dispositions,
		@Schema(description = "Codes a technique's verdict may hold, least cautious first",
				requiredMode = Schema.RequiredMode.REQUIRED) List<CodeJson> verdicts,
		@Schema(description = "The twelve techniques, in the order every result lists them",
				requiredMode = Schema.RequiredMode.REQUIRED) List<CodeJson> techniques,
		@Schema(description = "Codes a result's urgentAction may hold, least urgent first",
				requiredMode = Schema.RequiredMode.REQUIRED) List<CodeJson> urgentActions) {

	@Schema(name = "VocabularyQuestion", description = "A health question")
	public record QuestionJson(
			@Schema(description = "The code to send", example = "SADDLE_NUMBNESS",
					requiredMode = Schema.RequiredMode.REQUIRED) String code,
			@Schema(description = "WARNING_SIGN (a red flag, asked first) or CONDITION",
					requiredMode = Schema.RequiredMode.REQUIRED) HealthQuestion.Kind kind,
			@Schema(description = "The question in words", requiredMode = Schema.RequiredMode.REQUIRED) String text,
			@Schema(description = "A line that explains the question; left out when there is none",
					requiredMode = Schema.RequiredMode.NOT_REQUIRED) @JsonInclude(JsonInclude.Include.NON_NULL) String help,
			@Schema(description = "The version of the vocabulary that added the code", example = "1",
					requiredMode = Schema.RequiredMode.REQUIRED) int since) {

	}

	@Schema(name = "VocabularyCode", description = "A code and its words")
	public record CodeJson(
			@Schema(description = "The code", requiredMode = Schema.RequiredMode.REQUIRED) String code,
			@Schema(description = "Its words", requiredMode = Schema.RequiredMode.REQUIRED) String text,
			@Schema(description = "The version of the vocabulary that added the code", example = "1",
					requiredMode = Schema.RequiredMode.REQUIRED) int since) {

	}

}
