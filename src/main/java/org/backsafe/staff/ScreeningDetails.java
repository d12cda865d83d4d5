package org.backsafe.staff;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.backsafe.kiosk.KioskScreening;
import org.backsafe.result.WordedResult;
import org.backsafe.result.WordedResults;
import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.PainProfile;
import org.backsafe.screening.Response;
import org.backsafe.screening.ScreeningRequest;
import org.backsafe.screening.Vocabulary;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A stored screening in words for staff, in the staff member's language: every answer (questions
 * answered No included, so nothing has to be inferred) and the whole result, densely, as a table;
 * sources by title and heading, as the person saw them. The result is in the words stored with it,
 * the words the patient was shown; only a screening stored before words were kept is worded now, by
 * today's rules, and the page says so ({@code wordedNow}).
 */
@Component
class ScreeningDetails {

	/**
	 * {@code urgentAction} is what the patient was told to do now, worded with the emergency number,
	 * on an urgent result only (null otherwise).
	 */
	record Details(List<Answer> health, List<Answer> about, String urgentAction, String summary,
			List<Line> reasons, List<TechniqueRow> techniques, List<Line> advice, boolean completed,
			boolean wordedNow) {
	}

	/** One question and its answer; {@code raised} marks Yes and Not sure. */
	record Answer(String question, String answer, boolean raised) {
	}

	record Line(String text, String rule, String source) {
	}

	record TechniqueRow(String name, String verdictCode, String verdict, boolean professionalOnly, List<Line> reasons,
			List<Line> howTo) {
	}

	private final MessageSource messages;

	private final WordedResults words;

	ScreeningDetails(MessageSource messages, WordedResults words) {
		this.messages = messages;
		this.words = words;
	}

	Details of(KioskScreening screening, Locale locale) {
		ScreeningRequest answers = screening.answers();
		List<Answer> health = Arrays.stream(HealthQuestion.values()).map((question) -> {
			Response response = answers.answerTo(question);
			String key = (response == null) ? "staff.answer.NO" : "staff.answer." + response.name();
			return new Answer(label(Vocabulary.wordsKey(question), locale), label(key, locale), response != null);
		}).toList();
		PainProfile pain = answers.pain();
		List<Answer> about = List.of(
				new Answer(label("staff.detail.age", locale), Integer.toString(answers.age()), false),
				new Answer(label("staff.detail.painAreas", locale), labels(pain.areas(), locale), false),
				new Answer(label("staff.detail.painDuration", locale),
						label(Vocabulary.wordsKey(pain.duration()), locale), false),
				new Answer(label("staff.detail.painSeverity", locale), pain.severity() + " / 10", false),
				new Answer(label("staff.detail.painWorsening", locale),
						label(pain.worsening() ? "staff.answer.YES" : "staff.answer.NO", locale), pain.worsening()),
				new Answer(label("staff.detail.painPatterns", locale), labels(pain.patterns(), locale),
						false),
				new Answer(label("staff.detail.setting", locale), label(Vocabulary.wordsKey(answers.setting()), locale),
						false),
				new Answer(label("staff.detail.equipment", locale), labels(answers.equipment(), locale),
						false));
		WordedResult stored = screening.wording(locale).orElse(null);
		// a screening stored before its words were kept: today's words, and the page says so
		WordedResult result = (stored != null) ? stored : this.words.word(screening.result(), locale);
		List<TechniqueRow> techniques = result.techniques()
			.stream()
			.map((t) -> new TechniqueRow(t.name(), t.verdict().name(), t.verdictName(), t.professionalOnly(),
					lines(t.reasons()), lines(t.howTo())))
			.toList();
		return new Details(health, about, result.urgentActionText(), result.summary(), lines(result.reasons()),
				techniques, lines(result.advice()), result.completed(), stored == null);
	}

	private static List<Line> lines(List<WordedResult.Line> lines) {
		return lines.stream().map((l) -> new Line(l.text(), l.rule(), l.sourceText())).toList();
	}

	private String labels(Collection<? extends Enum<?>> codes, Locale locale) {
		if (codes.isEmpty()) {
			return label("staff.detail.none", locale);
		}
		return String.join(", ", codes.stream().sorted().map((code) -> label(Vocabulary.wordsKey(code), locale)).toList());
	}

	private String label(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

}
