package org.backsafe.authoring;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The rule catalogue and the documents it cites: read-only and public, the rules are not secret. */
@Controller
class RuleCatalogueController {

	static final String CATALOGUE_VIEW = "rules/catalogue";

	static final String SOURCE_VIEW = "rules/source";

	private final RuleCatalogue catalogue;

	RuleCatalogueController(RuleCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	@GetMapping("/rules")
	String catalogue(Model model) {
		model.addAttribute("catalogue", this.catalogue.view());
		return CATALOGUE_VIEW;
	}

	@GetMapping("/rules/sources/{file}")
	String source(@PathVariable String file, Model model) {
		model.addAttribute("document", this.catalogue.document(file)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		model.addAttribute("documentTitle", this.catalogue.title(file).orElse(null));
		return SOURCE_VIEW;
	}

}
