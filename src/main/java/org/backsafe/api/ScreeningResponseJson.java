package org.backsafe.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.backsafe.screening.Disposition;
import org.backsafe.screening.Technique;
import org.backsafe.screening.UrgentAction;
import org.backsafe.screening.Verdict;

/**
 * The answer of {@code POST /api/v1/screenings}, in the reader's language. The three urgent fields
 * came with version 2 of the vocabulary and are left out unless the disposition is
 * {@code URGENT_CARE}, so a version 1 client sees the same fields as before.
 */
@Schema(description = "The result of one screening, worded in the language asked for")
public record ScreeningResponseJson(
		@Schema(description = "What the person should do, from most to least severe: URGENT_CARE (get medical care"
				+ " now, see urgentAction), SEE_DOCTOR (a doctor first; no technique is offered), WAIT_UNTIL_WELL"
				+ " (vocabulary version 2: not today, a passing illness; come back when well; no technique is"
				+ " offered today), PROCEED_WITH_CAUTION (some techniques avoided or changed), PROCEED (nothing"
				+ " found against massage). A client must accept every value; GET /api/v1/vocabulary words them.",
				requiredMode = Schema.RequiredMode.REQUIRED) Disposition disposition,
		@Schema(description = "Vocabulary version 2. Present only when the disposition is URGENT_CARE: what to do"
				+ " now, to be said first and alone. GO_TO_EMERGENCY_DEPARTMENT: go to an emergency department"
				+ " now, not driving yourself; CALL_EMERGENCY_NUMBER: call emergencyNumber now.",
				requiredMode = Schema.RequiredMode.NOT_REQUIRED) @JsonInclude(JsonInclude.Include.NON_NULL) UrgentAction urgentAction,
		@Schema(description = "Vocabulary version 2. Present only with urgentAction: the instruction in words.",
				example = "Call the emergency number now.",
				requiredMode = Schema.RequiredMode.NOT_REQUIRED) @JsonInclude(JsonInclude.Include.NON_NULL) String urgentActionText,
		@Schema(description = "Vocabulary version 2. Present only with urgentAction: the emergency number to call"
				+ " here (the setting backsafe.emergency-number), digits only.", example = "112",
				requiredMode = Schema.RequiredMode.NOT_REQUIRED) @JsonInclude(JsonInclude.Include.NON_NULL) String emergencyNumber,
		@Schema(description = "The disposition in words", requiredMode = Schema.RequiredMode.REQUIRED) String summary,
		@Schema(description = "Why, most severe first", requiredMode = Schema.RequiredMode.REQUIRED) List<ReasonJson> reasons,
		@Schema(description = "A verdict on every one of the twelve techniques, always all twelve, in the same order",
				requiredMode = Schema.RequiredMode.REQUIRED) List<TechniqueJson> techniques,
		@Schema(description = "General advice; empty when no technique is offered (urgent care, a doctor first,"
				+ " not today)", requiredMode = Schema.RequiredMode.REQUIRED) List<ReasonJson> advice,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) RuleBaseJson ruleBase) {

	@Schema(description = "One reason: the rule that gave it, its words and its source")
	public record ReasonJson(String rule, String text, String source) {

	}

	@Schema(description = "The verdict on one technique, with its reasons")
	public record TechniqueJson(Technique technique, String name, Verdict verdict,
			@Schema(description = "Best done by a trained therapist, not alone") boolean professionalOnly,
			List<ReasonJson> reasons, @Schema(description = "How to do it safely") List<ReasonJson> howTo) {

	}

	/** Which rule base answered; both null when none was serving. */
	@Schema(description = "Which rule base answered; both null when none was serving")
	public record RuleBaseJson(String version, String loadedAt) {

	}

}
