package org.backsafe.rulebase;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.backsafe.rulebase.scenario.Scenario;
import org.backsafe.screening.RuleBaseInfo;
import org.backsafe.screening.ScreeningEngine;
import org.backsafe.screening.ScreeningRequest;
import org.backsafe.screening.ScreeningResult;
import org.backsafe.screening.ScreeningRules;
import org.backsafe.screening.Triage;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * A compiled rule base with everything that came with it: the rules' descriptions, their wording in
 * each language, the table of the sources they cite, and the scenarios it must pass. Immutable; a
 * new edit makes a new one.
 */
public final class RuleBase implements ScreeningRules {

	/** The languages every rule must have wording in; the first is the default. */
	public static final List<String> LANGUAGES = List.of("en", "es");

	private final KieBase kieBase;

	private final RuleFiles files;

	private final RuleBaseInfo info;

	private final List<RuleDescription> rules;

	private final Map<String, Map<String, String>> wording;

	private final SourceTable sources;

	private final List<Scenario> scenarios;

	private final Map<String, Integer> scenarioCoverage;

	private final ImpactReport impact;

	/** This rule base's outcomes on the gate's answer sets, for comparing the next candidate with it. */
	private final ImpactComparison.Outcome[][] sweep;

	/** Whether the gate has run on it in this process, not only in the build (see {@link BuildGateRecord}). */
	private final boolean gatedHere;

	/** Whether it first served on the build's gate record. */
	private final boolean gatedAtBuild;

	RuleBase(KieBase kieBase, RuleFiles files, List<RuleDescription> rules, Map<String, Map<String, String>> wording,
			SourceTable sources, List<Scenario> scenarios) {
		this.kieBase = kieBase;
		this.files = files;
		this.info = new RuleBaseInfo(files.version(), Instant.now());
		this.rules = List.copyOf(rules);
		this.wording = Map.copyOf(wording);
		this.sources = sources;
		this.scenarios = List.copyOf(scenarios);
		this.scenarioCoverage = Map.of();
		this.impact = null;
		this.sweep = null;
		this.gatedHere = false;
		this.gatedAtBuild = false;
	}

	private RuleBase(RuleBase compiled, RuleBaseInfo info, Map<String, Integer> scenarioCoverage, ImpactReport impact,
			ImpactComparison.Outcome[][] sweep, boolean gatedHere, boolean gatedAtBuild) {
		this.kieBase = compiled.kieBase;
		this.files = compiled.files;
		this.info = info;
		this.rules = compiled.rules;
		this.wording = compiled.wording;
		this.sources = compiled.sources;
		this.scenarios = compiled.scenarios;
		this.scenarioCoverage = Map.copyOf(scenarioCoverage);
		this.impact = impact;
		this.sweep = sweep;
		this.gatedHere = gatedHere;
		this.gatedAtBuild = gatedAtBuild;
	}

	/**
	 * This rule base as admitted by the gate: loaded now, knowing how many scenarios made each rule
	 * fire (by rule id), and what it changed against the rules that served before it.
	 */
	RuleBase admitted(Map<String, Integer> coverage, ImpactReport impact, ImpactComparison.Outcome[][] sweep) {
		// loaded when it passed the gate
		return new RuleBase(this, new RuleBaseInfo(version(), Instant.now()), coverage, impact, sweep, true, false);
	}

	/**
	 * This rule base as vouched for by the build's gate record: loaded now, a first load, not yet
	 * gated in this process.
	 */
	RuleBase vouchedFor(BuildGateRecord record) {
		return new RuleBase(this, new RuleBaseInfo(version(), Instant.now()), record.coverage(),
				ImpactReport.firstLoad(version()), null, false, true);
	}

	/** The same rule base, now gated in this process too: when it was loaded and what it changed stay. */
	RuleBase gatedHereToo(Map<String, Integer> coverage, ImpactComparison.Outcome[][] sweep) {
		return new RuleBase(this, this.info, coverage, this.impact, sweep, true, this.gatedAtBuild);
	}

	/** Whether the whole gate has run on this rule base in this process (else only in the build). */
	public boolean gatedHere() {
		return this.gatedHere;
	}

	/** Whether it first served on the build's gate record (see {@link BuildGateRecord}). */
	public boolean gatedAtBuild() {
		return this.gatedAtBuild;
	}

	/**
	 * Where the gate has passed it, in words for an operator.
	 *
	 * @param checkedAfterStart whether a rule base that served on the build's record goes through
	 * the gate here too ({@link RuleBaseProperties#checkAfterStart()})
	 */
	public String gatePassed(boolean checkedAfterStart) {
		if (!this.gatedAtBuild) {
			return "here";
		}
		return this.gatedHere ? "at build, and here" : checkedAfterStart ? "at build; running here now" : "at build";
	}

	/** Its outcomes on the gate's answer sets, as far as they were screened; null before the gate. */
	ImpactComparison.Outcome[][] sweep() {
		return this.sweep;
	}

	/** What this rule base changed when it was admitted; empty for one the gate has not admitted. */
	public Optional<ImpactReport> impact() {
		return Optional.ofNullable(this.impact);
	}

	/** How many scenarios made the rule fire, as found when the gate ran them. */
	public int scenariosExercising(String ruleId) {
		return this.scenarioCoverage.getOrDefault(ruleId, 0);
	}

	@Override
	public ScreeningResult screen(ScreeningRequest request) {
		return Triage.fold(ScreeningEngine.run(this.kieBase, request), this.info);
	}

	/**
	 * Which rule a thread stuck in this rule base is running, read from its stack: Drools compiles
	 * each rule's conditions and consequence into classes named after the rule, and the rule's
	 * consequence tells that name. Empty when no rule's code is on the stack (a constraint run by the
	 * MVEL interpreter, say, or the packaged rules made from the build's executable model, whose
	 * classes are not named after rules); then only the method it is stuck in is given, if it is not
	 * Drools' own.
	 *
	 * @return for example {@code rule "Epilepsy: ..." (epilepsy.drl:12), in its conditions (when), at
	 * org.example.Helper.check}
	 */
	@Override
	public Optional<String> whereStuck(StackTraceElement[] stack) {
		Map<String, RuleDescription> byClass = rulesByClassName();
		String rule = null;
		String at = null;
		for (StackTraceElement frame : stack) {
			String className = frame.getClassName();
			if (className.equals(ScreeningEngine.class.getName())) {
				break; // below here is the caller, not the rules
			}
			if (className.startsWith(RuleBaseCompiler.PACKAGE + ".Rule_")) {
				String prefix = longestPrefix(byClass, className);
				if (prefix != null) {
					RuleDescription found = byClass.get(prefix);
					// Rule_<name><hash>.defaultConsequence, or Rule_<name><hash>DefaultConsequenceInvoker...
					boolean consequence = className.substring(prefix.length()).contains("Consequence")
							|| frame.getMethodName().toLowerCase(Locale.ROOT).contains("consequence");
					rule = "rule \"" + found.name() + "\" (" + found.file() + (found.line() > 0 ? ":" + found.line() : "")
							+ "), in its " + (consequence ? "consequence (then)" : "conditions (when)");
					break;
				}
			}
			else if (at == null && !isEngine(className)) {
				at = className + "." + frame.getMethodName(); // what the rule called, if it is not the engine's
			}
		}
		if (rule == null && at == null) {
			return Optional.empty();
		}
		return Optional.of(rule == null ? "at " + at : at == null ? rule : rule + ", at " + at);
	}

	private static boolean isEngine(String className) {
		return className.startsWith("org.drools.") || className.startsWith("org.kie.") || className.startsWith("org.mvel2.")
				|| className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.");
	}

	private static String longestPrefix(Map<String, RuleDescription> byClass, String className) {
		String found = null;
		for (String prefix : byClass.keySet()) {
			if (className.startsWith(prefix) && (found == null || prefix.length() > found.length())) {
				found = prefix;
			}
		}
		return found;
	}

	/** Each rule by the name of the class Drools generated for it (its consequence's invoker, less the suffix). */
	private Map<String, RuleDescription> rulesByClassName() {
		Map<String, RuleDescription> byName = new HashMap<>();
		this.rules.forEach((r) -> byName.put(r.name(), r));
		Map<String, RuleDescription> byClass = new HashMap<>();
		for (KiePackage kiePackage : this.kieBase.getKiePackages()) {
			for (Rule rule : kiePackage.getRules()) {
				RuleDescription description = byName.get(rule.getName());
				if (description == null || !(rule instanceof RuleImpl impl) || impl.getConsequence() == null) {
					continue;
				}
				String invoker = impl.getConsequence().getClass().getName();
				int suffix = invoker.indexOf("DefaultConsequenceInvoker");
				if (suffix > 0) {
					byClass.put(invoker.substring(0, suffix), description);
				}
			}
		}
		return byClass;
	}

	public KieBase kieBase() {
		return this.kieBase;
	}

	public RuleFiles files() {
		return this.files;
	}

	@Override
	public RuleBaseInfo info() {
		return this.info;
	}

	@Override
	public String version() {
		return this.info.version();
	}

	public List<RuleDescription> rules() {
		return this.rules;
	}

	public List<Scenario> scenarios() {
		return this.scenarios;
	}

	/** The titles of the documents this rule base's rules cite, and what the clinical pack is. */
	public SourceTable sources() {
		return this.sources;
	}

	/** The words for a rule in the given language, falling back to the default language. */
	public Optional<String> wording(String ruleId, Locale locale) {
		Map<String, String> language = this.wording.getOrDefault(locale.getLanguage(), Map.of());
		String text = language.get(ruleId);
		if (text == null) {
			text = this.wording.getOrDefault(LANGUAGES.get(0), Map.of()).get(ruleId);
		}
		return Optional.ofNullable(text);
	}

}
