package org.backsafe.api;

import java.util.List;
import java.util.Locale;

import org.backsafe.api.ScreeningResponseJson.ReasonJson;
import org.backsafe.api.ScreeningResponseJson.RuleBaseJson;
import org.backsafe.api.ScreeningResponseJson.TechniqueJson;
import org.backsafe.result.WordedResult;
import org.backsafe.result.WordedResults;
import org.backsafe.screening.ScreeningResult;

import org.springframework.stereotype.Component;

/**
 * Puts a result into the JSON answer, in the reader's language, from the one worded result
 * ({@link WordedResults}) that the pages show too. Sources stay the codes the rules cite.
 */
@Component
class ScreeningResponseWriter {

	private final WordedResults words;

	ScreeningResponseWriter(WordedResults words) {
		this.words = words;
	}

	ScreeningResponseJson toJson(ScreeningResult result, Locale locale) {
		WordedResult worded = this.words.word(result, locale);
		List<TechniqueJson> techniques = worded.techniques()
			.stream()
			.map((t) -> new TechniqueJson(t.technique(), t.name(), t.verdict(), t.professionalOnly(),
					reasons(t.reasons()), reasons(t.howTo())))
			.toList();
		RuleBaseJson ruleBase = result.ruleBase() == null ? new RuleBaseJson(null, null)
				: new RuleBaseJson(result.ruleBase().version(), result.ruleBase().loadedAt().toString());
		// a worded result holds an urgent action exactly when the disposition is URGENT_CARE
		boolean urgent = worded.urgentAction() != null;
		return new ScreeningResponseJson(worded.disposition(), worded.urgentAction(),
				urgent ? worded.urgentActionText() : null, urgent ? worded.emergencyNumber() : null, worded.summary(),
				reasons(worded.reasons()), techniques, reasons(worded.advice()), ruleBase);
	}

	private static List<ReasonJson> reasons(List<WordedResult.Line> lines) {
		return lines.stream().map((l) -> new ReasonJson(l.rule(), l.text(), l.source())).toList();
	}

}
