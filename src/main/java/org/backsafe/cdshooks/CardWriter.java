package org.backsafe.cdshooks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.backsafe.cdshooks.RecordAnswers.Answer;
import org.backsafe.result.WordedResult;
import org.backsafe.screening.Disposition;
import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.Verdict;

import org.springframework.context.annotation.Lazy;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A screening of the record as one CDS Hooks card, in the words of the message bundles
 * (messages/cdshooks*.properties) and of the one worded result. The card never says that massage
 * is safe: at best, that the record shows nothing against it. It always lists the warning signs,
 * by name, as still to ask, then every other question the record did not answer.
 */
// built on the first FHIR or CDS Hooks request, not at start-up
@Lazy
@Component
class CardWriter {

	/** CDS Hooks 2.0: the summary is "<140 characters". */
	static final int MAX_SUMMARY = 139;

	/** How much of a finding's name the summary gives before it is shortened. */
	static final int SHORT_DISPLAY = 24;

	private final MessageSource messages;

	CardWriter(MessageSource messages) {
		this.messages = messages;
	}

	/** The absolute addresses the card links to. */
	record Links(String selfScreening, String questionnaire) {
	}

	CdsJson.Card card(RecordAnswers answers, WordedResult result, PatientRecord record, RecordCodes codes,
			Locale locale, Links links) {
		List<CdsJson.Link> cardLinks = List.of(
				new CdsJson.Link(text("cds.link.selfScreening", locale), links.selfScreening(), "absolute"),
				new CdsJson.Link(text("cds.link.questionnaire", locale), links.questionnaire(), "absolute"));
		String source = text("cds.source", locale,
				(result.ruleBaseVersion() != null) ? result.ruleBaseVersion() : text("cds.source.noRules", locale),
				codes.version());
		return new CdsJson.Card(UUID.randomUUID().toString(), summary(answers, result, locale),
				detail(answers, result, locale), RecordScreening.indicator(result), new CdsJson.Source(source),
				cardLinks);
	}

	/** The main finding and what to do, under 140 characters; shortened step by step if need be. */
	String summary(RecordAnswers answers, WordedResult result, Locale locale) {
		if (!result.completed()) {
			return checked(text("cds.summary.failed", locale));
		}
		Disposition disposition = result.disposition();
		if (disposition == Disposition.PROCEED) {
			return checked(text("cds.summary.nothing", locale));
		}
		List<Answer> found = answers.answers();
		List<String> findings = new ArrayList<>();
		if (!found.isEmpty()) {
			Answer main = found.get(0);
			String question = question(main.row().question(), locale);
			String display = main.row().display();
			findings.add(text("cds.finding.code", locale, question, display));
			if (display.length() > SHORT_DISPLAY) {
				findings.add(text("cds.finding.code", locale, question, display.substring(0, SHORT_DISPLAY - 3) + "..."));
			}
			findings.add(text("cds.finding.codeShort", locale, question));
		}
		else if (answers.ageSource() == RecordAnswers.AgeSource.NO_BIRTH_DATE) {
			findings.add(text("cds.finding.noBirthDate", locale));
		}
		else {
			findings.add(text("cds.finding.age", locale, answers.ages().first()));
		}
		for (String finding : findings) {
			String summary = text("cds.summary." + disposition, locale, finding);
			if (summary.length() <= MAX_SUMMARY) {
				return summary;
			}
		}
		return checked(text("cds.summary.short." + disposition, locale));
	}

	private static String checked(String summary) {
		if (summary.length() > MAX_SUMMARY) {
			throw new IllegalStateException("a card summary of " + summary.length() + " characters: " + summary);
		}
		return summary;
	}

	String detail(RecordAnswers answers, WordedResult result, Locale locale) {
		StringBuilder md = new StringBuilder();
		// What the record answered
		md.append("**").append(text("cds.detail.answered.heading", locale)).append("**\n\n");
		for (Answer answer : answers.answers()) {
			String shown = (answer.coding().display() != null) ? answer.coding().display()
					: (answer.entry().text() != null) ? answer.entry().text() : answer.row().display();
			md.append("- ")
				.append(text("cds.detail.answered.line", locale, question(answer.row().question(), locale),
						escape(shown), escape(RecordCodes.systemName(answer.coding().system())),
						escape(answer.coding().code())))
				.append('\n');
		}
		if (answers.yes().isEmpty()) {
			md.append("- ").append(text("cds.detail.answered.none", locale)).append('\n');
		}
		md.append("- ").append(age(answers, locale)).append('\n');
		if (answers.unreadable() > 0) {
			md.append("- ").append(text("cds.detail.unreadable", locale, answers.unreadable())).append('\n');
		}
		// What it means
		md.append("\n**").append(text("cds.detail.result.heading", locale)).append("**\n\n");
		if (!result.completed()) {
			md.append(text("cds.detail.result.failed", locale)).append("\n\n");
		}
		else if (result.disposition() == Disposition.PROCEED) {
			md.append(text("cds.detail.result.nothing", locale)).append("\n\n");
		}
		else {
			md.append(text("cds.detail.result.level", locale, result.summary())).append("\n\n");
		}
		md.append(text("cds.detail.result.floor", locale)).append('\n');
		// Why
		if (!result.reasons().isEmpty()) {
			md.append("\n**").append(text("cds.detail.reasons.heading", locale)).append("**\n\n");
			for (WordedResult.Line line : result.reasons()) {
				md.append("- ").append(line(line, locale)).append('\n');
			}
		}
		// Techniques
		List<WordedResult.TechniqueLine> restricted = result.techniques()
			.stream()
			.filter((t) -> t.verdict() == Verdict.AVOID || t.verdict() == Verdict.MODIFY)
			.toList();
		if (!restricted.isEmpty()) {
			md.append("\n**").append(text("cds.detail.techniques.heading", locale)).append("**\n\n");
			for (WordedResult.TechniqueLine technique : restricted) {
				Set<String> why = new LinkedHashSet<>();
				technique.reasons().forEach((r) -> why.add(line(r, locale)));
				md.append("- ")
					.append(text("cds.detail.technique.line", locale, technique.name(), technique.verdictName(),
							String.join(" ", why)))
					.append('\n');
			}
		}
		// Still to ask
		md.append("\n**").append(text("cds.detail.ask.heading", locale)).append("**\n\n");
		md.append(text("cds.detail.ask.warningSigns", locale)).append("\n\n");
		Stream.of(HealthQuestion.values())
			.filter(HealthQuestion::isWarningSign)
			.forEach((q) -> md.append("- ").append(question(q, locale)).append('\n'));
		List<HealthQuestion> unanswered = Stream.of(HealthQuestion.values())
			.filter((q) -> !q.isWarningSign() && !answers.yes().containsKey(q))
			.toList();
		if (!unanswered.isEmpty()) {
			md.append('\n').append(text("cds.detail.ask.health", locale)).append("\n\n");
			unanswered.forEach((q) -> md.append("- ").append(question(q, locale)).append('\n'));
		}
		md.append('\n').append(text("cds.detail.ask.pain", locale)).append("\n\n");
		md.append(text("cds.detail.ask.link", locale)).append('\n');
		return md.toString();
	}

	private String age(RecordAnswers answers, Locale locale) {
		if (answers.ageSource() == RecordAnswers.AgeSource.NO_BIRTH_DATE) {
			return text("cds.detail.age.unknown", locale);
		}
		if (answers.ages().size() > 1) {
			return text("cds.detail.age.range", locale, answers.ages().first(), answers.ages().last());
		}
		return text("cds.detail.age.line", locale, answers.ages().first());
	}

	private String line(WordedResult.Line line, Locale locale) {
		String source = (line.sourceText() != null && !line.sourceText().isBlank()) ? line.sourceText()
				: (line.source() != null) ? line.source() : "";
		return text("cds.detail.reason.line", locale, line.text(), line.rule(), source);
	}

	private String question(HealthQuestion question, Locale locale) {
		return this.messages.getMessage("question." + question, null, question.name(), locale);
	}

	private String text(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

	/**
	 * Text from the record or the table, made inert in markdown: every character markdown gives a
	 * meaning to is escaped, so a record cannot add a link, an image or a heading to the card.
	 */
	static String escape(String text) {
		return text.codePoints()
			.mapToObj((c) -> ("\\`*_{}[]()<>#+-.!|~&".indexOf(c) >= 0) ? "\\" + Character.toString(c)
					: Character.isISOControl(c) ? " " : Character.toString(c))
			.collect(Collectors.joining());
	}

}
