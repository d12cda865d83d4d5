package org.backsafe.selfscreening;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.backsafe.authoring.SourceLinks;
import org.backsafe.authoring.SourcesProperties;
import org.backsafe.questionnaire.HealthAnswer;
import org.backsafe.questionnaire.ScreeningForm;
import org.backsafe.rulebase.CurrentRuleBase;
import org.backsafe.rulebase.RuleBase;
import org.backsafe.rulebase.SourceTable;
import org.backsafe.screening.Disposition;
import org.backsafe.screening.EmergencyNumber;
import org.backsafe.screening.Equipment;
import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.PainArea;
import org.backsafe.screening.PainDuration;
import org.backsafe.screening.PainPattern;
import org.backsafe.screening.Reason;
import org.backsafe.result.ResultWording;
import org.backsafe.result.WordedResults;
import org.backsafe.screening.RuleBaseInfo;
import org.backsafe.screening.ScreeningResult;
import org.backsafe.screening.ScreeningService;
import org.backsafe.screening.Setting;
import org.backsafe.screening.Technique;
import org.backsafe.screening.TechniqueVerdict;
import org.backsafe.screening.UrgentAction;
import org.backsafe.screening.Verdict;
import org.backsafe.support.RuleFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The printable summary, and the source links on it and on the result page. The finished screening
 * is put into the session directly, so these tests do not depend on how the form asks its questions.
 */
@WebMvcTest({ ScreeningSummaryController.class, SelfScreeningController.class })
@Import({ CurrentScreening.class, Journey.class, ResultWording.class, WordedResults.class, SourceLinks.class })
@EnableConfigurationProperties({ EmergencyNumber.class, SourcesProperties.class, ServiceProperties.class,
		SelfScreeningProperties.class })
@TestPropertySource(properties = { "backsafe.sources.dir=target/summary-test-sources",
		"backsafe.service.name=Riverside Back Clinic", "backsafe.service.address=1 River Street, Springfield" })
class ScreeningSummaryControllerTests {

	/** A served document with the heading a reason cites. */
	static final String DOCUMENT = "000_e142765fd6634e76.txt";

	static final String TITLE = "The Art of Self-Massage: A Guide to Back Pain Relief";

	static final Reason DEEP_TISSUE_WHY = new Reason("deep-tissue-why",
			DOCUMENT + ", Deep Tissue Massage; Clinical pack: NICE NG59", null);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ScreeningService screenings;

	@MockitoBean
	CurrentRuleBase ruleBase;

	static RuleBase withRealSources;

	MockHttpSession session;

	@BeforeAll
	static void realSourcesAndOneServedDocument(@TempDir Path dir) throws IOException {
		RuleFolder folder = RuleFolder.in(dir).rule("any.drl", "any-rule", "Pain()", "insert(new Advice());");
		for (String table : List.of(SourceTable.FILE, "sources_es.properties")) {
			folder.write(table, Files.readString(RuleFolder.REAL_RULES.resolve(table)));
		}
		withRealSources = folder.compile();
		Path served = Files.createDirectories(Path.of("target", "summary-test-sources"));
		Files.writeString(served.resolve(DOCUMENT),
				"The Art of Self-Massage\n\nDeep Tissue Massage\n\nSlow, firm strokes reach the deeper layers.\n");
	}

	@BeforeEach
	void newSession() {
		this.session = new MockHttpSession();
		given(this.ruleBase.serving()).willReturn(Optional.of(withRealSources));
	}

	/** A finished screening in this session, as the result page leaves it. */
	private CurrentScreening screened(ScreeningResult result) throws Exception {
		// any page of the flow makes the session's screening; then it is filled in as the result page leaves it
		this.mvc.perform(get("/result/summary").session(this.session));
		CurrentScreening screening = Collections.list(this.session.getAttributeNames())
			.stream()
			.map(this.session::getAttribute)
			.filter(CurrentScreening.class::isInstance)
			.map(CurrentScreening.class::cast)
			.findFirst()
			.orElseThrow();
		screening.answered(answers());
		screening.screened(result);
		return screening;
	}

	private static ScreeningForm answers() {
		ScreeningForm form = new ScreeningForm();
		form.setAge(47);
		for (HealthQuestion question : HealthQuestion.values()) {
			form.getAnswers().put(question, HealthAnswer.NO);
		}
		form.getAnswers().put(HealthQuestion.CANCER, HealthAnswer.NOT_SURE);
		form.getAnswers().put(HealthQuestion.PREGNANCY, HealthAnswer.YES);
		form.setPainAreas(EnumSet.of(PainArea.LOWER_BACK, PainArea.UPPER_BACK));
		form.setPainDuration(PainDuration.CHRONIC);
		form.setPainSeverity(6);
		form.setPainWorsening(false);
		form.setPainPatterns(EnumSet.of(PainPattern.KNOTS));
		form.setSetting(Setting.SELF);
		form.setEquipment(EnumSet.of(Equipment.TENNIS_BALL));
		return form;
	}

	private static ScreeningResult caution() {
		List<TechniqueVerdict> verdicts = Arrays.stream(Technique.values())
			.map((t) -> (t == Technique.DEEP_TISSUE)
					? new TechniqueVerdict(t, Verdict.AVOID, false, List.of(DEEP_TISSUE_WHY), List.of())
					: new TechniqueVerdict(t, Verdict.SUITABLE, false, List.of(), List.of()))
			.toList();
		return new ScreeningResult(Disposition.PROCEED_WITH_CAUTION, null, List.of(), verdicts, List.of(),
				new RuleBaseInfo("v-42abc", Instant.now()), true, Set.of());
	}

	@Test
	void withNoResultInTheSessionSendsThePersonToTheStart() throws Exception {
		this.mvc.perform(get("/result/summary").session(this.session))
			.andExpect(redirectedUrl("/"))
			.andExpect(header().string("Cache-Control", "no-store"));
	}

	@Test
	void givesTheDateTheAnswersTheResultTheVersionAndTheService() throws Exception {
		CurrentScreening screening = screened(caution());
		String when = ScreeningSummaryController.when(screening.screenedAt(), Locale.ENGLISH);
		assertThat(when).contains(String.valueOf(screening.screenedAt().atZone(java.time.ZoneId.systemDefault()).getYear()));

		String page = this.mvc.perform(get("/result/summary").session(this.session).locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("Checked on " + when, "Rules version v-42abc", "Riverside Back Clinic",
				"1 River Street, Springfield");
		// each question in words with its answer
		assertThat(page).containsPattern("<dt>Cancer, now or in the past</dt>\\s*<dd>Not sure</dd>")
			.containsPattern("<dt>Pregnancy</dt>\\s*<dd>Yes</dd>")
			.containsPattern("<dt>How old are you\\?</dt>\\s*<dd>47</dd>")
			.containsPattern("<dd>Upper back, Lower back</dd>")
			.containsPattern("<dd>More than 12 weeks</dd>")
			.containsPattern("<dd>6 out of 10</dd>")
			.containsPattern("<dt>Is your pain getting worse\\?</dt>\\s*<dd>No</dd>")
			.containsPattern("<dd>Knots: tight, tender lumps in the muscle</dd>")
			.containsPattern("<dd>I will massage myself</dd>")
			.containsPattern("<dd>Tennis ball</dd>");
		// the result: its level, each technique's verdict with its reasons and sources
		assertThat(page).contains("Massage is possible, with care", "Deep tissue massage: Avoid", TITLE)
			.doesNotContain(DOCUMENT + ",");
		// the Print button is a script file's: no inline script
		assertThat(page).containsPattern("<script src=\"/js/print-summary(-[0-9a-f]{32})?\\.js\" defer></script>")
			.contains("id=\"print-summary\"")
			.doesNotContain("onclick", "<script>");
	}

	@Test
	void anUrgentResultSaysWhatToDoNowBeforeTheAnswers() throws Exception {
		screened(new ScreeningResult(Disposition.URGENT_CARE, UrgentAction.CALL_EMERGENCY_NUMBER, List.of(),
				List.of(), List.of(), new RuleBaseInfo("v-42abc", Instant.now()), true, Set.of()));

		String page = this.mvc.perform(get("/result/summary").session(this.session).locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		int urgent = page.indexOf("Call 112 now.");
		assertThat(urgent).isPositive().isLessThan(page.indexOf("The answers given"));
	}

	@Test
	void anUrgentResultPageSaysWhatToDoNowFirstAndAloneWithNoTechniqueAndNoSummaryLink() throws Exception {
		screened(new ScreeningResult(Disposition.URGENT_CARE, UrgentAction.CALL_EMERGENCY_NUMBER, List.of(),
				List.of(), List.of(), new RuleBaseInfo("v-42abc", Instant.now()), true, Set.of()));

		String page = this.mvc.perform(get("/result").session(this.session).locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		String main = page.substring(page.indexOf("<main"));
		assertThat(main).containsPattern("^<main[^>]*>\\s*<section[^>]*>\\s*<div class=\"disposition__banner\">"
				+ "\\s*<svg(?s:.*?)</svg>\\s*<h1[^>]*>Call 112 now. This is the emergency number.</h1>");
		assertThat(main).doesNotContain("class=\"card", "/result/summary");
	}

	@Test
	void aResultPageThatOffersTechniquesLinksToTheSummary() throws Exception {
		screened(caution());
		this.mvc.perform(get("/result").session(this.session).locale(Locale.ENGLISH))
			.andExpect(content().string(allOf(containsString("href=\"/result/summary\""),
					containsString("Print a summary for your therapist or doctor"))));
	}

	@Test
	void isInSpanishForASpanishReader() throws Exception {
		screened(caution());
		this.mvc.perform(get("/result/summary").session(this.session).locale(Locale.forLanguageTag("es")))
			.andExpect(content().string(allOf(containsString("Las respuestas dadas"), containsString("Revisado el"),
					containsString("No lo sé"))));
	}

	@Test
	void aSourceLinksToTheCitedSectionOfTheServedDocumentOnTheSummaryAndTheResult() throws Exception {
		screened(caution());
		String link = "href=\"/rules/sources/" + DOCUMENT + "#deep-tissue-massage\">" + TITLE
				+ ", &quot;Deep Tissue Massage&quot;</a>";
		for (String page : List.of("/result/summary", "/result")) {
			this.mvc.perform(get(page).session(this.session).locale(Locale.ENGLISH))
				.andExpect(content().string(allOf(containsString(link),
						// a part that cites no document stays plain text
						containsString("<cite>Clinical pack: NICE NG59</cite>"))));
		}
	}

	@Nested
	@TestPropertySource(properties = "backsafe.sources.dir=target/no-such-folder")
	class WhenTheDocumentsAreNotServed {

		@Test
		void aSourceIsItsTitleAndHeadingAsPlainText() throws Exception {
			screened(caution());
			for (String page : List.of("/result/summary", "/result")) {
				ScreeningSummaryControllerTests.this.mvc
					.perform(get(page).session(ScreeningSummaryControllerTests.this.session).locale(Locale.ENGLISH))
					.andExpect(content().string(allOf(containsString("<cite>" + TITLE + ", &quot;Deep Tissue Massage&quot;</cite>"),
							not(containsString("/rules/sources/")))));
			}
		}

	}

}
