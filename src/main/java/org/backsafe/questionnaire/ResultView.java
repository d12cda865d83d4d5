package org.backsafe.questionnaire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import org.backsafe.authoring.SourceLinks;
import org.backsafe.rulebase.SourceTable;
import org.backsafe.screening.Disposition;
import org.backsafe.screening.EmergencyNumber;
import org.backsafe.screening.Reason;
import org.backsafe.result.ResultWording;
import org.backsafe.screening.RuleBaseInfo;
import org.backsafe.screening.ScreeningResult;
import org.backsafe.screening.Technique;
import org.backsafe.screening.TechniqueVerdict;
import org.backsafe.screening.UrgentAction;
import org.backsafe.screening.Verdict;

/**
 * A screening result in words, for fragments/result.html, in the order a person reads it.
 * <ul>
 * <li>An urgent result: what to do now ({@link #urgent()}, with the emergency number and the link
 * that dials it), the reasons, and one line instead of the twelve technique cards
 * ({@link #withheld()}); no tips for massage.</li>
 * <li>Otherwise: the disposition and its reasons, then the techniques grouped by verdict (most
 * helpful first, empty groups left out), then the general advice. Techniques best left to a trained
 * therapist that are allowed get a group of their own, so that none is offered as something to try
 * alone. When no technique is offered (wait until well, a doctor first), there are no tips.</li>
 * </ul>
 * Built for one language at the moment it is shown, so switching language re-words the same
 * result. Sources are shown as titles and headings, never as file names, each linked to the cited
 * passage when the documents are served and the page may link away ({@link SourceLinks}).
 */
public record ResultView(Disposition disposition, Urgent urgent, String summary, List<Line> reasons,
		List<Group> groups, List<Line> withheld, List<Line> advice, Sources sources, boolean completed,
		String ruleBaseVersion) {

	/** The kind of the group of allowed techniques best done by a trained therapist. */
	public static final String WITH_THERAPIST = "WITH_THERAPIST";

	/**
	 * One sentence and the source it comes from, in words; {@code cites} holds the same source part
	 * by part ("Title, \"Heading\""), each with a link to the cited passage when the documents are
	 * served.
	 */
	public record Line(String text, String source, List<Cite> cites) {

		public Line(String text, String source) {
			this(text, source, List.of());
		}

	}

	/** One cited document and section, in words, and the link to that passage (null when not served). */
	public record Cite(String text, String href) {

	}

	/**
	 * What a person with an urgent result must do now, in words, with the number to call and the
	 * link that dials it from a phone.
	 */
	public record Urgent(UrgentAction action, String text, String number, String telUri) {

		/** The action is to call the emergency number (otherwise: go to an emergency department). */
		public boolean callEmergencyNumber() {
			return this.action == UrgentAction.CALL_EMERGENCY_NUMBER;
		}

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
	 * A group of techniques. {@code kind} is the name of the verdict they share, or
	 * {@link #WITH_THERAPIST} for the allowed techniques best done by a trained therapist (whose
	 * {@code verdict} and {@code title} are then null: each card says its verdict, and the page names
	 * the group). {@code shared} holds the reasons every
	 * card in the group gives (such as "not until a doctor says so"), said once for the group and left
	 * out of the cards, so the page and its printout stay short; never for a group of cards that must
	 * each say what to change.
	 */
	public record Group(String kind, Verdict verdict, String title, List<Line> shared, List<Card> cards) {

	}

	/**
	 * One technique: its verdict in words, why, and, where it is allowed, how to do it safely. On a
	 * {@code MODIFY} card the reasons say what to change.
	 */
	public record Card(Technique technique, String name, Verdict verdict, String verdictName,
			boolean professionalOnly, List<Line> reasons, List<Line> howTo) {

	}

	/** A result whose sources are plain text, with no link (the kiosk has no link that leaves it). */
	public static ResultView of(ScreeningResult result, ResultWording wording, Locale locale) {
		return of(result, wording, null, locale);
	}

	/** A result whose sources link to the cited passages when {@code links} can serve them. */
	public static ResultView of(ScreeningResult result, ResultWording wording, SourceLinks links, Locale locale) {
		Disposition disposition = result.disposition();
		RuleBaseInfo ruleBase = result.ruleBase();
		List<Card> cards = result.techniques().stream().map((t) -> card(t, ruleBase, wording, links, locale)).toList();
		Urgent urgent = null;
		List<Group> groups;
		List<Line> withheld = List.of();
		if (disposition.isUrgent()) {
			// Nothing about massage later: twelve cards would bury the one thing to do.
			urgent = urgent(result.urgentAction(), wording, locale);
			Set<Line> lines = new LinkedHashSet<>();
			cards.forEach((card) -> lines.addAll(card.reasons()));
			withheld = List.copyOf(lines);
			groups = List.of();
		}
		else {
			groups = groups(cards, wording, locale);
		}
		// Tips for massage would contradict "not today" or "not until a doctor says so".
		List<Line> advice = disposition.offersNoTechnique() ? List.of()
				: lines(result.advice(), ruleBase, wording, links, locale);
		return new ResultView(disposition, urgent, wording.summary(disposition, locale),
				lines(result.reasons(), ruleBase, wording, links, locale), groups, withheld, advice,
				sources(wording.sources(ruleBase), locale), result.completed(),
				(ruleBase != null) ? ruleBase.version() : null);
	}

	private static Urgent urgent(UrgentAction action, ResultWording wording, Locale locale) {
		EmergencyNumber number = wording.emergencyNumber();
		return new Urgent(action, wording.urgentAction(action, locale), number.emergencyNumber(), number.telUri());
	}

	/**
	 * Recommended, suitable, with a change, with a trained therapist, avoid. A technique best done by
	 * a therapist is never in a group of things to try alone.
	 */
	private static List<Group> groups(List<Card> cards, ResultWording wording, Locale locale) {
		Predicate<Card> withTherapist = (c) -> c.professionalOnly() && c.verdict().isAllowed();
		List<Group> groups = new ArrayList<>();
		for (Verdict verdict : Arrays.asList(Verdict.RECOMMENDED, Verdict.SUITABLE, Verdict.MODIFY)) {
			groups.add(group(verdict.name(), verdict, wording.verdict(verdict, locale),
					cards.stream().filter((c) -> c.verdict() == verdict && !withTherapist.test(c)).toList()));
		}
		// titled by the page (messages/web), since no verdict names it
		groups.add(group(WITH_THERAPIST, null, null, cards.stream().filter(withTherapist).toList()));
		groups.add(group(Verdict.AVOID.name(), Verdict.AVOID, wording.verdict(Verdict.AVOID, locale),
				cards.stream().filter((c) -> c.verdict() == Verdict.AVOID).toList()));
		return groups.stream().filter((group) -> !group.cards().isEmpty()).toList();
	}

	private static Group group(String kind, Verdict verdict, String title, List<Card> cards) {
		// A change belongs on the card it changes: "light pressure only" must not move away from it.
		boolean mayShare = verdict != null && verdict != Verdict.MODIFY && cards.size() >= 2;
		List<Line> shared = !mayShare ? List.of()
				: cards.get(0)
					.reasons()
					.stream()
					.filter((line) -> cards.stream().allMatch((c) -> c.reasons().contains(line)))
					.toList();
		List<Card> trimmed = cards.stream()
			.map((c) -> new Card(c.technique(), c.name(), c.verdict(), c.verdictName(), c.professionalOnly(),
					c.reasons().stream().filter((line) -> !shared.contains(line)).toList(), c.howTo()))
			.toList();
		return new Group(kind, verdict, title, shared, trimmed);
	}

	private static Card card(TechniqueVerdict verdict, RuleBaseInfo ruleBase, ResultWording wording,
			SourceLinks links, Locale locale) {
		List<Line> howTo = verdict.verdict().isAllowed() ? lines(verdict.howTo(), ruleBase, wording, links, locale)
				: List.of();
		return new Card(verdict.technique(), wording.technique(verdict.technique(), locale), verdict.verdict(),
				wording.verdict(verdict.verdict(), locale), verdict.professionalOnly(),
				lines(verdict.reasons(), ruleBase, wording, links, locale), howTo);
	}

	private static List<Line> lines(List<Reason> reasons, RuleBaseInfo ruleBase, ResultWording wording,
			SourceLinks links, Locale locale) {
		// Worded by the rule base that gave the result, even if an edit was swapped in since.
		SourceTable table = wording.sources(ruleBase);
		return reasons.stream()
			.map((r) -> new Line(wording.reason(r, ruleBase, locale), wording.source(r, ruleBase, locale),
					cites(r.source(), table, links, locale)))
			.toList();
	}

	/** A source part by part, each worded by the table and linked to its passage when served. */
	private static List<Cite> cites(String source, SourceTable table, SourceLinks links, Locale locale) {
		if (source == null) {
			return List.of();
		}
		List<Cite> cites = new ArrayList<>();
		for (String part : source.split(";")) {
			String words = table.words(part, locale);
			if (!words.isEmpty()) {
				cites.add(new Cite(words, (links != null) ? links.href(part).orElse(null) : null));
			}
		}
		return List.copyOf(cites);
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
