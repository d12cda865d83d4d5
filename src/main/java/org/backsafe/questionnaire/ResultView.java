package org.backsafe.questionnaire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import org.backsafe.authoring.SourceLinks;
import org.backsafe.result.WordedResult;
import org.backsafe.result.WordedResults;
import org.backsafe.screening.Disposition;
import org.backsafe.screening.EmergencyNumber;
import org.backsafe.screening.Technique;
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
 * Laid out from a {@link WordedResult} in one language, so switching language re-words the same
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
	public static ResultView of(WordedResult result) {
		return of(result, null);
	}

	/**
	 * A worded result laid out for the page; its sources link to the cited passages when
	 * {@code links} can serve them. What is left out (how-to where a technique is not allowed, tips
	 * where no technique is offered) was decided before: by the fold, and by {@link WordedResults}.
	 */
	public static ResultView of(WordedResult result, SourceLinks links) {
		Disposition disposition = result.disposition();
		Locale locale = Locale.forLanguageTag(result.language());
		List<Card> cards = result.techniques().stream().map((t) -> card(t, links)).toList();
		Urgent urgent = null;
		List<Group> groups;
		List<Line> withheld = List.of();
		if (disposition.isUrgent()) {
			// Nothing about massage later: twelve cards would bury the one thing to do.
			EmergencyNumber number = new EmergencyNumber(result.emergencyNumber());
			urgent = new Urgent(result.urgentAction(), result.urgentActionText(), number.emergencyNumber(),
					number.telUri());
			Set<Line> lines = new LinkedHashSet<>();
			cards.forEach((card) -> lines.addAll(card.reasons()));
			withheld = List.copyOf(lines);
			groups = List.of();
		}
		else {
			groups = groups(cards, result);
		}
		return new ResultView(disposition, urgent, result.summary(), lines(result.reasons(), links), groups, withheld,
				lines(result.advice(), links), sources(result.sources(), locale), result.completed(),
				result.ruleBaseVersion());
	}

	/**
	 * Recommended, suitable, with a change, with a trained therapist, avoid. A technique best done by
	 * a therapist is never in a group of things to try alone.
	 */
	private static List<Group> groups(List<Card> cards, WordedResult result) {
		Predicate<Card> withTherapist = (c) -> c.professionalOnly() && c.verdict().isAllowed();
		List<Group> groups = new ArrayList<>();
		for (Verdict verdict : Arrays.asList(Verdict.RECOMMENDED, Verdict.SUITABLE, Verdict.MODIFY)) {
			groups.add(group(verdict.name(), verdict, verdictName(result, verdict),
					cards.stream().filter((c) -> c.verdict() == verdict && !withTherapist.test(c)).toList()));
		}
		// titled by the page (messages/web), since no verdict names it
		groups.add(group(WITH_THERAPIST, null, null, cards.stream().filter(withTherapist).toList()));
		groups.add(group(Verdict.AVOID.name(), Verdict.AVOID, verdictName(result, Verdict.AVOID),
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

	/** A group is titled by its verdict's name, as the result words it (only groups with cards are shown). */
	private static String verdictName(WordedResult result, Verdict verdict) {
		return result.techniques()
			.stream()
			.filter((t) -> t.verdict() == verdict)
			.map(WordedResult.TechniqueLine::verdictName)
			.findFirst()
			.orElse(null);
	}

	private static Card card(WordedResult.TechniqueLine technique, SourceLinks links) {
		return new Card(technique.technique(), technique.name(), technique.verdict(), technique.verdictName(),
				technique.professionalOnly(), lines(technique.reasons(), links), lines(technique.howTo(), links));
	}

	private static List<Line> lines(List<WordedResult.Line> lines, SourceLinks links) {
		return lines.stream()
			.map((l) -> new Line(l.text(), l.sourceText(),
					l.cites()
						.stream()
						.map((c) -> new Cite(c.text(), (links != null) ? links.href(c.source()).orElse(null) : null))
						.toList()))
			.toList();
	}

	private static Sources sources(WordedResult.Sources sources, Locale locale) {
		List<Document> documents = sources.documents()
			.stream()
			.map((d) -> new Document(d.title(),
					(d.language() != null) ? Locale.forLanguageTag(d.language()).getDisplayLanguage(locale) : null))
			.toList();
		return new Sources(documents, sources.clinicalPack(), sources.clinicalPackDescription());
	}

}
