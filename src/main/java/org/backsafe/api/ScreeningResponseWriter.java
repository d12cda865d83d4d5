package org.backsafe.api;

import java.util.List;
import java.util.Locale;

import org.backsafe.api.ScreeningResponseJson.ReasonJson;
import org.backsafe.api.ScreeningResponseJson.RuleBaseJson;
import org.backsafe.api.ScreeningResponseJson.TechniqueJson;
import org.backsafe.screening.EmergencyNumber;
import org.backsafe.screening.Reason;
import org.backsafe.result.ResultWording;
import org.backsafe.screening.ScreeningResult;

import org.springframework.stereotype.Component;

/**
 * Puts a result into the JSON answer, in the reader's language. What to do now on an urgent result
 * is worded as the vocabulary words it, with the emergency number of this installation.
 */
@Component
class ScreeningResponseWriter {

	private final ResultWording wording;

	private final ApiVocabulary vocabulary;

	private final EmergencyNumber emergencyNumber;

	ScreeningResponseWriter(ResultWording wording, ApiVocabulary vocabulary, EmergencyNumber emergencyNumber) {
		this.wording = wording;
		this.vocabulary = vocabulary;
		this.emergencyNumber = emergencyNumber;
	}

	ScreeningResponseJson toJson(ScreeningResult result, Locale locale) {
		List<TechniqueJson> techniques = result.techniques()
			.stream()
			.map((t) -> new TechniqueJson(t.technique(), this.wording.technique(t.technique(), locale), t.verdict(),
					t.professionalOnly(), reasons(t.reasons(), result, locale), reasons(t.howTo(), result, locale)))
			.toList();
		RuleBaseJson ruleBase = result.ruleBase() == null ? new RuleBaseJson(null, null)
				: new RuleBaseJson(result.ruleBase().version(), result.ruleBase().loadedAt().toString());
		// ScreeningResult holds an urgent action exactly when the disposition is URGENT_CARE.
		boolean urgent = result.urgentAction() != null;
		return new ScreeningResponseJson(result.disposition(), result.urgentAction(),
				urgent ? this.vocabulary.text(result.urgentAction(), locale) : null,
				urgent ? this.emergencyNumber.emergencyNumber() : null,
				this.wording.summary(result.disposition(), locale), reasons(result.reasons(), result, locale),
				techniques, reasons(result.advice(), result, locale), ruleBase);
	}

	private List<ReasonJson> reasons(List<Reason> reasons, ScreeningResult result, Locale locale) {
		return reasons.stream()
			.map((r) -> new ReasonJson(r.rule(), this.wording.reason(r, result.ruleBase(), locale), r.source()))
			.toList();
	}

}
