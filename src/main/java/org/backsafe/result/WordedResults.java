package org.backsafe.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.backsafe.rulebase.RuleBase;
import org.backsafe.rulebase.SourceTable;
import org.backsafe.screening.Disposition;
import org.backsafe.screening.Reason;
import org.backsafe.screening.RuleBaseInfo;
import org.backsafe.screening.ScreeningResult;
import org.backsafe.screening.TechniqueVerdict;

import org.springframework.stereotype.Component;

/**
 * The one place where a result is put into words ({@link WordedResult}), by the rule base that gave
 * it while that version is still known (see {@link ResultWording}).
 */
@Component
public class WordedResults {

	/** The languages a stored result is worded in: every language the rules have wording for. */
	public static final List<Locale> LANGUAGES = RuleBase.LANGUAGES.stream().map(Locale::forLanguageTag).toList();

	private final ResultWording wording;

	public WordedResults(ResultWording wording) {
		this.wording = wording;
	}

	public ResultWording wording() {
		return this.wording;
	}

	public WordedResult word(ScreeningResult result, Locale locale) {
		Disposition disposition = result.disposition();
		RuleBaseInfo ruleBase = result.ruleBase();
		SourceTable table = this.wording.sources(ruleBase);
		List<WordedResult.TechniqueLine> techniques = result.techniques()
			.stream()
			.map((t) -> technique(t, ruleBase, table, locale))
			.toList();
		// Tips for massage would contradict "not today" or "not until a doctor says so".
		List<WordedResult.Line> advice = disposition.offersNoTechnique() ? List.of()
				: lines(result.advice(), ruleBase, table, locale);
		String urgentText = (result.urgentAction() != null) ? this.wording.urgentAction(result.urgentAction(), locale)
				: null;
		return new WordedResult(locale.getLanguage(), (ruleBase != null) ? ruleBase.version() : null,
				result.completed(), disposition, this.wording.summary(disposition, locale), result.urgentAction(),
				urgentText, this.wording.emergencyNumber().emergencyNumber(),
				lines(result.reasons(), ruleBase, table, locale), techniques, advice, sources(table, locale));
	}

	/** All twelve, as the fold gave them: it alone decides that no how-to goes with a technique to avoid. */
	private WordedResult.TechniqueLine technique(TechniqueVerdict verdict, RuleBaseInfo ruleBase, SourceTable table,
			Locale locale) {
		return new WordedResult.TechniqueLine(verdict.technique(), this.wording.technique(verdict.technique(), locale),
				verdict.verdict(), this.wording.verdict(verdict.verdict(), locale), verdict.professionalOnly(),
				lines(verdict.reasons(), ruleBase, table, locale), lines(verdict.howTo(), ruleBase, table, locale));
	}

	private List<WordedResult.Line> lines(List<Reason> reasons, RuleBaseInfo ruleBase, SourceTable table,
			Locale locale) {
		return reasons.stream()
			.map((r) -> new WordedResult.Line(this.wording.reason(r, ruleBase, locale), r.rule(), r.source(),
					table.words(r.source(), locale), cites(r.source(), table, locale)))
			.toList();
	}

	/** A source part by part, each worded by the table. */
	private static List<WordedResult.Cite> cites(String source, SourceTable table, Locale locale) {
		if (source == null) {
			return List.of();
		}
		List<WordedResult.Cite> cites = new ArrayList<>();
		for (String part : source.split(";")) {
			String words = table.words(part, locale);
			if (!words.isEmpty()) {
				cites.add(new WordedResult.Cite(part.strip(), words));
			}
		}
		return cites;
	}

	private static WordedResult.Sources sources(SourceTable table, Locale locale) {
		List<WordedResult.Document> documents = table.documents(locale)
			.stream()
			.map((d) -> new WordedResult.Document(d.title(), d.language()))
			.toList();
		return new WordedResult.Sources(documents, table.clinicalPack(locale).orElse(null),
				table.clinicalPackDescription(locale).orElse(null));
	}

}
