package org.backsafe.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.backsafe.screening.Equipment;
import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.PainArea;
import org.backsafe.screening.PainPattern;

/**
 * The request body of {@code POST /api/v1/screenings}, as sent. Codes are kept as text and checked
 * by {@link ScreeningRequestReader}, so an unknown code is named in the error rather than lost in a
 * parse failure; unknown fields are collected and rejected the same way.
 */
@Schema(name = "ScreeningRequest", description = "A person's answers. Codes answered Yes go in conditions,"
		+ " codes answered Not sure in unsure; every other question counts as No.")
public class ScreeningRequestJson {

	@Schema(description = "Age in years", minimum = "0", maximum = "120", requiredMode = Schema.RequiredMode.REQUIRED,
			example = "52")
	public Integer age;

	@ArraySchema(schema = @Schema(implementation = HealthQuestion.class),
			arraySchema = @Schema(description = "Health questions answered Yes (warning signs and conditions);"
					+ " GET /api/v1/vocabulary lists and words them", example = "[\"EPILEPSY\"]"))
	public List<String> conditions;

	@ArraySchema(schema = @Schema(implementation = HealthQuestion.class),
			arraySchema = @Schema(description = "Health questions answered Not sure: they count as Yes for safety",
					example = "[\"BLOOD_CLOTTING_DISORDER\"]"))
	public List<String> unsure;

	@Schema(requiredMode = Schema.RequiredMode.REQUIRED)
	public PainJson pain;

	@Schema(description = "Who gives the massage", allowableValues = { "SELF", "PROFESSIONAL" },
			requiredMode = Schema.RequiredMode.REQUIRED, example = "SELF")
	public String setting;

	@ArraySchema(schema = @Schema(implementation = Equipment.class),
			arraySchema = @Schema(description = "What the person has at hand", example = "[\"FOAM_ROLLER\"]"))
	public List<String> equipment;

	@Schema(hidden = true)
	final Map<String, Object> unknown = new LinkedHashMap<>();

	@JsonAnySetter
	void unknown(String name, Object value) {
		this.unknown.put(name, value);
	}

	@Schema(name = "Pain", description = "The back pain")
	public static class PainJson {

		@ArraySchema(schema = @Schema(implementation = PainArea.class), arraySchema = @Schema(
				description = "Where it hurts", requiredMode = Schema.RequiredMode.REQUIRED,
				example = "[\"LOWER_BACK\"]"))
		public List<String> areas;

		@Schema(description = "ACUTE: under 6 weeks; SUBACUTE: 6 to 12 weeks; CHRONIC: over 12 weeks",
				allowableValues = { "ACUTE", "SUBACUTE", "CHRONIC" }, requiredMode = Schema.RequiredMode.REQUIRED,
				example = "CHRONIC")
		public String duration;

		@Schema(description = "How bad, 0 to 10", minimum = "0", maximum = "10",
				requiredMode = Schema.RequiredMode.REQUIRED, example = "6")
		public Integer severity;

		@Schema(description = "Whether the pain is getting worse", requiredMode = Schema.RequiredMode.REQUIRED,
				example = "false")
		public Boolean worsening;

		@ArraySchema(schema = @Schema(implementation = PainPattern.class), arraySchema = @Schema(
				description = "What the pain is like", example = "[\"KNOTS\", \"GENERAL_STIFFNESS\"]"))
		public List<String> patterns;

		@Schema(hidden = true)
		final Map<String, Object> unknown = new LinkedHashMap<>();

		@JsonAnySetter
		void unknown(String name, Object value) {
			this.unknown.put(name, value);
		}

	}

}
