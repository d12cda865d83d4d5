package org.backsafe.fhir;

import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.backsafe.questionnaire.QuestionsThatApply;
import org.backsafe.questionnaire.Section;
import org.backsafe.result.WordedResults;
import org.backsafe.screening.Equipment;
import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.PainArea;
import org.backsafe.screening.PainDuration;
import org.backsafe.screening.PainPattern;
import org.backsafe.screening.PainProfile;
import org.backsafe.screening.ScreeningRequest;
import org.backsafe.screening.Setting;
import org.backsafe.screening.Vocabulary;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.ValueSet;

import org.springframework.context.annotation.Lazy;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The questionnaire as a FHIR R4 {@code Questionnaire}, generated from the vocabulary and the
 * questionnaire's own sections, never written by hand: a code added to the vocabulary appears here
 * with its words. One item per question, its linkId the question's code; Yes / No / Not sure as a
 * value set; the neck's warning sign enabled by the pain areas that ask it
 * ({@link QuestionsThatApply}); the pain profile and the massage setting as groups of their own.
 * The text is in the language asked for, each other language as a translation extension. Built once
 * per language, then shared (HAPI resources are not safe to share, so each caller gets a copy).
 */
// built on the first FHIR or CDS Hooks request, not at start-up
@Lazy
@Component
public class FhirQuestionnaire {

	/** The linkIds of the items that are not health questions. */
	public static final String AGE = "age";

	public static final String PAIN_AREAS = "pain.areas";

	public static final String PAIN_DURATION = "pain.duration";

	public static final String PAIN_SEVERITY = "pain.severity";

	public static final String PAIN_WORSENING = "pain.worsening";

	public static final String PAIN_PATTERNS = "pain.patterns";

	public static final String SETTING = "setting";

	public static final String EQUIPMENT = "equipment";

	/** The groups, in the order they are asked; where the pain is comes first, as on the web form. */
	public static final String PAIN_GROUP = "pain";

	public static final String WARNING_SIGNS_GROUP = "warning-signs";

	public static final String HEALTH_GROUP = "health";

	public static final String MASSAGE_GROUP = "massage";

	/** The contained value set of the health questions' answers. */
	static final String YES_NO_UNSURE = "yes-no-unsure";

	static final String MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue";

	static final String MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue";

	private static final String ITEM_CONTROL = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl";

	private static final String ITEM_CONTROL_CODES = "http://hl7.org/fhir/questionnaire-item-control";

	private final MessageSource messages;

	private final Map<String, Questionnaire> built = new ConcurrentHashMap<>();

	private final Date date = new Date();

	public FhirQuestionnaire(MessageSource messages) {
		this.messages = messages;
	}

	/** The questionnaire's version: the vocabulary's. */
	public static String version() {
		return Integer.toString(Vocabulary.VERSION);
	}

	/** The questionnaire in a language the rules are worded in (English for any other). */
	public Questionnaire questionnaire(Locale locale) {
		String language = language(locale);
		return this.built.computeIfAbsent(language, (l) -> build(Locale.forLanguageTag(l))).copy();
	}

	/** A language the app has words in: the one asked for, or the first. */
	static String language(Locale locale) {
		String asked = (locale != null) ? locale.getLanguage() : "";
		return WordedResults.LANGUAGES.stream()
			.map(Locale::getLanguage)
			.filter(asked::equals)
			.findFirst()
			.orElse(WordedResults.LANGUAGES.get(0).getLanguage());
	}

	/**
	 * The pain areas whose presence asks a question; empty when it is always asked. Derived from
	 * {@link QuestionsThatApply} one area at a time: the generator refuses a rule that is not "any of
	 * these areas" (FHIR's {@code enableBehavior any}), rather than publish a different one.
	 */
	public static Optional<List<PainArea>> enabledBy(HealthQuestion question) {
		if (QuestionsThatApply.applies(question, EnumSet.noneOf(PainArea.class))) {
			return Optional.empty();
		}
		List<PainArea> areas = Stream.of(PainArea.values())
			.filter((area) -> QuestionsThatApply.applies(question, EnumSet.of(area)))
			.toList();
		for (int subset = 0; subset < (1 << PainArea.values().length); subset++) {
			EnumSet<PainArea> some = EnumSet.noneOf(PainArea.class);
			for (PainArea area : PainArea.values()) {
				if ((subset & (1 << area.ordinal())) != 0) {
					some.add(area);
				}
			}
			boolean any = some.stream().anyMatch(areas::contains);
			if (QuestionsThatApply.applies(question, some) != any) {
				throw new IllegalStateException(question + " is asked on a rule of the pain areas that FHIR's"
						+ " enableWhen (any of these areas) cannot say");
			}
		}
		return Optional.of(areas);
	}

	/** Whether the question is asked of someone with these answers (the same rule as the forms). */
	public static boolean asked(HealthQuestion question, ScreeningRequest answers) {
		return QuestionsThatApply.applies(question, answers.pain().areas());
	}

	private Questionnaire build(Locale locale) {
		Questionnaire questionnaire = new Questionnaire();
		questionnaire.setId(FhirCodes.QUESTIONNAIRE_ID);
		questionnaire.setUrl(FhirCodes.QUESTIONNAIRE_URL);
		questionnaire.setVersion(version());
		questionnaire.setName("Backsafe");
		questionnaire.setLanguage(locale.getLanguage());
		words(questionnaire.getTitleElement(), "questionnaire.heading", locale);
		words(questionnaire.getDescriptionElement(), "questionnaire.lead", locale);
		questionnaire.setStatus(PublicationStatus.ACTIVE);
		questionnaire.setPublisher("Backsafe");
		questionnaire.setDate(this.date);
		questionnaire.addSubjectType("Patient");
		questionnaire.addContained(yesNoUnsure(locale));

		QuestionnaireItemComponent pain = group(questionnaire, PAIN_GROUP, "questionnaire.section.pain", locale);
		choices(pain, PAIN_AREAS, "questionnaire.painAreas", PainArea.values(), true, true, locale);
		choices(pain, PAIN_DURATION, "questionnaire.painDuration", PainDuration.values(), true, false,
				locale);
		number(pain, PAIN_SEVERITY, "questionnaire.painSeverity", 0, PainProfile.MAX_SEVERITY, locale);
		question(pain, PAIN_WORSENING, QuestionnaireItemType.BOOLEAN, "questionnaire.painWorsening", true, locale);
		choices(pain, PAIN_PATTERNS, "questionnaire.painPatterns", PainPattern.values(), false, true,
				locale);

		QuestionnaireItemComponent warningSigns = group(questionnaire, WARNING_SIGNS_GROUP,
				"questionnaire.section.warningSigns", locale);
		Section.WARNING_SIGNS.getQuestions().forEach((q) -> healthQuestion(warningSigns, q, locale));

		QuestionnaireItemComponent health = group(questionnaire, HEALTH_GROUP, "questionnaire.section.health", locale);
		number(health, AGE, "questionnaire.age", 0, ScreeningRequest.MAX_AGE, locale);
		Section.HEALTH.getQuestions().forEach((q) -> healthQuestion(health, q, locale));

		QuestionnaireItemComponent massage = group(questionnaire, MASSAGE_GROUP, "questionnaire.section.massage",
				locale);
		choices(massage, SETTING, "questionnaire.setting", Setting.values(), true, false, locale);
		choices(massage, EQUIPMENT, "questionnaire.equipment", Equipment.values(), false, true, locale);
		return questionnaire;
	}

	/** Yes and No from HL7 table 0136, Not sure as "asked but unknown", worded in every language. */
	private ValueSet yesNoUnsure(Locale locale) {
		ValueSet answers = new ValueSet();
		answers.setId(YES_NO_UNSURE);
		answers.setUrl(FhirCodes.BASE + "/ValueSet/" + YES_NO_UNSURE);
		answers.setVersion(version());
		answers.setStatus(PublicationStatus.ACTIVE);
		answers.setName("YesNoNotSure");
		words(answers.getTitleElement(), "fhir.answers.title", locale);
		ValueSet.ConceptSetComponent yesNo = answers.getCompose().addInclude().setSystem(FhirCodes.YES_NO);
		ValueSet.ConceptSetComponent unsure = answers.getCompose().addInclude().setSystem(FhirCodes.DATA_ABSENT);
		ValueSet.ValueSetExpansionComponent expansion = answers.getExpansion().setTimestamp(this.date);
		for (YesNoUnsure answer : YesNoUnsure.values()) {
			ValueSet.ConceptSetComponent include = (answer == YesNoUnsure.NOT_SURE) ? unsure : yesNo;
			ValueSet.ConceptReferenceComponent concept = include.addConcept()
				.setCode(answer.code())
				.setDisplay(text(answer.key(), locale));
			for (Locale other : otherLanguages(locale)) {
				concept.addDesignation().setLanguage(other.getLanguage()).setValue(text(answer.key(), other));
			}
			expansion.addContains()
				.setSystem(answer.system())
				.setCode(answer.code())
				.setDisplay(text(answer.key(), locale));
		}
		return answers;
	}

	private void healthQuestion(QuestionnaireItemComponent group, HealthQuestion question, Locale locale) {
		QuestionnaireItemComponent item = question(group, question.name(), QuestionnaireItemType.CHOICE,
				"question." + question.name(), true, locale);
		item.addCode(new Coding(FhirCodes.system(HealthQuestion.class), question.name(), null));
		item.setAnswerValueSet("#" + YES_NO_UNSURE);
		enabledBy(question).ifPresent((areas) -> {
			areas.forEach((area) -> item.addEnableWhen()
				.setQuestion(PAIN_AREAS)
				.setOperator(Questionnaire.QuestionnaireItemOperator.EQUAL)
				.setAnswer(coding(area, locale)));
			if (areas.size() > 1) {
				item.setEnableBehavior(Questionnaire.EnableWhenBehavior.ANY);
			}
		});
		help(item, "question." + question.name() + ".help", locale);
	}

	private QuestionnaireItemComponent group(Questionnaire questionnaire, String linkId, String key, Locale locale) {
		QuestionnaireItemComponent group = questionnaire.addItem().setLinkId(linkId).setType(QuestionnaireItemType.GROUP);
		words(group.getTextElement(), key, locale);
		return group;
	}

	private QuestionnaireItemComponent question(QuestionnaireItemComponent group, String linkId,
			QuestionnaireItemType type, String key, boolean required, Locale locale) {
		QuestionnaireItemComponent item = group.addItem().setLinkId(linkId).setType(type).setRequired(required);
		words(item.getTextElement(), key, locale);
		return item;
	}

	private void number(QuestionnaireItemComponent group, String linkId, String key, int min, int max,
			Locale locale) {
		QuestionnaireItemComponent item = question(group, linkId, QuestionnaireItemType.INTEGER, key, true, locale);
		item.addExtension(MIN_VALUE, new IntegerType(min));
		item.addExtension(MAX_VALUE, new IntegerType(max));
		help(item, key + ".hint", locale);
	}

	private <E extends Enum<E>> void choices(QuestionnaireItemComponent group, String linkId, String key, E[] codes,
			boolean required, boolean repeats, Locale locale) {
		QuestionnaireItemComponent item = question(group, linkId, QuestionnaireItemType.CHOICE, key, required, locale);
		item.setRepeats(repeats);
		for (E code : codes) {
			item.addAnswerOption().setValue(coding(code, locale));
		}
		help(item, key + ".hint", locale);
	}

	/** A code of the vocabulary as an answer, worded in the language given. */
	public Coding coding(Enum<?> code, Locale locale) {
		@SuppressWarnings("unchecked")
		Class<? extends Enum<?>> type = (Class<? extends Enum<?>>) code.getDeclaringClass();
		Coding coding = new Coding(FhirCodes.system(type), code.name(), null);
		words(coding.getDisplayElement(), codeKey(code), locale);
		return coding;
	}

	/** The kinds of code the questionnaire offers as answers to choose from. */
	private static final Set<Class<?>> ANSWER_CODES = Set.of(PainArea.class, PainDuration.class, PainPattern.class,
			Setting.class, Equipment.class);

	static String codeKey(Enum<?> code) {
		if (!ANSWER_CODES.contains(code.getDeclaringClass())) {
			throw new IllegalArgumentException("not an answer of the questionnaire: " + code);
		}
		return Vocabulary.wordsKey(code);
	}

	/** Help text as a display item the form filler shows on request, when there is any. */
	private void help(QuestionnaireItemComponent item, String key, Locale locale) {
		if (this.messages.getMessage(key, null, null, locale) == null) {
			return;
		}
		QuestionnaireItemComponent help = item.addItem()
			.setLinkId(item.getLinkId() + ".help")
			.setType(QuestionnaireItemType.DISPLAY);
		words(help.getTextElement(), key, locale);
		help.addExtension(ITEM_CONTROL, new CodeableConcept(new Coding(ITEM_CONTROL_CODES, "help", "Help-Button")));
	}

	/** Text in the language asked for, and each other language as a translation extension. */
	private void words(StringType element, String key, Locale locale) {
		element.setValue(text(key, locale));
		for (Locale other : otherLanguages(locale)) {
			Extension translation = element.addExtension().setUrl(FhirCodes.TRANSLATION);
			translation.addExtension("lang", new org.hl7.fhir.r4.model.CodeType(other.getLanguage()));
			translation.addExtension("content", new StringType(text(key, other)));
		}
	}

	private static List<Locale> otherLanguages(Locale locale) {
		return WordedResults.LANGUAGES.stream().filter((l) -> !l.getLanguage().equals(locale.getLanguage())).toList();
	}

	/** A key's words; a missing key fails the build of the questionnaire (MessageBundlesTests finds it first). */
	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

	/** An answer to a health question as a code, worded in the language given. */
	Coding coding(YesNoUnsure answer, Locale locale) {
		return new Coding(answer.system(), answer.code(), text(answer.key(), locale));
	}

	/** The three answers to a health question, as codes. */
	enum YesNoUnsure {

		YES, NO, NOT_SURE;

		String system() {
			return (this == NOT_SURE) ? FhirCodes.DATA_ABSENT : FhirCodes.YES_NO;
		}

		String code() {
			return switch (this) {
				case YES -> FhirCodes.YES;
				case NO -> FhirCodes.NO;
				case NOT_SURE -> FhirCodes.NOT_SURE;
			};
		}

		String key() {
			return "answer." + name();
		}

	}

}
