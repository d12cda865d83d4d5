package org.backsafe.authoring;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.backsafe.rulebase.CurrentRuleBase;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The rule catalogue, each admitted version's page, and the documents the rules cite: read-only
 * and public, the rules are not secret. Times are shown as people write them, never as stored.
 */
@Controller
class RuleCatalogueController {

	static final String CATALOGUE_VIEW = "rules/catalogue";

	static final String VERSION_VIEW = "rules/version";

	static final String SOURCE_VIEW = "rules/source";

	private final RuleCatalogue catalogue;

	private final MessageSource messages;

	RuleCatalogueController(RuleCatalogue catalogue, MessageSource messages) {
		this.catalogue = catalogue;
		this.messages = messages;
	}

	@GetMapping("/rules")
	String catalogue(@RequestParam(name = "q", required = false) String query, Locale locale, Model model) {
		RuleCatalogue.View view = this.catalogue.view(query, locale);
		model.addAttribute("catalogue", view);
		model.addAttribute("groups", RuleGroup.values());
		model.addAttribute("loadedAt", when(view.loadedAt(), locale));
		model.addAttribute("failedAt", view.lastFailure() == null ? null : when(view.lastFailure().at(), locale));
		List<CurrentRuleBase.AdmittedVersion> history = this.catalogue.history();
		model.addAttribute("history", history);
		model.addAttribute("historyTimes", history.stream().map((v) -> when(v.admittedAt(), locale)).toList());
		model.addAttribute("servingImpact", history.stream()
			.filter((v) -> v.version().equals(view.version()))
			.map(CurrentRuleBase.AdmittedVersion::impact)
			.findFirst()
			.orElse(null));
		return CATALOGUE_VIEW;
	}

	@GetMapping("/rules/versions/{version}")
	String version(@PathVariable String version, Locale locale, Model model) {
		RuleCatalogue.Version found = this.catalogue.version(version)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("ruleVersion", found);
		model.addAttribute("admittedAt", when(found.admittedAt(), locale));
		model.addAttribute("failedAt", found.lastFailure() == null ? null : when(found.lastFailure().at(), locale));
		model.addAttribute("impact", found.impact());
		return VERSION_VIEW;
	}

	@GetMapping("/rules/sources/{file}")
	String source(@PathVariable String file, Model model) {
		model.addAttribute("document", this.catalogue.document(file)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		model.addAttribute("documentTitle", this.catalogue.title(file).orElse(null));
		return SOURCE_VIEW;
	}

	/**
	 * An unknown version or document gets the HTML page for 404: the API's global advice would
	 * answer a browser in JSON.
	 */
	@ExceptionHandler(ResponseStatusException.class)
	void notFound(ResponseStatusException ex, HttpServletResponse response) throws IOException {
		response.sendError(ex.getStatusCode().value());
	}

	/** "1 December 2026 at 23:14", in the reader's language and the server's time zone. */
	private String when(Instant at, Locale locale) {
		if (at == null) {
			return null;
		}
		String pattern = this.messages.getMessage("rules.time.pattern", null, "d MMMM yyyy, HH:mm", locale);
		return DateTimeFormatter.ofPattern(pattern, locale).withZone(ZoneId.systemDefault()).format(at);
	}

}
