package org.backsafe.result;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.backsafe.rulebase.CurrentRuleBase;
import org.backsafe.rulebase.RuleBase;
import org.backsafe.rulebase.SourceTable;
import org.backsafe.screening.Disposition;
import org.backsafe.screening.EmergencyNumber;
import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.Reason;
import org.backsafe.screening.RuleBaseInfo;
import org.backsafe.screening.Technique;
import org.backsafe.screening.UrgentAction;
import org.backsafe.screening.Verdict;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * Puts results into words in the reader's language. A rule's words come from the wording files
 * beside the rules; the fold's own reasons and every label come from the application's message
 * bundles. {@code {0}} in a rule's words stands for the question the reason is about. Sources are
 * worded by the table of sources beside the rules.
 */
@Component
public class ResultWording {

	private final MessageSource messages;

	private final Function<String, Optional<RuleBase>> byVersion;

	private final Supplier<Optional<RuleBase>> serving;

	private final EmergencyNumber emergencyNumber;

	@Autowired
	public ResultWording(MessageSource messages, CurrentRuleBase current, EmergencyNumber emergencyNumber) {
		this(messages, current::byVersion, current::serving, emergencyNumber);
	}

	/** Wording by one fixed rule base (or by the message bundles alone when it is null). */
	public ResultWording(MessageSource messages, RuleBase rules, EmergencyNumber emergencyNumber) {
		this(messages, (version) -> Optional.ofNullable(rules).filter((r) -> r.version().equals(version)),
				() -> Optional.ofNullable(rules), emergencyNumber);
	}

	private ResultWording(MessageSource messages, Function<String, Optional<RuleBase>> byVersion,
			Supplier<Optional<RuleBase>> serving, EmergencyNumber emergencyNumber) {
		this.messages = messages;
		this.byVersion = byVersion;
		this.serving = serving;
		this.emergencyNumber = emergencyNumber;
	}

	public String reason(Reason reason, Locale locale) {
		return reason(reason, null, locale);
	}

	/**
	 * The words for a reason, taken from the rule base that gave it, so that a result screened just
	 * before an edit was swapped in is not worded by the edit.
	 */
	public String reason(Reason reason, RuleBaseInfo ruleBase, Locale locale) {
		String text = ruleBase(ruleBase)
			.flatMap((rules) -> rules.wording(reason.rule(), locale))
			.orElseGet(() -> this.messages.getMessage("reason." + reason.rule(), null,
					this.messages.getMessage("reason.missing-wording", new Object[] { reason.rule() }, locale),
					locale));
		if (reason.subject() != null) {
			text = text.replace("{0}", label("question." + reason.subject().name() + ".inline", locale));
		}
		return text;
	}

	/**
	 * A reason's source as a person reads it: the documents' titles and section headings, never a
	 * file name (see {@link SourceTable#words}), by the table of the rule base that gave it.
	 */
	public String source(Reason reason, RuleBaseInfo ruleBase, Locale locale) {
		return sources(ruleBase).words(reason.source(), locale);
	}

	/** The table of sources of the rule base that gave a result (or of the serving one). */
	public SourceTable sources(RuleBaseInfo ruleBase) {
		return ruleBase(ruleBase).map(RuleBase::sources).orElse(SourceTable.EMPTY);
	}

	/** The rule base of that version if it is still known, or else the serving one. */
	private Optional<RuleBase> ruleBase(RuleBaseInfo ruleBase) {
		Optional<RuleBase> known = (ruleBase != null) ? this.byVersion.apply(ruleBase.version()) : Optional.empty();
		return known.isPresent() ? known : this.serving.get();
	}

	public String question(HealthQuestion question, Locale locale) {
		return label("question." + question.name(), locale);
	}

	public String technique(Technique technique, Locale locale) {
		return label("technique." + technique.name(), locale);
	}

	/** What to do now, with this installation's emergency number where the action is to call it. */
	public String urgentAction(UrgentAction action, Locale locale) {
		return this.messages.getMessage("urgentAction." + action.name(),
				new Object[] { this.emergencyNumber.emergencyNumber() }, "urgentAction." + action.name(), locale);
	}

	public EmergencyNumber emergencyNumber() {
		return this.emergencyNumber;
	}

	public String summary(Disposition disposition, Locale locale) {
		return label("disposition." + disposition.name() + ".summary", locale);
	}

	public String verdict(Verdict verdict, Locale locale) {
		return label("verdict." + verdict.name(), locale);
	}

	private String label(String key, Locale locale) {
		try {
			return this.messages.getMessage(key, null, locale);
		}
		catch (NoSuchMessageException ex) {
			return key;
		}
	}

}
