package org.backsafe.selfscreening;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.backsafe.authoring.SourceLinks;
import org.backsafe.questionnaire.ResultView;
import org.backsafe.questionnaire.ScreeningForm;
import org.backsafe.screening.Equipment;
import org.backsafe.screening.PainArea;
import org.backsafe.screening.PainDuration;
import org.backsafe.screening.PainPattern;
import org.backsafe.result.WordedResults;
import org.backsafe.screening.ScreeningService;
import org.backsafe.screening.Setting;
import org.backsafe.system.SecurityConfiguration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The self-screening pages: five steps, "check your answers", and the result. Every POST that saves
 * redirects; the answers and the result are kept in the session only for the current screening,
 * and no page that shows them may be cached. A step cannot be reached before the steps it follows
 * are done. When the session has ended, the person is told so, never shown an error.
 */
@Controller
class SelfScreeningController {

	static final String STEP = "selfscreening/step";

	static final String CHECK = "selfscreening/check";

	static final String RESULT = "selfscreening/result";

	static final String TIMED_OUT = "selfscreening/timed-out";

	static final String TIMED_OUT_PATH = SecurityConfiguration.TIMED_OUT_PATH;

	private final ScreeningService screenings;

	private final WordedResults words;

	private final CurrentScreening current;

	private final Journey journey;

	private final SelfScreeningProperties properties;

	private final SourceLinks sourceLinks;

	SelfScreeningController(ScreeningService screenings, WordedResults words, CurrentScreening current,
			Journey journey, SelfScreeningProperties properties, SourceLinks sourceLinks) {
		this.screenings = screenings;
		this.words = words;
		this.current = current;
		this.journey = journey;
		this.properties = properties;
		this.sourceLinks = sourceLinks;
	}

	@ModelAttribute
	void sessionTimeout(Model model) {
		model.addAttribute("sessionSeconds", this.properties.sessionTimeout().toSeconds());
		model.addAttribute("warningSeconds", this.properties.warning().toSeconds());
		model.addAttribute("sessionMinutes", this.properties.sessionMinutes());
	}

	/** A step binds only its own questions: an answer posted to another step is no answer at all. */
	@InitBinder("screeningForm")
	void onlyThisStepsFields(WebDataBinder binder, @PathVariable(required = false) Integer number) {
		Step.numbered((number != null) ? number : 0).ifPresent((step) -> binder.setAllowedFields(step.bindable()));
	}

	@GetMapping("/")
	String start(Model model, HttpServletRequest request, HttpServletResponse response) {
		return show(Step.WHERE_AND_HOW_LONG, false, model, request, response);
	}

	@GetMapping("/step/{number}")
	String step(@PathVariable int number, @RequestParam(required = false) String change, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		if (sessionEnded(request)) {
			return "redirect:" + TIMED_OUT_PATH;
		}
		Optional<Step> step = Step.numbered(number);
		if (step.isEmpty()) {
			return "redirect:/";
		}
		if (!this.journey.reachable(step.get())) {
			return redirectTo(this.journey.firstIncomplete().orElseThrow(), change != null);
		}
		return show(step.get(), change != null, model, request, response);
	}

	@PostMapping("/step/{number}")
	String answer(@PathVariable int number, @ModelAttribute("screeningForm") ScreeningForm form, BindingResult errors,
			@RequestParam(required = false) String change, @RequestParam(required = false) String noToAll,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		Optional<Step> found = Step.numbered(number);
		if (found.isEmpty()) {
			return "redirect:/";
		}
		Step step = found.get();
		boolean changing = change != null;
		if (!this.journey.reachable(step)) {
			return redirectTo(this.journey.firstIncomplete().orElseThrow(), changing);
		}
		if (noToAll != null && step.hasQuestions()) {
			this.journey.noToAll(step, form);
			model.addAttribute("focus", nextToAnswer(step));
			return show(step, changing, model, request, response);
		}
		if (!this.journey.save(step, form, errors)) {
			return render(step, changing, model, request, response);
		}
		if (changing) {
			// a change can make another question apply (the neck added): that step comes first
			return this.journey.firstIncomplete().map((next) -> redirectTo(next, true)).orElse("redirect:/check");
		}
		return step.next().map((next) -> redirectTo(next, false)).orElse("redirect:/check");
	}

	@GetMapping("/check")
	String check(Model model, HttpServletRequest request, HttpServletResponse response) {
		noStore(response);
		if (sessionEnded(request)) {
			return "redirect:" + TIMED_OUT_PATH;
		}
		Optional<Step> incomplete = this.journey.firstIncomplete();
		if (incomplete.isPresent()) {
			return (incomplete.get() == Step.WHERE_AND_HOW_LONG) ? "redirect:/" : redirectTo(incomplete.get(), false);
		}
		ScreeningForm answers = this.journey.answers();
		model.addAttribute("screeningForm", answers);
		model.addAttribute("changeLinks", changeLinks(answers));
		model.addAttribute("back", "/step/" + Step.values().length);
		return CHECK;
	}

	@PostMapping("/check")
	String screen() {
		if (this.current.answers() == null || this.journey.firstIncomplete().isPresent()) {
			return "redirect:/";
		}
		this.current.screened(this.screenings.screen(this.current.answers().toRequest()));
		return "redirect:/result";
	}

	@GetMapping("/result")
	String result(Model model, Locale locale, HttpServletRequest request, HttpServletResponse response) {
		noStore(response);
		if (sessionEnded(request)) {
			return "redirect:" + TIMED_OUT_PATH;
		}
		if (this.current.result() == null) {
			return "redirect:/";
		}
		model.addAttribute("result", ResultView.of(this.words.word(this.current.result(), locale), this.sourceLinks));
		return RESULT;
	}

	@PostMapping("/restart")
	String restart() {
		this.current.clear();
		return "redirect:/";
	}

	/** "Keep going" on the time-out warning: the request itself keeps the session alive. */
	@PostMapping("/still-here")
	ResponseEntity<Void> stillHere() {
		return ResponseEntity.noContent().header(HttpHeaders.CACHE_CONTROL, "no-store").build();
	}

	/** Says the answers were cleared, and ends whatever is left of the session so that it is true. */
	@GetMapping(TIMED_OUT_PATH)
	String timedOut(HttpServletRequest request, HttpServletResponse response) {
		noStore(response);
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		return TIMED_OUT;
	}

	private String show(Step step, boolean changing, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		model.addAttribute("screeningForm", this.journey.answers());
		return render(step, changing, model, request, response);
	}

	private String render(Step step, boolean changing, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		noStore(response);
		// the self-screening's own time-out, whatever the server's default for other sessions
		request.getSession().setMaxInactiveInterval((int) this.properties.sessionTimeout().toSeconds());
		ScreeningForm answers = this.journey.answers();
		model.addAttribute("step", step);
		model.addAttribute("stepNumber", step.number());
		model.addAttribute("stepCount", Step.values().length);
		model.addAttribute("questions", step.questions(answers));
		model.addAttribute("fieldsOnPage", targets(step.fields(answers)));
		model.addAttribute("changing", changing);
		model.addAttribute("areas", PainArea.values());
		model.addAttribute("durations", PainDuration.values());
		model.addAttribute("patterns", PainPattern.values());
		model.addAttribute("settings", Setting.values());
		model.addAttribute("equipmentCodes", Equipment.values());
		model.addAttribute("action", "/step/" + step.number());
		model.addAttribute("back", changing ? "/check"
				: step.previous().map((previous) -> "/step/" + previous.number()).orElse("/"));
		return STEP;
	}

	/**
	 * Each question asked, with its Change link: its step, marked as a change (so that saving comes
	 * back here), and the element that takes focus there.
	 */
	private static Map<String, String> changeLinks(ScreeningForm answers) {
		Map<String, String> links = new LinkedHashMap<>();
		for (Step step : Step.values()) {
			for (String field : step.fields(answers)) {
				links.put(field, "/step/" + step.number() + "?change#" + FieldTarget.of(field).target());
			}
		}
		return links;
	}

	/** Where focus goes after "No to all of these": the next question still to answer, or Continue. */
	private String nextToAnswer(Step step) {
		ScreeningForm answers = this.journey.answers();
		return (step == Step.HEALTH && answers.getAge() == null) ? "age" : "continue";
	}

	/** Each field with the element an error summary link moves focus to: its legend, or its input. */
	private static List<FieldTarget> targets(List<String> fields) {
		return fields.stream().map(FieldTarget::of).toList();
	}

	record FieldTarget(String field, String target) {

		static FieldTarget of(String field) {
			String id = ScreeningForm.idOf(field);
			return new FieldTarget(field, field.equals("age") ? id : id + "-legend");
		}

	}

	private static String redirectTo(Step step, boolean changing) {
		return "redirect:/step/" + step.number() + (changing ? "?change" : "");
	}

	/** A request that names a session the server no longer has: it timed out. */
	static boolean sessionEnded(HttpServletRequest request) {
		return request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
	}

	private static void noStore(HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
	}

}
