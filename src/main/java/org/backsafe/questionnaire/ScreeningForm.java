package org.backsafe.questionnaire;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.backsafe.screening.Equipment;
import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.PainArea;
import org.backsafe.screening.PainDuration;
import org.backsafe.screening.PainPattern;
import org.backsafe.screening.PainProfile;
import org.backsafe.screening.RequestCodes;
import org.backsafe.screening.Response;
import org.backsafe.screening.ScreeningRequest;
import org.backsafe.screening.Setting;

/**
 * The questionnaire's answers as a browser sends them, shared by the self-screening page and the
 * kiosk. Every field may be missing until {@link ScreeningFormValidator} has passed it; only then
 * does {@link #toRequest()} turn it into the engine's input.
 */
public class ScreeningForm implements Serializable {

	private static final long serialVersionUID = 1L;


	private Integer age;

	private Map<HealthQuestion, HealthAnswer> answers = new EnumMap<>(HealthQuestion.class);

	private Set<PainArea> painAreas = EnumSet.noneOf(PainArea.class);

	private PainDuration painDuration;

	private Integer painSeverity;

	private Boolean painWorsening;

	private Set<PainPattern> painPatterns = EnumSet.noneOf(PainPattern.class);

	private Setting setting;

	private Set<Equipment> equipment = EnumSet.noneOf(Equipment.class);

	/** The form field (and request parameter) that holds the answer to one health question. */
	public static String answerField(HealthQuestion question) {
		return "answers[" + question.name() + "]";
	}

	/**
	 * The HTML id of a field's first input, which error summaries link to: {@code answers[CANCER]}
	 * becomes {@code answers-CANCER}.
	 */
	public static String idOf(String field) {
		return field.replace("[", "-").replace("]", "").replace(".", "-");
	}

	/** The engine's input. Call only once the validator found nothing wrong. */
	public ScreeningRequest toRequest() {
		if (this.age == null || this.painDuration == null || this.painSeverity == null || this.painWorsening == null
				|| this.setting == null || this.painAreas.isEmpty()
				|| this.answers.size() != HealthQuestion.values().length) {
			throw new IllegalStateException("The questionnaire is not complete");
		}
		Set<HealthQuestion> yes = EnumSet.noneOf(HealthQuestion.class);
		Set<HealthQuestion> unsure = EnumSet.noneOf(HealthQuestion.class);
		this.answers.forEach((question, answer) -> {
			Response response = answer.toResponse();
			if (response == Response.YES) {
				yes.add(question);
			}
			else if (response == Response.UNSURE) {
				unsure.add(question);
			}
		});
		PainProfile pain = new PainProfile(this.painAreas, this.painDuration, this.painSeverity, this.painWorsening,
				this.painPatterns);
		return RequestCodes.request(this.age, yes, unsure, pain, this.setting, this.equipment);
	}

	public HealthAnswer answerTo(HealthQuestion question) {
		return this.answers.get(question);
	}

	public Integer getAge() {
		return this.age;
	}

	public void setAge(Integer age) {
		this.age = age;
	}

	public Map<HealthQuestion, HealthAnswer> getAnswers() {
		return this.answers;
	}

	public void setAnswers(Map<HealthQuestion, HealthAnswer> answers) {
		this.answers = (answers != null) ? new EnumMap<>(answers) : new EnumMap<>(HealthQuestion.class);
	}

	public Set<PainArea> getPainAreas() {
		return this.painAreas;
	}

	public void setPainAreas(Set<PainArea> painAreas) {
		this.painAreas = copy(painAreas, PainArea.class);
	}

	public PainDuration getPainDuration() {
		return this.painDuration;
	}

	public void setPainDuration(PainDuration painDuration) {
		this.painDuration = painDuration;
	}

	public Integer getPainSeverity() {
		return this.painSeverity;
	}

	public void setPainSeverity(Integer painSeverity) {
		this.painSeverity = painSeverity;
	}

	public Boolean getPainWorsening() {
		return this.painWorsening;
	}

	public void setPainWorsening(Boolean painWorsening) {
		this.painWorsening = painWorsening;
	}

	public Set<PainPattern> getPainPatterns() {
		return this.painPatterns;
	}

	public void setPainPatterns(Set<PainPattern> painPatterns) {
		this.painPatterns = copy(painPatterns, PainPattern.class);
	}

	public Setting getSetting() {
		return this.setting;
	}

	public void setSetting(Setting setting) {
		this.setting = setting;
	}

	public Set<Equipment> getEquipment() {
		return this.equipment;
	}

	public void setEquipment(Set<Equipment> equipment) {
		this.equipment = copy(equipment, Equipment.class);
	}

	private static <E extends Enum<E>> Set<E> copy(Set<E> values, Class<E> type) {
		return (values == null || values.isEmpty()) ? EnumSet.noneOf(type) : EnumSet.copyOf(values);
	}

}
