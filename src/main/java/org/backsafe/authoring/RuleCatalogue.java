package org.backsafe.authoring;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

import org.backsafe.authoring.RuleReading.Condition;
import org.backsafe.authoring.RuleReading.FactUsed;
import org.backsafe.authoring.RuleReading.Reading;
import org.backsafe.authoring.SourceDocuments.Citation;
import org.backsafe.authoring.SourceDocuments.Document;
import org.backsafe.rulebase.CurrentRuleBase;
import org.backsafe.rulebase.FailedAttempt;
import org.backsafe.rulebase.ImpactReport;
import org.backsafe.rulebase.RuleBase;
import org.backsafe.rulebase.RuleDescription;
import org.backsafe.rulebase.RuleProblem;
import org.backsafe.rulebase.scenario.Scenario;
import org.backsafe.screening.Technique;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * What the catalogue shows: every rule of the serving rule base, in groups in the order of the
 * screening, with where it is written, what it reads (answer codes, conditions on age and
 * severity, derived facts) and affects, what it cites, its wording in every language and the
 * scenarios that make it fire; the serving version; and the last refused edit with its problems.
 * Read from one consistent state of the rule base. Nothing here names a folder on the server.
 */
@Service
class RuleCatalogue {

	private final CurrentRuleBase current;

	private final SourceDocuments sources;

	private final MessageSource messages;

	/** What each rule base's rules read and which scenarios fire them: worked out once per rule base. */
	private final Map<RuleBase, Analysis> analyses = Collections.synchronizedMap(new WeakHashMap<>());

	RuleCatalogue(CurrentRuleBase current, SourceDocuments sources, MessageSource messages) {
		this.current = current;
		this.sources = sources;
		this.messages = messages;
	}

	/** One cited document part, as a person reads it (title and section) and as the author wrote it. */
	record Cited(String words, String text, String title, String href) {
	}

	record Entry(String id, String name, RuleGroup group, String file, int line, String source, List<Cited> citations,
			List<String> codes, List<Condition> conditions, List<FactUsed> facts, List<Technique> techniques,
			Map<String, String> wording, int scenarios, List<Scenario> scenarioList) {

		public boolean exercised() {
			return this.scenarios > 0;
		}

		/** Reads no answer, condition or derived fact: it applies to every screening. */
		public boolean readsNothing() {
			return this.codes.isEmpty() && this.conditions.isEmpty() && this.facts.isEmpty();
		}

		public String anchor() {
			return "rule-" + this.id;
		}

	}

	record Group(RuleGroup group, List<Entry> rules) {
	}

	record Failure(Instant at, String version, List<RuleProblem> problems, ImpactReport impact) {
	}

	/**
	 * The catalogue, searched.
	 *
	 * @param rules every rule, in file order
	 * @param query the search as typed, or null
	 * @param groups the rules that match the search, by group in the order of the screening; a group
	 * with no match is left out
	 */
	record View(String version, Instant loadedAt, int scenarioCount, List<Entry> rules, Failure lastFailure,
			String query, List<Group> groups) {

		public long unexercised() {
			return this.rules.stream().filter((r) -> !r.exercised()).count();
		}

		public int matches() {
			return this.groups.stream().mapToInt((g) -> g.rules().size()).sum();
		}

		public boolean searched() {
			return this.query != null;
		}

	}

	/** One admitted version, for its own page. */
	record Version(String version, Instant admittedAt, boolean serving, int ruleCount, int scenarioCount,
			Failure lastFailure, ImpactReport impact) {
	}

	/** The versions admitted since the app started, newest first, each with what it changed. */
	List<CurrentRuleBase.AdmittedVersion> history() {
		return this.current.history();
	}

	View view() {
		return view(null, Locale.forLanguageTag(RuleBase.LANGUAGES.get(0)));
	}

	/**
	 * The catalogue in the reader's language, with only the rules where every word of the query
	 * starts a word of what the rule says, reads or cites.
	 */
	View view(String query, Locale locale) {
		String search = (query == null || query.isBlank()) ? null : query.strip();
		CurrentRuleBase.State state = this.current.state();
		RuleBase ruleBase = state.serving();
		Failure failure = failure(state.lastFailure());
		if (ruleBase == null) {
			return new View(null, null, 0, List.of(), failure, search, List.of());
		}
		Analysis analysis = this.analyses.computeIfAbsent(ruleBase, Analysis::of);
		List<Entry> rules = ruleBase.rules().stream().map((r) -> entry(ruleBase, analysis, r, locale)).toList();
		Map<RuleGroup, List<Entry>> byGroup = new EnumMap<>(RuleGroup.class);
		List<String> words = search == null ? List.of() : Arrays.asList(normalised(search).split("\\s+"));
		for (Entry rule : rules) {
			String haystack = haystack(rule, locale);
			if (words.stream().allMatch((word) -> startsAWord(haystack, word))) {
				byGroup.computeIfAbsent(rule.group(), (g) -> new ArrayList<>()).add(rule);
			}
		}
		List<Group> groups = byGroup.entrySet().stream().map((e) -> new Group(e.getKey(), List.copyOf(e.getValue()))).toList();
		return new View(ruleBase.version(), ruleBase.info().loadedAt(), ruleBase.scenarios().size(), rules, failure,
				search, groups);
	}

	/**
	 * An admitted version: one that serves or served a moment ago in full, an older one of the history
	 * by its report alone (its rule and scenario counts are then unknown, -1); the last refused edit
	 * only beside the serving one.
	 */
	Optional<Version> version(String version) {
		CurrentRuleBase.State state = this.current.state();
		Optional<Version> kept = this.current.byVersion(version).map((r) -> {
			boolean serving = r == state.serving();
			return new Version(r.version(), r.info().loadedAt(), serving, r.rules().size(), r.scenarios().size(),
					serving ? failure(state.lastFailure()) : null, r.impact().orElse(null));
		});
		if (kept.isPresent()) {
			return kept;
		}
		return this.current.history()
			.stream()
			.filter((v) -> v.version().equals(version))
			.findFirst()
			.map((v) -> new Version(v.version(), v.admittedAt(), false, -1, -1, null, v.impact()));
	}

	private Entry entry(RuleBase ruleBase, Analysis analysis, RuleDescription rule, Locale locale) {
		Reading reading = analysis.readings().getOrDefault(rule.name(), Reading.NONE);
		List<Cited> citations = this.sources.cite(rule.source(), ruleBase.sources())
			.stream()
			.map((c) -> cited(c, ruleBase, locale))
			.toList();
		Map<String, String> wording = new LinkedHashMap<>();
		for (String language : RuleBase.LANGUAGES) {
			wording.put(language, ruleBase.wording(rule.id(), Locale.forLanguageTag(language)).orElse(""));
		}
		return new Entry(rule.id(), rule.name(), RuleGroup.of(reading), rule.file(), rule.line(), rule.source(),
				citations, rule.codes(), reading.conditions(), reading.facts(), rule.techniques(), wording,
				ruleBase.scenariosExercising(rule.id()), analysis.scenarios().getOrDefault(rule.id(), List.of()));
	}

	private static Cited cited(Citation citation, RuleBase ruleBase, Locale locale) {
		return new Cited(ruleBase.sources().words(citation.text(), locale), citation.text(), citation.title(),
				citation.href());
	}

	/** Everything a search looks in: ids, names, codes, techniques, conditions, wording and sources. */
	private String haystack(Entry rule, Locale locale) {
		StringBuilder text = new StringBuilder();
		text.append(rule.id()).append(' ').append(rule.name()).append(' ');
		rule.codes().forEach((code) -> text.append(code).append(' ').append(code.replace('_', ' ')).append(' ')
			.append(label("question." + code, locale)).append(' '));
		for (Technique technique : rule.techniques()) {
			text.append(technique.name()).append(' ').append(technique.name().replace('_', ' ')).append(' ');
			for (String language : RuleBase.LANGUAGES) {
				text.append(label("technique." + technique.name(), Locale.forLanguageTag(language))).append(' ');
			}
		}
		rule.conditions().forEach((c) -> text.append(c.text()).append(' '));
		rule.facts().forEach((f) -> text.append(f.type()).append(' '));
		rule.wording().values().forEach((w) -> text.append(w).append(' '));
		rule.citations().forEach((c) -> text.append(c.words()).append(' '));
		text.append(rule.source());
		return normalised(text.toString());
	}

	private String label(String key, Locale locale) {
		return this.messages.getMessage(key, null, "", locale);
	}

	/** Whether the text has a word that starts with this one: "age" finds "age >= 50", not "massage". */
	static boolean startsAWord(String text, String word) {
		for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
			if (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1))) {
				return true;
			}
		}
		return false;
	}

	/** Lower case without accents, so "masaje" finds "Masaje" and "rinon" finds "riñón". */
	static String normalised(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
	}

	/** The refused edit as a public page may show it: its problems without the folder's place on the server. */
	private static Failure failure(FailedAttempt failed) {
		if (failed == null) {
			return null;
		}
		List<RuleProblem> problems = failed.problems()
			.stream()
			.map((p) -> new RuleProblem(p.kind(), p.file(), p.line(), p.column(), withoutPlace(p.message(), failed.origin())))
			.toList();
		return new Failure(failed.at(), failed.version(), problems, failed.impact());
	}

	private static String withoutPlace(String message, String origin) {
		if (message == null || origin == null || origin.isBlank()) {
			return message;
		}
		String name;
		try {
			Path folder = Path.of(origin).getFileName();
			name = folder == null ? "" : folder.toString();
		}
		catch (InvalidPathException ex) {
			name = "";
		}
		return message.replace(origin, name);
	}

	Optional<Document> document(String file) {
		return this.sources.document(file);
	}

	/** A document's title in the serving rule base's table of sources. */
	Optional<String> title(String file) {
		return this.current.serving().flatMap((ruleBase) -> ruleBase.sources().title(file, Locale.ROOT));
	}

	/**
	 * What a rule base's rules read and conclude (by rule name), and the scenarios that make each rule
	 * fire (by rule id), found by screening each scenario's answers once on that rule base.
	 */
	private record Analysis(Map<String, Reading> readings, Map<String, List<Scenario>> scenarios) {

		static Analysis of(RuleBase ruleBase) {
			Map<String, List<Scenario>> byRule = new LinkedHashMap<>();
			for (Scenario scenario : ruleBase.scenarios()) {
				try {
					ruleBase.screen(scenario.request())
						.firedRules()
						.forEach((id) -> byRule.computeIfAbsent(id, (k) -> new ArrayList<>()).add(scenario));
				}
				catch (RuntimeException ex) {
					// the gate ran this scenario already; a failure now leaves it out of the list, not the page
				}
			}
			byRule.replaceAll((id, list) -> List.copyOf(list));
			return new Analysis(RuleReading.of(ruleBase.files()), Map.copyOf(byRule));
		}

	}

}
