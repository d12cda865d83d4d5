package org.backsafe.selfscreening;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.backsafe.authoring.SourceLinks;
import org.backsafe.questionnaire.ResultView;
import org.backsafe.questionnaire.Section;
import org.backsafe.result.WordedResults;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The printable summary of this session's screening, for a therapist or doctor: when it was done,
 * every answer, the result with its reasons and sources, the rule base's version and the service
 * that ran it. It shows answers, so like the other pages that do, it is never cached.
 */
@Controller
class ScreeningSummaryController {

	static final String SUMMARY = "selfscreening/summary";

	private final CurrentScreening current;

	private final WordedResults words;

	private final SourceLinks sourceLinks;

	private final ServiceProperties service;

	ScreeningSummaryController(CurrentScreening current, WordedResults words, SourceLinks sourceLinks,
			ServiceProperties service) {
		this.current = current;
		this.words = words;
		this.sourceLinks = sourceLinks;
		this.service = service;
	}

	@GetMapping("/result/summary")
	String summary(Model model, Locale locale, HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		if (this.current.result() == null || this.current.answers() == null) {
			return "redirect:/";
		}
		model.addAttribute("result", ResultView.of(this.words.word(this.current.result(), locale), this.sourceLinks));
		model.addAttribute("answers", this.current.answers());
		model.addAttribute("warningSigns", Section.WARNING_SIGNS.getQuestions());
		model.addAttribute("healthQuestions", Section.HEALTH.getQuestions());
		model.addAttribute("screenedAt", when(this.current.screenedAt(), locale));
		model.addAttribute("service", this.service);
		return SUMMARY;
	}

	/** The date and time of the screening as people write it in that language, in the server's time zone. */
	static String when(Instant at, Locale locale) {
		if (at == null) {
			return null;
		}
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
			.withLocale(locale)
			.withZone(ZoneId.systemDefault())
			.format(at);
	}

}
