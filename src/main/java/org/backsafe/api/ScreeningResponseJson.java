package org.backsafe.api;

import java.util.List;

import org.backsafe.screening.Disposition;
import org.backsafe.screening.Technique;
import org.backsafe.screening.Verdict;

/** The answer of {@code POST /api/v1/screenings}, in the reader's language. */
public record ScreeningResponseJson(Disposition disposition, String summary, List<ReasonJson> reasons,
		List<TechniqueJson> techniques, List<ReasonJson> advice, RuleBaseJson ruleBase) {

	public record ReasonJson(String rule, String text, String source) {

	}

	public record TechniqueJson(Technique technique, String name, Verdict verdict, boolean professionalOnly,
			List<ReasonJson> reasons, List<ReasonJson> howTo) {

	}

	/** Which rule base answered; both null when none was serving. */
	public record RuleBaseJson(String version, String loadedAt) {

	}

}
