package org.backsafe.authoring;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.backsafe.authoring.SourceDocuments.Citation;
import org.backsafe.authoring.SourceDocuments.Document;
import org.backsafe.rulebase.CurrentRuleBase;
import org.backsafe.rulebase.FailedAttempt;
import org.backsafe.rulebase.RuleBase;
import org.backsafe.rulebase.RuleProblem;
import org.backsafe.screening.Technique;

import org.springframework.stereotype.Service;

/**
 * What the catalogue shows: every rule of the serving rule base with where it is written, what it
 * reads and affects, what it cites (file names for the author, titles beside them) and how many
 * scenarios make it fire; the serving version; and the last refused edit with its problems. Read
 * from one consistent state of the rule base.
 */
@Service
class RuleCatalogue {

	private final CurrentRuleBase current;

	private final SourceDocuments sources;

	RuleCatalogue(CurrentRuleBase current, SourceDocuments sources) {
		this.current = current;
		this.sources = sources;
	}

	record Entry(String id, String name, String file, int line, String source, List<Citation> citations,
			List<String> codes, List<Technique> techniques, int scenarios) {

		public boolean exercised() {
			return this.scenarios > 0;
		}

	}

	record Failure(Instant at, String origin, String version, List<RuleProblem> problems) {
	}

	record View(String version, Instant loadedAt, String origin, int scenarioCount, List<Entry> rules,
			Failure lastFailure) {

		public long unexercised() {
			return this.rules.stream().filter((r) -> !r.exercised()).count();
		}

	}

	View view() {
		CurrentRuleBase.State state = this.current.state();
		RuleBase ruleBase = state.serving();
		FailedAttempt failed = state.lastFailure();
		Failure failure = failed == null ? null
				: new Failure(failed.at(), failed.origin(), failed.version(), failed.problems());
		if (ruleBase == null) {
			return new View(null, null, null, 0, List.of(), failure);
		}
		List<Entry> rules = ruleBase.rules()
			.stream()
			.map((r) -> new Entry(r.id(), r.name(), r.file(), r.line(), r.source(),
					this.sources.cite(r.source(), ruleBase.sources()), r.codes(), r.techniques(),
					ruleBase.scenariosExercising(r.id())))
			.toList();
		return new View(ruleBase.version(), ruleBase.info().loadedAt(), ruleBase.files().origin(),
				ruleBase.scenarios().size(), rules, failure);
	}

	Optional<Document> document(String file) {
		return this.sources.document(file);
	}

	/** A document's title in the serving rule base's table of sources. */
	Optional<String> title(String file) {
		return this.current.serving().flatMap((ruleBase) -> ruleBase.sources().title(file, Locale.ROOT));
	}

}
