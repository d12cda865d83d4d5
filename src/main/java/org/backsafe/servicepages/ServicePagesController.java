package org.backsafe.servicepages;

import org.backsafe.kiosk.KioskProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The privacy notice and the accessibility statement, on the web and on the clinic kiosk, and the
 * favicon's old address. On the kiosk the same pages open in the kiosk's own layout, with a way back
 * to its start screen and no link that leaves the kiosk.
 */
@Controller
class ServicePagesController {

	static final String PRIVACY_VIEW = "servicepages/privacy";

	static final String ACCESSIBILITY_VIEW = "servicepages/accessibility";

	static final String WEB_LAYOUT = "fragments/layout";

	static final String KIOSK_LAYOUT = "kiosk/layout";

	private final ServicePagesProperties properties;

	private final KioskProperties kiosk;

	private final ResourceUrlProvider resourceUrls;

	/** Where a visit's answers are kept while it lasts: "memory", or "database" with several replicas. */
	private final String sessionStore;

	ServicePagesController(ServicePagesProperties properties, KioskProperties kiosk, ResourceUrlProvider resourceUrls,
			@Value("${backsafe.sessions.store:memory}") String sessionStore) {
		this.properties = properties;
		this.kiosk = kiosk;
		this.resourceUrls = resourceUrls;
		this.sessionStore = sessionStore;
	}

	@ModelAttribute
	void pageFacts(Model model) {
		model.addAttribute("retentionDays", this.kiosk.retentionDays());
		model.addAttribute("contact", this.properties.contactLink());
		model.addAttribute("sessionsInDatabase", "database".equals(this.sessionStore));
	}

	@GetMapping("/privacy")
	String privacy(Model model) {
		model.addAttribute("layout", WEB_LAYOUT);
		return PRIVACY_VIEW;
	}

	@GetMapping("/accessibility")
	String accessibility(Model model) {
		model.addAttribute("layout", WEB_LAYOUT);
		return ACCESSIBILITY_VIEW;
	}

	@GetMapping("/kiosk/privacy")
	String kioskPrivacy(Model model) {
		model.addAttribute("layout", KIOSK_LAYOUT);
		return PRIVACY_VIEW;
	}

	@GetMapping("/kiosk/accessibility")
	String kioskAccessibility(Model model) {
		model.addAttribute("layout", KIOSK_LAYOUT);
		return ACCESSIBILITY_VIEW;
	}

	/** Browsers ask for /favicon.ico on their own; the icon is an SVG at a versioned address. */
	@GetMapping("/favicon.ico")
	String favicon() {
		String url = this.resourceUrls.getForLookupPath("/favicon.svg");
		return "redirect:" + ((url != null) ? url : "/favicon.svg");
	}

}
