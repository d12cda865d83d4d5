package org.backsafe.api;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.backsafe.api.VocabularyJson.CodeJson;
import org.backsafe.api.VocabularyJson.QuestionJson;
import org.backsafe.screening.Disposition;
import org.backsafe.screening.Equipment;
import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.PainArea;
import org.backsafe.screening.PainDuration;
import org.backsafe.screening.PainPattern;
import org.backsafe.result.ResultWording;
import org.backsafe.screening.Setting;
import org.backsafe.screening.Technique;
import org.backsafe.screening.UrgentAction;
import org.backsafe.screening.Verdict;
import org.backsafe.screening.Vocabulary;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The codes of the API in words: the vocabulary listing, and the words of a single code for the
 * screening answer, so that both say the same. The words come from the application's message
 * bundles (engine*.properties).
 */
@Service
class ApiVocabulary {

	private final MessageSource messages;

	private final ResultWording wording;

	ApiVocabulary(MessageSource messages, ResultWording wording) {
		this.messages = messages;
		this.wording = wording;
	}

	VocabularyJson describe(Locale locale) {
		List<QuestionJson> questions = Stream.of(HealthQuestion.values())
			.map((q) -> new QuestionJson(q.name(), q.getKind(), text(q, locale),
					this.messages.getMessage(key(q) + ".help", null, null, locale), Vocabulary.since(q)))
			.toList();
		return new VocabularyJson(Vocabulary.VERSION, locale.getLanguage(), questions,
				codes(PainPattern.values(), locale), codes(PainArea.values(), locale),
				codes(PainDuration.values(), locale), codes(Setting.values(), locale), codes(Equipment.values(), locale),
				codes(Disposition.values(), locale), codes(Verdict.values(), locale), codes(Technique.values(), locale),
				codes(UrgentAction.values(), locale));
	}

	/** A code in words; the code itself if it has none (a gap MessageBundlesTests reports). */
	String text(Enum<?> code, Locale locale) {
		if (code instanceof UrgentAction action) {
			return this.wording.urgentAction(action, locale);
		}
		return this.messages.getMessage(key(code), null, code.name(), locale);
	}

	private List<CodeJson> codes(Enum<?>[] codes, Locale locale) {
		return Stream.of(codes).map((c) -> new CodeJson(c.name(), text(c, locale), Vocabulary.since(c))).toList();
	}

	private static String key(Enum<?> code) {
		return Vocabulary.wordsKey(code) + (code instanceof Disposition ? ".summary" : "");
	}

}
