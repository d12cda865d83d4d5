package org.backsafe.selfscreening;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.backsafe.authoring.SourceLinks;
import org.backsafe.questionnaire.ResultView;
import org.backsafe.questionnaire.ScreeningForm;
import org.backsafe.questionnaire.ScreeningFormValidator;
import org.backsafe.screening.ResultWording;
import org.backsafe.screening.ScreeningService;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The self-screening pages: the questionnaire, "check your answers", and the result. Every POST
 * redirects; the answers and the result are kept in the session only for the current screening,
 * and no page that shows them may be cached.
 */
@Controller
class SelfScreeningController {

	static final String QUESTIONNAIRE = "selfscreening/questionnaire";

	static final String CHECK = "selfscreening/check";

	static final String RESULT = "selfscreening/result";

	private final ScreeningService screenings;

	private final ResultWording wording;

	private final CurrentScreening current;

	private final SourceLinks sourceLinks;

	private final ScreeningFormValidator validator = new ScreeningFormValidator();

	SelfScreeningController(ScreeningService screenings, ResultWording wording, CurrentScreening current,
			SourceLinks sourceLinks) {
		this.screenings = screenings;
		this.wording = wording;
		this.current = current;
		this.sourceLinks = sourceLinks;
	}

	@GetMapping("/")
	String questionnaire(Model model, HttpServletResponse response) {
		noStore(response);
		ScreeningForm answers = this.current.answers();
		model.addAttribute("screeningForm", (answers != null) ? answers : new ScreeningForm());
		return QUESTIONNAIRE;
	}

	@PostMapping("/")
	String answer(@ModelAttribute("screeningForm") ScreeningForm form, BindingResult errors,
			HttpServletResponse response) {
		noStore(response);
		this.validator.validate(form, errors);
		if (errors.hasErrors()) {
			return QUESTIONNAIRE;
		}
		this.current.answered(form);
		return "redirect:/check";
	}

	@GetMapping("/check")
	String check(Model model, HttpServletResponse response) {
		noStore(response);
		if (this.current.answers() == null) {
			return "redirect:/";
		}
		model.addAttribute("screeningForm", this.current.answers());
		return CHECK;
	}

	@PostMapping("/check")
	String screen() {
		ScreeningForm answers = this.current.answers();
		if (answers == null) {
			return "redirect:/";
		}
		this.current.screened(this.screenings.screen(answers.toRequest()));
		return "redirect:/result";
	}

	@GetMapping("/result")
	String result(Model model, Locale locale, HttpServletResponse response) {
		noStore(response);
		if (this.current.result() == null) {
			return "redirect:/";
		}
		model.addAttribute("result", ResultView.of(this.current.result(), this.wording, this.sourceLinks, locale));
		return RESULT;
	}

	@PostMapping("/restart")
	String restart() {
		this.current.clear();
		return "redirect:/";
	}

	private static void noStore(HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
	}

}
