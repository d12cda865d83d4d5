package org.backsafe.rulebase;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.backsafe.screening.ScreeningRequest;

/**
 * What a candidate rule base changes, compared with the one serving, on the same answer sets (see
 * {@link ImpactComparison}): how many outcomes changed, grouped by the kind of change, each group
 * with its smallest example. Immutable, and free of server paths, so the catalogue can show it.
 *
 * @param from the version that was serving, or null at the first load (nothing to compare with)
 * @param to the candidate's version
 * @param profiles the pain profiles the answer sets were screened on
 * @param compared how many answer sets were screened on both rule bases
 * @param changed how many of them had a different outcome
 * @param changes the changes, grouped by kind; less cautious kinds first
 */
public record ImpactReport(String from, String to, List<String> profiles, int compared, int changed,
		List<Change> changes) {

	public ImpactReport {
		profiles = List.copyOf(profiles);
		changes = List.copyOf(changes);
	}

	/** Whether a change makes an outcome more or less cautious. */
	public enum Direction {

		/** Needs a reviewed acknowledgement before it may serve. */
		LESS_CAUTIOUS,
		/** Serves without one. */
		MORE_CAUTIOUS,
		/** Neither: another reason or piece of advice, the same dispositions and verdicts. */
		NEITHER

	}

	/** The kinds of change, each with its direction and how the report says it. */
	public enum Kind {

		DISPOSITION_MILDER(Direction.LESS_CAUTIOUS, "a milder disposition"),
		URGENT_ACTION_MILDER(Direction.LESS_CAUTIOUS, "a less urgent action"),
		AVOID_LIFTED(Direction.LESS_CAUTIOUS, "an AVOID lifted"),
		MODIFY_LIFTED(Direction.LESS_CAUTIOUS, "a MODIFY lifted"),
		RECOMMENDATION_ADDED(Direction.LESS_CAUTIOUS, "a recommendation added"),
		PROFESSIONAL_ONLY_LIFTED(Direction.LESS_CAUTIOUS, "a technique no longer kept for a therapist"),
		DISPOSITION_STRICTER(Direction.MORE_CAUTIOUS, "a stricter disposition"),
		URGENT_ACTION_STRICTER(Direction.MORE_CAUTIOUS, "a more urgent action"),
		AVOID_ADDED(Direction.MORE_CAUTIOUS, "an AVOID added"),
		MODIFY_ADDED(Direction.MORE_CAUTIOUS, "a MODIFY added"),
		RECOMMENDATION_DROPPED(Direction.MORE_CAUTIOUS, "a recommendation dropped"),
		PROFESSIONAL_ONLY_ADDED(Direction.MORE_CAUTIOUS, "a technique now kept for a therapist"),
		REASONS_CHANGED(Direction.NEITHER, "other reasons or advice");

		private final Direction direction;

		private final String words;

		Kind(Direction direction, String words) {
			this.direction = direction;
			this.words = words;
		}

		public Direction direction() {
			return this.direction;
		}

		/** How the report says it, e.g. "an AVOID lifted". */
		public String words() {
			return this.words;
		}

	}

	/**
	 * One kind of change, over every answer set that shows it.
	 *
	 * @param kind what changed
	 * @param direction the kind's direction
	 * @param count how many answer sets show it
	 * @param codes the answer codes it touches: those of the smallest answer sets that show it (no
	 * smaller set on the same profile shows it); empty when it shows with no answer at all
	 * @param example the smallest answer set that shows it (fewest answers; worsening pain counts as one)
	 * @param exampleText the example in the words of a scenario file
	 * @param before the outcome of the example with the serving rules
	 * @param after the outcome of the example with the candidate
	 * @param detail what changed in the example, e.g. "HEAT_THERAPY: MODIFY to SUITABLE"
	 * @param firedOnlyBefore ids of the rules that fired on the example with the serving rules only
	 * @param firedOnlyAfter ids of the rules that fired on the example with the candidate only
	 * @param acknowledgedBy for an admitted less cautious change, the acknowledgement that admitted it
	 * ("acknowledgements/x.yaml, reviewed by ...: reason"); null otherwise
	 */
	public record Change(Kind kind, Direction direction, int count, List<String> codes, ScreeningRequest example,
			String exampleText, String before, String after, String detail, List<String> firedOnlyBefore,
			List<String> firedOnlyAfter, String acknowledgedBy) {

		public Change {
			codes = List.copyOf(codes);
			firedOnlyBefore = List.copyOf(firedOnlyBefore);
			firedOnlyAfter = List.copyOf(firedOnlyAfter);
		}

		Change acknowledged(String by) {
			return new Change(this.kind, this.direction, this.count, this.codes, this.example, this.exampleText,
					this.before, this.after, this.detail, this.firedOnlyBefore, this.firedOnlyAfter, by);
		}

		/** The rules that fired differently on the example: "-id" only before, "+id" only after. */
		public List<String> rulesFiredDifferently() {
			List<String> rules = new ArrayList<>();
			this.firedOnlyBefore.forEach((r) -> rules.add("-" + r));
			this.firedOnlyAfter.forEach((r) -> rules.add("+" + r));
			return rules;
		}

		/** The change for logs and {@code validate}, over several indented lines. */
		/** The change in one line: its kind, how many answer sets show it, and the codes it touches. */
		public String headline() {
			return this.kind.words() + " (" + this.kind + ") in " + this.count + " answer set"
					+ (this.count == 1 ? "" : "s") + ", codes " + this.codes;
		}

		public String toText() {
			return headline() + "\n      smallest example: "
					+ this.exampleText + "\n      before: " + this.before + "\n      after:  " + this.after
					+ "\n      what changed: " + this.detail + "\n      rules fired differently: "
					+ (rulesFiredDifferently().isEmpty() ? "none" : String.join(", ", rulesFiredDifferently()))
					+ (this.acknowledgedBy != null ? "\n      acknowledged: " + this.acknowledgedBy : "");
		}

	}

	/** The report of a first load: nothing served before, so there is nothing to compare with. */
	public static ImpactReport firstLoad(String to) {
		return new ImpactReport(null, to, List.of(), 0, 0, List.of());
	}

	public boolean isFirstLoad() {
		return this.from == null;
	}

	public List<Change> lessCautious() {
		return this.changes.stream().filter((c) -> c.direction() == Direction.LESS_CAUTIOUS).toList();
	}

	public List<Change> moreCautious() {
		return this.changes.stream().filter((c) -> c.direction() == Direction.MORE_CAUTIOUS).toList();
	}

	/** Less cautious changes without an acknowledgement: any one of them refuses the candidate. */
	public List<Change> unacknowledged() {
		return lessCautious().stream().filter((c) -> c.acknowledgedBy() == null).toList();
	}

	public Optional<Change> change(Kind kind) {
		return this.changes.stream().filter((c) -> c.kind() == kind).findFirst();
	}

	/** The same report with some changes acknowledged (the list in the same order). */
	ImpactReport withChanges(List<Change> acknowledged) {
		return new ImpactReport(this.from, this.to, this.profiles, this.compared, this.changed, acknowledged);
	}

	/** The report for logs and {@code validate}. */
	public String toText() {
		if (isFirstLoad()) {
			return "Impact of " + this.to + ": first load, no rule base was serving, so there is nothing to compare"
					+ " with.";
		}
		StringBuilder text = new StringBuilder("Impact of " + this.from + " -> " + this.to + ": " + this.compared
				+ " answer sets compared (every single answer and every pair, as yes and as not sure, on "
				+ this.profiles.size() + " pain profiles), " + this.changed + " outcome"
				+ (this.changed == 1 ? "" : "s") + " changed.");
		for (Direction direction : Direction.values()) {
			List<Change> these = this.changes.stream().filter((c) -> c.direction() == direction).toList();
			if (these.isEmpty()) {
				continue;
			}
			text.append("\n  ")
				.append(switch (direction) {
					case LESS_CAUTIOUS -> "Less cautious:";
					case MORE_CAUTIOUS -> "More cautious:";
					case NEITHER -> "Neither more nor less cautious:";
				});
			these.forEach((c) -> text.append("\n    ").append(c.toText()));
		}
		return text.toString();
	}

}
