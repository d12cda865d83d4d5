package org.backsafe.questionnaire;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.backsafe.rulebase.SourceTable;
import org.backsafe.screening.Disposition;
import org.backsafe.screening.Reason;
import org.backsafe.screening.ResultWording;
import org.backsafe.screening.RuleBaseInfo;
import org.backsafe.screening.ScreeningResult;
import org.backsafe.screening.Technique;
import org.backsafe.screening.TechniqueVerdict;
import org.backsafe.screening.Verdict;

/**
 * A screening result in words, for fragments/result.html: the disposition, then the techniques
 * grouped by verdict (most helpful first, empty groups left out), then the general advice and
 * where it comes from. Built for one language at the moment it is shown, so switching language
 * re-words the same result. Sources are shown as titles and headings, never as file names.
 */
public record ResultView(Disposition disposition, String summary, List<Line> reasons, List<Group> groups,
		List<Line> advice, Sources sources, boolean completed, String ruleBaseVersion) {

	/** One sentence and the source it comes from, in words. */
	public record Line(String text, String source) {

	}

	/**
	 * Where the advice comes from, from the table of sources of the rule base that gave the result:
	 * each document's title and the language it is written in, then the clinical pack.
	 */
	public record Sources(List<Document> documents, String clinicalPack, String clinicalPackDescription) {

		public boolean isEmpty() {
			return this.documents.isEmpty() && this.clinicalPack == null;
		}

	}

	/** A cited document: its title as written, and its language named in the reader's language. */
	public record Document(String title, String language) {

	}

	/**
	 * The techniques that share one verdict. {@code shared} holds the reasons every card in the group
	 * gives (such as "no massage: get medical care first"), said once for the group and left out of
	 * the cards, so the page and its printout stay short.
	 */
	public record Group(Verdict verdict, String title, List<Line> shared, List<Card> cards) {

	}

	/** One technique: its verdict, why, and, where it is allowed, how to do it safely. */
	public record Card(Technique technique, String name, Verdict verdict, boolean professionalOnly, List<Line> reasons,
			List<Line> howTo) {

	}

	public static ResultView of(ScreeningResult result, ResultWording wording, Locale locale) {
		List<Group> groups = Arrays.stream(Verdict.values())
			.map((verdict) -> group(verdict, result.techniques()
				.stream()
				.filter((t) -> t.verdict() == verdict)
				.map((t) -> card(t, result.ruleBase(), wording, locale))
				.toList(), wording, locale))
			.filter((group) -> !group.cards().isEmpty())
			.toList();
		return new ResultView(result.disposition(), wording.summary(result.disposition(), locale),
				lines(result.reasons(), result.ruleBase(), wording, locale), groups,
				lines(result.advice(), result.ruleBase(), wording, locale),
				sources(wording.sources(result.ruleBase()), locale), result.completed(),
				(result.ruleBase() != null) ? result.ruleBase().version() : null);
	}

	private static Group group(Verdict verdict, List<Card> cards, ResultWording wording, Locale locale) {
		List<Line> shared = (cards.size() < 2) ? List.of()
				: cards.get(0).reasons().stream().filter((line) -> cards.stream().allMatch((c) -> c.reasons().contains(line))).toList();
		List<Card> trimmed = cards.stream()
			.map((c) -> new Card(c.technique(), c.name(), c.verdict(), c.professionalOnly(),
					c.reasons().stream().filter((line) -> !shared.contains(line)).toList(), c.howTo()))
			.toList();
		return new Group(verdict, wording.verdict(verdict, locale), shared, trimmed);
	}

	private static Card card(TechniqueVerdict verdict, RuleBaseInfo ruleBase, ResultWording wording, Locale locale) {
		List<Line> howTo = verdict.verdict().isAllowed() ? lines(verdict.howTo(), ruleBase, wording, locale) : List.of();
		return new Card(verdict.technique(), wording.technique(verdict.technique(), locale), verdict.verdict(),
				verdict.professionalOnly(), lines(verdict.reasons(), ruleBase, wording, locale), howTo);
	}

	private static List<Line> lines(List<Reason> reasons, RuleBaseInfo ruleBase, ResultWording wording,
			Locale locale) {
		// Worded by the rule base that gave the result, even if an edit was swapped in since.
		return reasons.stream()
			.map((r) -> new Line(wording.reason(r, ruleBase, locale), wording.source(r, ruleBase, locale)))
			.toList();
	}

	private static Sources sources(SourceTable table, Locale locale) {
		List<Document> documents = table.documents(locale)
			.stream()
			.map((d) -> new Document(d.title(),
					(d.language() != null) ? Locale.forLanguageTag(d.language()).getDisplayLanguage(locale) : null))
			.toList();
		return new Sources(documents, table.clinicalPack(locale).orElse(null),
				table.clinicalPackDescription(locale).orElse(null));
	}

}
