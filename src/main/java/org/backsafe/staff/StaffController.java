package org.backsafe.staff;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.backsafe.fhir.FhirJson;
import org.backsafe.kiosk.KioskScreening;
import org.backsafe.kiosk.KioskScreenings.ChangeMarker;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff review: today's kiosk screenings (urgent ones not yet reviewed counted above the list),
 * search by reference code, one screening in full (on an urgent one, what the patient was told to do
 * now), and marking it reviewed. Every list, search, record and review is audited by {@link StaffReview} first.
 */
@Controller
class StaffController {

	static final String LOGIN = "staff/login";

	static final String LIST = "staff/list";

	static final String DETAIL = "staff/detail";

	/** FHIR JSON, always UTF-8. */
	private static final MediaType FHIR_JSON = new MediaType(MediaType.parseMediaType(FhirJson.MEDIA_TYPE),
			StandardCharsets.UTF_8);

	private final StaffReview review;

	private final ScreeningDetails details;

	private final StaffActivity activity;

	private final Duration refresh;

	StaffController(StaffReview review, ScreeningDetails details, StaffActivity activity,
			@Value("${backsafe.staff.refresh:15s}") Duration refresh) {
		this.review = review;
		this.details = details;
		this.activity = activity;
		this.refresh = refresh;
	}

	@ModelAttribute("staffUser")
	String staffUser(Principal staff) {
		return (staff != null) ? staff.getName() : null;
	}

	@GetMapping("/staff/login")
	String login(Model model, HttpServletResponse response) {
		noStore(response);
		model.addAttribute("lockoutMinutes", this.review.lockoutMinutes());
		return LOGIN;
	}

	@GetMapping("/staff")
	String today(Principal staff, Model model, HttpServletResponse response) {
		noStore(response);
		List<KioskScreening> today = this.review.today(staff.getName());
		model.addAttribute("screenings", today);
		// an urgent result sent the patient to the desk: say so above the list until someone has looked
		model.addAttribute("urgentNotReviewed",
				today.stream().filter((s) -> s.getDisposition().isUrgent() && !s.isReviewed()).count());
		model.addAttribute("zone", this.review.zone());
		model.addAttribute("marker", this.review.todaysChanges());
		model.addAttribute("refreshSeconds", Math.max(1, this.refresh.toSeconds()));
		return LIST;
	}

	/**
	 * A few numbers that change whenever today's list does, for staff-refresh.js to poll; the list
	 * reloads (and is audited as a list view) only when they change. 401 once nobody has used the
	 * pages for the session timeout, so that polling never keeps an unattended desk logged in.
	 */
	@GetMapping(value = StaffActivity.CHANGES, produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<ChangeMarker> changes(HttpSession session, HttpServletResponse response) {
		noStore(response);
		if (this.activity.endIfUnused(session)) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
		}
		return ResponseEntity.ok(this.review.todaysChanges());
	}

	@GetMapping("/staff/search")
	String search(@RequestParam(name = "code", defaultValue = "") String code, Principal staff, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Optional<String> found = this.review.search(code, staff.getName());
		if (found.isPresent()) {
			redirect.addAttribute("code", found.get());
			return "redirect:/staff/screenings/{code}";
		}
		model.addAttribute("notFound", true);
		return today(staff, model, response);
	}

	@GetMapping("/staff/screenings/{code}")
	String screening(@PathVariable String code, Principal staff, Model model, HttpServletResponse response,
			Locale locale) {
		noStore(response);
		Optional<KioskScreening> screening = this.review.view(code, staff.getName());
		if (screening.isEmpty()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			model.addAttribute("notFound", true);
			return today(staff, model, response);
		}
		model.addAttribute("screening", screening.get());
		model.addAttribute("details", this.details.of(screening.get(), locale));
		model.addAttribute("audit", this.review.auditOf(screening.get()));
		model.addAttribute("zone", this.review.zone());
		return DETAIL;
	}

	/** The screening as a FHIR bundle, to file in the patient's record; audited as a download. */
	@GetMapping("/staff/screenings/{code}/fhir")
	ResponseEntity<String> export(@PathVariable String code, Principal staff, Locale locale) {
		return this.review.export(code, staff.getName(), locale)
			.map((bundle) -> ResponseEntity.ok()
				.header(HttpHeaders.CACHE_CONTROL, "no-store")
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
					.filename("backsafe-" + code.replaceAll("[^A-Za-z0-9-]", "") + ".json")
					.build()
					.toString())
				.contentType(FHIR_JSON)
				.body(bundle))
			.orElseGet(() -> ResponseEntity.notFound().header(HttpHeaders.CACHE_CONTROL, "no-store").build());
	}

	@PostMapping("/staff/screenings/{code}/reviewed")
	String markReviewed(@PathVariable String code, Principal staff, RedirectAttributes redirect) {
		boolean done = this.review.markReviewed(code, staff.getName());
		redirect.addFlashAttribute(done ? "reviewed" : "notFound", done ? code : true);
		return "redirect:/staff";
	}

	private static void noStore(HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
	}

}
