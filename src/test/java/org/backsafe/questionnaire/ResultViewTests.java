package org.backsafe.questionnaire;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.backsafe.authoring.SourceLinks;
import org.backsafe.authoring.SourcesProperties;
import org.backsafe.questionnaire.ResultView.Card;
import org.backsafe.questionnaire.ResultView.Cite;
import org.backsafe.questionnaire.ResultView.Group;
import org.backsafe.questionnaire.ResultView.Line;
import org.backsafe.rulebase.CurrentRuleBase;
import org.backsafe.screening.Disposition;
import org.backsafe.screening.EmergencyNumber;
import org.backsafe.screening.Reason;
import org.backsafe.result.ResultWording;
import org.backsafe.result.WordedResults;
import org.backsafe.screening.RuleBaseInfo;
import org.backsafe.screening.ScreeningResult;
import org.backsafe.screening.Technique;
import org.backsafe.screening.TechniqueVerdict;
import org.backsafe.screening.Triage;
import org.backsafe.screening.UrgentAction;
import org.backsafe.screening.Verdict;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * A result in words, from results made by hand: the application's message bundles word the fold's
 * own reasons and the actions, and a few made-up rules have their words below. No rule base serves,
 * so nothing but these words can show.
 */
class ResultViewTests {

	static final Locale ENGLISH = Locale.ENGLISH;

	static final Reason URGENT_ONLY = fold(Triage.NO_TECHNIQUE_URGENT);

	static final Reason UNTIL_WELL = fold(Triage.NO_TECHNIQUE_UNTIL_WELL);

	static final Reason LIGHT_PRESSURE = rule("light-pressure");

	static final Reason PRESS_DEEPER = rule("press-deeper");

	static final Reason TIP = rule("a-tip");

	static ResultWording wording(String emergencyNumber) {
		ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
		bundles.setBasenames("messages/engine", "messages/web");
		bundles.setDefaultEncoding("UTF-8");
		bundles.setFallbackToSystemLocale(false);
		StaticMessageSource rules = new StaticMessageSource();
		rules.setParentMessageSource(bundles);
		rules.addMessage("reason.light-pressure", ENGLISH, "Use light pressure only.");
		rules.addMessage("reason.press-deeper", ENGLISH, "Press deeper into the knot.");
		rules.addMessage("reason.a-tip", ENGLISH, "Drink water afterwards.");
		rules.addMessage("reason.chest-pain", ENGLISH, "Chest pain can come from the heart.");
		rules.addMessage("reason.cold", ENGLISH, "You have a cold.");
		rules.addMessage("reason.with-therapist", ENGLISH, "Best done by a therapist.");
		return new ResultWording(rules, mock(CurrentRuleBase.class), new EmergencyNumber(emergencyNumber));
	}

	static ResultView view(ScreeningResult result) {
		return ResultView.of(new WordedResults(wording("112")).word(result, ENGLISH));
	}

	static Reason rule(String id) {
		return new Reason(id, "Clinical pack", null);
	}

	static Reason fold(String id) {
		return new Reason(id, Triage.SAFETY_DESIGN_SOURCE, null);
	}

	static TechniqueVerdict verdict(Technique technique, Verdict verdict, Reason... reasons) {
		return new TechniqueVerdict(technique, verdict, false, List.of(reasons),
				verdict.isAllowed() ? List.of(PRESS_DEEPER) : List.of());
	}

	static TechniqueVerdict withTherapist(Technique technique, Verdict verdict, Reason... reasons) {
		List<Reason> all = new ArrayList<>(List.of(reasons));
		all.add(rule("with-therapist"));
		return new TechniqueVerdict(technique, verdict, true, all, List.of());
	}

	/** All twelve: the ones given, the rest as the default gives them. */
	static List<TechniqueVerdict> techniques(List<TechniqueVerdict> given, TechniqueVerdict byDefault) {
		List<TechniqueVerdict> all = new ArrayList<>();
		for (Technique technique : Technique.values()) {
			all.add(given.stream()
				.filter((v) -> v.technique() == technique)
				.findFirst()
				.orElse(new TechniqueVerdict(technique, byDefault.verdict(), false, byDefault.reasons(),
						byDefault.howTo())));
		}
		return all;
	}

	static ScreeningResult result(Disposition disposition, UrgentAction action, List<Reason> reasons,
			List<TechniqueVerdict> techniques) {
		return new ScreeningResult(disposition, action, reasons, techniques, List.of(TIP),
				new RuleBaseInfo("abc123", Instant.now()), true, Set.of());
	}

	static ScreeningResult urgent(UrgentAction action) {
		return result(Disposition.URGENT_CARE, action, List.of(rule("chest-pain")),
				techniques(List.of(), new TechniqueVerdict(Technique.SWEDISH, Verdict.AVOID, false,
						List.of(URGENT_ONLY), List.of())));
	}

	static List<String> texts(List<Line> lines) {
		return lines.stream().map(Line::text).toList();
	}

	static Group group(ResultView view, String kind) {
		return view.groups().stream().filter((g) -> g.kind().equals(kind)).findFirst().orElseThrow();
	}

	static Card card(ResultView view, Technique technique) {
		return view.groups()
			.stream()
			.flatMap((g) -> g.cards().stream())
			.filter((c) -> c.technique() == technique)
			.findFirst()
			.orElseThrow();
	}

	@Nested
	class Urgent {

		@Test
		void callingTheEmergencyNumberIsSaidWithTheNumberAndTheLinkThatDialsIt() {
			ResultView view = view(urgent(UrgentAction.CALL_EMERGENCY_NUMBER));
			assertThat(view.urgent().text()).isEqualTo("Call 112 now. This is the emergency number.");
			assertThat(view.urgent().number()).isEqualTo("112");
			assertThat(view.urgent().telUri()).isEqualTo("tel:112");
			assertThat(view.urgent().callEmergencyNumber()).isTrue();
		}

		@Test
		void theNumberIsThisInstallationsSetting() {
			ResultView view = ResultView.of(new WordedResults(wording("911")).word(urgent(UrgentAction.CALL_EMERGENCY_NUMBER), ENGLISH));
			assertThat(view.urgent().text()).isEqualTo("Call 911 now. This is the emergency number.");
			assertThat(view.urgent().telUri()).isEqualTo("tel:911");
		}

		@Test
		void goingToAnEmergencyDepartmentStillCarriesTheNumberForWhoCannotGetThere() {
			ResultView view = view(urgent(UrgentAction.GO_TO_EMERGENCY_DEPARTMENT));
			assertThat(view.urgent().text()).isEqualTo("Go to an emergency department now. Do not drive yourself.");
			assertThat(view.urgent().callEmergencyNumber()).isFalse();
			assertThat(view.urgent().telUri()).isEqualTo("tel:112");
		}

		@Test
		void theTwelveCardsCollapseToOneLine() {
			ResultView view = view(urgent(UrgentAction.CALL_EMERGENCY_NUMBER));
			assertThat(view.groups()).isEmpty();
			assertThat(texts(view.withheld())).containsExactly("No massage until you have been seen.");
		}

		@Test
		void theReasonsStayAndNoTipForMassageIsGiven() {
			ResultView view = view(urgent(UrgentAction.CALL_EMERGENCY_NUMBER));
			assertThat(texts(view.reasons())).containsExactly("Chest pain can come from the heart.");
			assertThat(view.advice()).isEmpty();
		}

		@Test
		void noOtherResultHasAnUrgentAction() {
			for (Disposition disposition : Disposition.values()) {
				if (!disposition.isUrgent()) {
					ResultView view = view(result(disposition, UrgentAction.CALL_EMERGENCY_NUMBER, List.of(),
							techniques(List.of(), verdict(Technique.SWEDISH, Verdict.AVOID, UNTIL_WELL))));
					assertThat(view.urgent()).as(disposition.name()).isNull();
					assertThat(view.withheld()).as(disposition.name()).isEmpty();
				}
			}
		}

	}

	@Nested
	class WaitUntilWell {

		ScreeningResult waiting = result(Disposition.WAIT_UNTIL_WELL, null, List.of(rule("cold")),
				techniques(List.of(verdict(Technique.DEEP_TISSUE, Verdict.AVOID, UNTIL_WELL, LIGHT_PRESSURE)),
						verdict(Technique.SWEDISH, Verdict.AVOID, UNTIL_WELL)));

		@Test
		void offersNoTechniqueAndNoTipButSaysWhy() {
			ResultView view = view(this.waiting);
			assertThat(view.urgent()).isNull();
			assertThat(view.groups()).extracting(Group::kind).containsExactly("AVOID");
			assertThat(group(view, "AVOID").cards()).hasSize(12);
			assertThat(view.advice()).isEmpty();
			assertThat(texts(view.reasons())).containsExactly("You have a cold.");
		}

		@Test
		void notTodayIsSaidOnceAndATechniquesOwnRestrictionStaysOnItsCard() {
			ResultView view = view(this.waiting);
			assertThat(texts(group(view, "AVOID").shared())).containsExactly("Not today. Wait until you are well again.");
			assertThat(texts(card(view, Technique.DEEP_TISSUE).reasons())).containsExactly("Use light pressure only.");
			assertThat(card(view, Technique.SWEDISH).reasons()).isEmpty();
		}

	}

	@Nested
	class WithATrainedTherapist {

		ResultView view = view(result(Disposition.PROCEED_WITH_CAUTION, null, List.of(),
				techniques(List.of(verdict(Technique.SWEDISH, Verdict.RECOMMENDED),
						withTherapist(Technique.DEEP_TISSUE, Verdict.RECOMMENDED),
						withTherapist(Technique.HOT_STONE, Verdict.MODIFY, LIGHT_PRESSURE),
						withTherapist(Technique.SHIATSU, Verdict.AVOID, UNTIL_WELL)),
						verdict(Technique.STRETCHING, Verdict.SUITABLE))));

		@Test
		void anAllowedTechniqueBestDoneByATherapistIsNeverInAGroupToTryAlone() {
			assertThat(this.view.groups()).extracting(Group::kind)
				.containsExactly("RECOMMENDED", "SUITABLE", ResultView.WITH_THERAPIST, "AVOID");
			assertThat(group(this.view, "RECOMMENDED").cards()).extracting(Card::technique)
				.containsExactly(Technique.SWEDISH);
			assertThat(group(this.view, ResultView.WITH_THERAPIST).cards()).extracting(Card::technique)
				.containsExactly(Technique.DEEP_TISSUE, Technique.HOT_STONE);
			for (Group group : this.view.groups()) {
				if (!group.kind().equals(ResultView.WITH_THERAPIST)) {
					assertThat(group.cards()).as(group.kind())
						.noneMatch((c) -> c.professionalOnly() && c.verdict().isAllowed());
				}
			}
		}

		@Test
		void eachCardKeepsItsOwnVerdictAndTheChangeItNeeds() {
			Group therapist = group(this.view, ResultView.WITH_THERAPIST);
			assertThat(therapist.verdict()).isNull();
			assertThat(therapist.shared()).isEmpty();
			assertThat(therapist.cards()).extracting(Card::verdictName)
				.containsExactly("Recommended", "Change how you do it");
			assertThat(texts(card(this.view, Technique.HOT_STONE).reasons())).contains("Use light pressure only.");
		}

		@Test
		void aTechniqueToAvoidStaysWithTheOnesToAvoid() {
			assertThat(group(this.view, "AVOID").cards()).extracting(Card::technique)
				.containsExactly(Technique.SHIATSU);
		}

	}

	@Nested
	class Modify {

		@Test
		void aChangeSharedByEveryCardStaysOnEachCard() {
			ResultView view = view(result(Disposition.PROCEED_WITH_CAUTION, null, List.of(),
					techniques(List.of(verdict(Technique.DEEP_TISSUE, Verdict.MODIFY, LIGHT_PRESSURE),
							verdict(Technique.FOAM_ROLLING, Verdict.MODIFY, LIGHT_PRESSURE)),
							verdict(Technique.SWEDISH, Verdict.SUITABLE))));
			Group modify = group(view, "MODIFY");
			assertThat(modify.shared()).isEmpty();
			assertThat(modify.cards()).hasSize(2)
				.allSatisfy((c) -> assertThat(texts(c.reasons())).containsExactly("Use light pressure only."));
			// and the how-to, which may say the opposite, stays apart from the change
			assertThat(modify.cards())
				.allSatisfy((c) -> assertThat(texts(c.howTo())).containsExactly("Press deeper into the knot."));
		}

		@Test
		void aReasonSharedByEveryCardToAvoidIsSaidOnceForTheGroup() {
			ResultView view = view(result(Disposition.SEE_DOCTOR, null, List.of(),
					techniques(List.of(), verdict(Technique.SWEDISH, Verdict.AVOID, LIGHT_PRESSURE))));
			assertThat(texts(group(view, "AVOID").shared())).containsExactly("Use light pressure only.");
			assertThat(group(view, "AVOID").cards()).allSatisfy((c) -> assertThat(c.reasons()).isEmpty());
		}

	}

	@Nested
	class Tips {

		@Test
		void areGivenOnlyWhereSomeTechniqueIsOffered() {
			for (Disposition disposition : Disposition.values()) {
				ResultView view = view(result(disposition,
						disposition.isUrgent() ? UrgentAction.GO_TO_EMERGENCY_DEPARTMENT : null, List.of(),
						techniques(List.of(), verdict(Technique.SWEDISH, Verdict.SUITABLE))));
				assertThat(view.advice().isEmpty()).as(disposition.name()).isEqualTo(disposition.offersNoTechnique());
			}
		}

	}

	@Nested
	class AllFiveGroups {

		@Test
		void comeInTheOrderAPersonActsOnThemWithTheChangeOnItsCardAndTheTherapistsApart() {
			ResultView view = view(result(Disposition.PROCEED_WITH_CAUTION, null, List.of(),
					techniques(List.of(verdict(Technique.SWEDISH, Verdict.RECOMMENDED),
							verdict(Technique.FOAM_ROLLING, Verdict.MODIFY, LIGHT_PRESSURE),
							verdict(Technique.DEEP_TISSUE, Verdict.AVOID, LIGHT_PRESSURE),
							withTherapist(Technique.TRIGGER_POINT, Verdict.SUITABLE)),
							verdict(Technique.STRETCHING, Verdict.SUITABLE))));

			assertThat(view.groups()).extracting(Group::kind)
				.containsExactly("RECOMMENDED", "SUITABLE", "MODIFY", ResultView.WITH_THERAPIST, "AVOID");
			assertThat(texts(card(view, Technique.FOAM_ROLLING).reasons())).containsExactly("Use light pressure only.");
			assertThat(group(view, ResultView.WITH_THERAPIST).cards()).extracting(Card::technique)
				.containsExactly(Technique.TRIGGER_POINT);
		}

	}

	/** Each source part by part, linked to its passage only when the documents are served. */
	@Nested
	class Sources {

		static final Reason CITED = new Reason("light-pressure",
				"000_e142765fd6634e76.txt, Deep Tissue Massage; Clinical pack", null);

		ScreeningResult cited() {
			return result(Disposition.PROCEED, null, List.of(CITED), techniques(List.of(),
					new TechniqueVerdict(Technique.SWEDISH, Verdict.SUITABLE, false, List.of(CITED), List.of())));
		}

		@Test
		void linkToTheCitedHeadingOfAServedDocument(@TempDir Path folder) throws IOException {
			Files.writeString(folder.resolve("000_e142765fd6634e76.txt"), "A guide\n\nDeep Tissue Massage\n\nText.\n");
			ResultView view = ResultView.of(new WordedResults(wording("112")).word(cited(), ENGLISH),
					new SourceLinks(new SourcesProperties(folder.toString())));

			assertThat(view.reasons().get(0).cites()).containsExactly(
					new Cite("\"Deep Tissue Massage\"", "/rules/sources/000_e142765fd6634e76.txt#deep-tissue-massage"),
					new Cite("Clinical pack", null));
			// said once for the twelve cards that share it, and linked there too
			assertThat(group(view, "SUITABLE").shared().get(0).cites().get(0).href())
				.isEqualTo("/rules/sources/000_e142765fd6634e76.txt#deep-tissue-massage");
		}

		@Test
		void arePlainTextWhenTheDocumentsAreNotServed(@TempDir Path folder) {
			ResultView view = ResultView.of(new WordedResults(wording("112")).word(cited(), ENGLISH),
					new SourceLinks(new SourcesProperties(folder.resolve("missing").toString())));

			assertThat(view.reasons().get(0).cites()).containsExactly(new Cite("\"Deep Tissue Massage\"", null),
					new Cite("Clinical pack", null));
		}

		@Test
		void arePlainTextWhereNoLinkMayLeaveThePage() {
			assertThat(view(cited()).reasons().get(0).cites()).extracting(Cite::href).containsOnlyNulls();
		}

	}

}
