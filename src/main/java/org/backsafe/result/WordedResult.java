package org.backsafe.result;

import java.util.List;

import org.backsafe.screening.Disposition;
import org.backsafe.screening.Technique;
import org.backsafe.screening.UrgentAction;
import org.backsafe.screening.Verdict;

/**
 * A screening result in the words of one language, as the person was told it: built once by
 * {@link WordedResults} and rendered by every face (the web and kiosk pages, the staff page, the JSON
 * API). It holds words, not look-ups, so a stored copy reads the same after the rules are reworded.
 * What to leave out is decided once, here: no tips for massage when no technique is offered (the
 * fold already gives no how-to where a technique is not allowed).
 *
 * @param language the language of the words (a language tag: {@code en}, {@code es})
 * @param ruleBaseVersion the rule base that gave the result (null if there was none)
 * @param completed false when the screening failed and the result is the fail-safe one
 * @param urgentAction what to do now, on an urgent result only (null otherwise)
 * @param urgentActionText that action in words, with the emergency number
 * @param emergencyNumber the number the words name
 */
public record WordedResult(String language, String ruleBaseVersion, boolean completed, Disposition disposition,
		String summary, UrgentAction urgentAction, String urgentActionText, String emergencyNumber,
		List<Line> reasons, List<TechniqueLine> techniques, List<Line> advice, Sources sources) {

	public WordedResult {
		reasons = List.copyOf(reasons);
		techniques = List.copyOf(techniques);
		advice = List.copyOf(advice);
	}

	/**
	 * One reason in words: the rule that gave it, its source as the code the rules cite and in words,
	 * and the same source part by part ({@code cites}), so that a face can link each part.
	 */
	public record Line(String text, String rule, String source, String sourceText, List<Cite> cites) {

		public Line {
			cites = (cites != null) ? List.copyOf(cites) : List.of();
		}

	}

	/** One cited document and section: its code in the rules and its words. */
	public record Cite(String source, String text) {
	}

	/** One technique's verdict in words, why, and how to do it safely where it is allowed. */
	public record TechniqueLine(Technique technique, String name, Verdict verdict, String verdictName,
			boolean professionalOnly, List<Line> reasons, List<Line> howTo) {

		public TechniqueLine {
			reasons = List.copyOf(reasons);
			howTo = List.copyOf(howTo);
		}

	}

	/** The documents the advice comes from, with their language tags, and the clinical pack. */
	public record Sources(List<Document> documents, String clinicalPack, String clinicalPackDescription) {

		public Sources {
			documents = (documents != null) ? List.copyOf(documents) : List.of();
		}

	}

	/** A cited document: its title as written and the language tag it is written in (may be null). */
	public record Document(String title, String language) {
	}

}
