package org.backsafe.authoring;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.backsafe.rulebase.RuleProblem;
import org.backsafe.screening.Technique;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RuleCatalogueApiController {

	static final String PATH = "/api/v1/rules";

	private final RuleCatalogue catalogue;

	RuleCatalogueApiController(RuleCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	record CatalogueJson(String version, String loadedAt, int scenarios, List<RuleJson> rules,
			FailureJson lastFailure) {
	}

	record RuleJson(String id, String name, String group, String file, int line, String source,
			List<CitationJson> citations, List<String> codes, List<String> conditions, List<Technique> techniques,
			int scenarios, boolean exercised) {
	}

	record CitationJson(String text, String title, String href) {
	}

	record FailureJson(String at, String version, List<ProblemJson> problems) {
	}

	record ProblemJson(RuleProblem.Kind kind, String file, int line, int column, String message) {
	}

	@Operation(summary = "The rule catalogue",
			description = "Every rule that serves: id, name, group (RED_FLAGS, DOCTOR_FIRST, WAIT_UNTIL_WELL,"
					+ " TECHNIQUE_RESTRICTIONS, INDICATIONS, ADVICE or FACTS), file and line (or decision table row), source with the"
					+ " cited documents' titles and links to the cited passages, the answer codes it reads and its"
					+ " conditions on age and severity, the"
					+ " techniques it affects and how many scenarios make it fire; the serving version; and the last"
					+ " refused edit with its problems.")
	@GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
	CatalogueJson rules() {
		RuleCatalogue.View view = this.catalogue.view();
		List<RuleJson> rules = view.rules()
			.stream()
			.map((r) -> new RuleJson(r.id(), r.name(), r.group().name(), r.file(), r.line(), r.source(),
					r.citations().stream().map((c) -> new CitationJson(c.text(), c.title(), c.href())).toList(),
					r.codes(), r.conditions().stream().map(RuleReading.Condition::text).toList(), r.techniques(),
					r.scenarios(), r.exercised()))
			.toList();
		RuleCatalogue.Failure failure = view.lastFailure();
		FailureJson failureJson = failure == null ? null
				: new FailureJson(failure.at().toString(), failure.version(),
						failure.problems()
							.stream()
							.map((p) -> new ProblemJson(p.kind(), p.file(), p.line(), p.column(), p.message()))
							.toList());
		return new CatalogueJson(view.version(), view.loadedAt() == null ? null : view.loadedAt().toString(),
				view.scenarioCount(), rules, failureJson);
	}

}
