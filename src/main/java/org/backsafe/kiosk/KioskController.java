package org.backsafe.kiosk;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.backsafe.kiosk.KioskVisit.Handoff;
import org.backsafe.questionnaire.HealthAnswer;
import org.backsafe.questionnaire.ResultView;
import org.backsafe.questionnaire.ScreeningForm;
import org.backsafe.questionnaire.ScreeningFormValidator;
import org.backsafe.questionnaire.Section;
import org.backsafe.result.WordedResults;
import org.backsafe.screening.ScreeningRequest;
import org.backsafe.screening.ScreeningResult;
import org.backsafe.screening.ScreeningService;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.ServletRequestDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The clinic kiosk: a start screen, one screen per questionnaire section, then the handoff screen
 * with what the patient needs to know and the reference code for reception. Everything lives in the
 * server session (see {@link KioskVisit}) until a reset ends it; no page may be cached.
 */
@Controller
class KioskController {

	static final String START = "/kiosk";

	static final String RESET = "/kiosk/reset";

	static final String START_VIEW = "kiosk/start";

	static final String SECTION_VIEW = "kiosk/section";

	static final String HANDOFF_VIEW = "kiosk/handoff";

	private static final String FORM = "screeningForm";

	private final KioskVisit visit;

	private final ScreeningService engine;

	private final KioskScreenings store;

	private final WordedResults words;

	private final KioskProperties properties;

	private final ScreeningFormValidator validator = new ScreeningFormValidator();

	private final Clock clock = Clock.systemUTC();

	KioskController(KioskVisit visit, ScreeningService engine, KioskScreenings store, WordedResults words,
			KioskProperties properties) {
		this.visit = visit;
		this.engine = engine;
		this.store = store;
		this.words = words;
		this.properties = properties;
	}

	@GetMapping(START)
	String start(Model model, HttpServletResponse response) {
		noStore(response);
		model.addAttribute("retentionDays", this.properties.retentionDays());
		return START_VIEW;
	}

	@PostMapping("/kiosk/start")
	String begin(HttpSession session) {
		this.visit.begin(this.clock.instant());
		// the container forgets the session soon after the idle limit, even if no request comes
		session.setMaxInactiveInterval((int) this.properties.serverIdleLimit().plusMinutes(1).toSeconds());
		return redirectTo(Section.values()[0]);
	}

	@GetMapping("/kiosk/questions/{name}")
	String section(@PathVariable String name, Model model, HttpServletResponse response) {
		noStore(response);
		Optional<Section> section = section(name);
		if (section.isEmpty() || !this.visit.inProgress()) {
			return "redirect:" + START;
		}
		model.addAttribute(FORM, this.visit.answers());
		return showSection(section.get(), model);
	}

	@PostMapping("/kiosk/questions/{name}")
	String answer(@PathVariable String name, @RequestParam(name = "go", defaultValue = "next") String go,
			HttpServletRequest request, Model model, Locale locale, HttpServletResponse response) {
		noStore(response);
		Optional<Section> found = section(name);
		if (found.isEmpty() || !this.visit.inProgress()) {
			return "redirect:" + START;
		}
		Section section = found.get();
		ScreeningForm form = this.visit.answers();
		ServletRequestDataBinder binder = new ServletRequestDataBinder(form, FORM);
		binder.setAllowedFields(section.getFields().toArray(String[]::new));
		binder.bind(request);
		if ("back".equals(go)) {
			return (section.ordinal() == 0) ? "redirect:" + START : redirectTo(Section.values()[section.ordinal() - 1]);
		}
		if ("none".equals(go)) {
			// "No to all of these": one tap instead of one per question; the screen comes back with
			// them all on No, and the patient checks it and can change any one before going on
			section.getQuestions().forEach((question) -> form.getAnswers().put(question, HealthAnswer.NO));
			return redirectTo(section);
		}
		BindingResult errors = binder.getBindingResult();
		this.validator.validate(form, section, errors);
		if (errors.hasErrors()) {
			model.addAttribute(FORM, form);
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + FORM, errors);
			return showSection(section, model);
		}
		if (section.ordinal() + 1 < Section.values().length) {
			return redirectTo(Section.values()[section.ordinal() + 1]);
		}
		return finish(form, locale);
	}

	/** Screens and stores the answers; a section left unanswered (a skipped screen) is shown again. */
	private String finish(ScreeningForm form, Locale locale) {
		for (Section section : Section.values()) {
			BindingResult errors = new BeanPropertyBindingResult(form, FORM);
			this.validator.validate(form, section, errors);
			if (errors.hasErrors()) {
				return redirectTo(section);
			}
		}
		ScreeningRequest answers = form.toRequest();
		ScreeningResult result = this.engine.screen(answers);
		String code;
		try {
			code = this.store.store(answers, result, locale).getDisplayCode();
		}
		catch (StorageFailed ex) {
			// already logged by the store; the patient is sent to reception, never left guessing
			code = null;
		}
		this.visit.handedOff(new Handoff(result, code));
		return "redirect:/kiosk/handoff";
	}

	@GetMapping("/kiosk/handoff")
	String handoff(Model model, Locale locale, HttpServletResponse response) {
		noStore(response);
		Handoff handoff = this.visit.handoff();
		if (handoff == null) {
			return "redirect:" + START;
		}
		model.addAttribute("result", ResultView.of(this.words.word(handoff.result(), locale)));
		model.addAttribute("code", handoff.code());
		idleTimer(model, handoffIdle());
		return HANDOFF_VIEW;
	}

	/** The page's timer reports a tap on "I need more time"; the idle limit has already noted it. */
	@PostMapping("/kiosk/still-here")
	ResponseEntity<Void> stillHere(HttpServletResponse response) {
		noStore(response);
		return ResponseEntity.noContent().build();
	}

	@PostMapping(RESET)
	String reset(HttpServletRequest request, HttpServletResponse response) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		// and drop any copy of the pages the browser kept, back-forward cache included
		response.setHeader("Clear-Site-Data", "\"cache\"");
		return "redirect:" + START;
	}

	private String showSection(Section section, Model model) {
		Section[] all = Section.values();
		model.addAttribute("section", section);
		model.addAttribute("step", section.ordinal() + 1);
		model.addAttribute("steps", all.length);
		model.addAttribute("last", section.ordinal() + 1 == all.length);
		idleTimer(model, this.properties.idleTimeout());
		return SECTION_VIEW;
	}

	private void idleTimer(Model model, Duration idle) {
		model.addAttribute("idleSeconds", idle.toSeconds());
		model.addAttribute("warningSeconds", this.properties.warning().toSeconds());
	}

	/** The handoff stays up for the handoff time in all, the warning included. */
	private Duration handoffIdle() {
		Duration idle = this.properties.handoffTime().minus(this.properties.warning());
		return (idle.compareTo(Duration.ofSeconds(5)) < 0) ? Duration.ofSeconds(5) : idle;
	}

	private static Optional<Section> section(String name) {
		return Arrays.stream(Section.values()).filter((s) -> s.getFragment().equals(name)).findFirst();
	}

	private static String redirectTo(Section section) {
		return "redirect:/kiosk/questions/" + section.getFragment();
	}

	private static void noStore(HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
	}

}
