package org.backsafe.cdshooks;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.backsafe.cdshooks.CdsRequestReader.CdsCall;
import org.backsafe.result.WordedResult;
import org.backsafe.result.WordedResults;
import org.backsafe.screening.Disposition;
import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.PainArea;
import org.backsafe.screening.PainDuration;
import org.backsafe.screening.PainProfile;
import org.backsafe.screening.Response;
import org.backsafe.screening.ScreeningRequest;
import org.backsafe.screening.ScreeningResult;
import org.backsafe.screening.ScreeningService;
import org.backsafe.screening.Setting;
import org.backsafe.screening.Verdict;

import org.springframework.context.annotation.Lazy;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Screens a patient's record through the same rules as every other face, and says what it found
 * as a card. The record answers only the questions it says Yes to; the rest stay unanswered and
 * the card lists them. With a neutral pain profile (lower back, under 6 weeks, severity 0, not
 * worse, no pattern), a therapist giving the massage and no equipment, the result is a floor: by
 * the rules' monotony (DESIGN section 4, invariant 7) the patient's own answers can only raise it.
 */
// built on the first FHIR or CDS Hooks request, not at start-up
@Lazy
@Service
class RecordScreening {

	/** The pain profile that adds nothing: what the record cannot say about the pain. */
	static final PainProfile NEUTRAL_PAIN = new PainProfile(Set.of(PainArea.LOWER_BACK), PainDuration.ACUTE, 0, false,
			Set.of());

	private final CdsRequestReader reader;

	private final RecordCodes codes;

	private final ScreeningService screenings;

	private final WordedResults worded;

	private final CardWriter cards;

	private final MessageSource messages;

	private final Clock clock;

	RecordScreening(CdsRequestReader reader, RecordCodes codes, ScreeningService screenings, WordedResults worded,
			CardWriter cards, MessageSource messages) {
		this.reader = reader;
		this.codes = codes;
		this.screenings = screenings;
		this.worded = worded;
		this.cards = cards;
		this.messages = messages;
		this.clock = Clock.systemDefaultZone();
	}

	CdsJson.Discovery discovery(Locale locale) {
		return new CdsJson.Discovery(Stream.of(CdsService.values())
			.map((s) -> new CdsJson.Service(s.hook(), this.messages.getMessage(s.messageKey() + ".title", null, locale),
					this.messages.getMessage(s.messageKey() + ".description", null, locale), s.id(),
					CdsService.PREFETCH))
			.toList());
	}

	/**
	 * The cards for one call to a service.
	 * @param links where the card's links point: the self-screening start page and the FHIR
	 * questionnaire, absolute
	 * @throws CdsRefused when the service is unknown or the call cannot be read
	 */
	CdsJson.Cards answer(String serviceId, byte[] body, Locale locale, CardWriter.Links links) {
		CdsService service = CdsService.byId(serviceId)
			.orElseThrow(() -> new CdsRefused(HttpStatus.NOT_FOUND,
					"There is no CDS service by that id; GET /cds-services lists them."));
		CdsCall call = this.reader.read(service, body);
		RecordAnswers answers = RecordAnswers.of(call.record(), this.codes, LocalDate.now(this.clock));
		ScreeningResult result = screen(answers);
		WordedResult words = this.worded.word(result, locale);
		return new CdsJson.Cards(List.of(this.cards.card(answers, words, call.record(), this.codes, locale, links)));
	}

	/**
	 * The record's answers screened at each age the birth date allows; the result that needs the
	 * most care is kept (a failed screening first of all).
	 */
	ScreeningResult screen(RecordAnswers answers) {
		Map<HealthQuestion, Response> yes = new java.util.EnumMap<>(HealthQuestion.class);
		answers.yes().keySet().forEach((q) -> yes.put(q, Response.YES));
		return answers.ages()
			.stream()
			.map((age) -> this.screenings
				.screen(new ScreeningRequest(age, yes, NEUTRAL_PAIN, Setting.PROFESSIONAL, Set.of())))
			.max(MOST_CARE)
			.orElseThrow();
	}

	/** A failed screening, then the more severe disposition, then more techniques avoided, then changed. */
	static final Comparator<ScreeningResult> MOST_CARE = Comparator
		.<ScreeningResult, Boolean>comparing((r) -> !r.completed())
		.thenComparing(ScreeningResult::disposition)
		.thenComparingLong((r) -> r.techniques().stream().filter((t) -> t.verdict() == Verdict.AVOID).count())
		.thenComparingLong((r) -> r.techniques().stream().filter((t) -> t.verdict() == Verdict.MODIFY).count());

	static String indicator(WordedResult result) {
		if (!result.completed()) {
			return "warning";
		}
		Disposition disposition = result.disposition();
		return switch (disposition) {
			case URGENT_CARE -> "critical";
			case SEE_DOCTOR, WAIT_UNTIL_WELL -> "warning";
			default -> "info";
		};
	}

}
