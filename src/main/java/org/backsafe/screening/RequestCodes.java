package org.backsafe.screening;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one way codes become a {@link ScreeningRequest}, for the web form, the JSON API and the rule
 * authors' scenario files alike: each code looked up the same way, an unknown one refused with the
 * same message (what was sent and every known code), never ignored; health questions answered Yes
 * and Not sure put together the same way, one question never answered both ways.
 */
public final class RequestCodes {

	private RequestCodes() {
	}

	/** The code of that name, exactly as the vocabulary spells it; empty when there is none. */
	public static <E extends Enum<E>> Optional<E> code(Class<E> type, String value) {
		if (value == null) {
			return Optional.empty();
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(value)) {
				return Optional.of(constant);
			}
		}
		return Optional.empty();
	}

	/** Every code of a kind, as a list for a message. */
	public static <E extends Enum<E>> String known(Class<E> type) {
		return Arrays.toString(type.getEnumConstants());
	}

	/**
	 * Why a value was refused: {@code shown} names it (quoted, or "this" when it is not safe to echo).
	 */
	public static <E extends Enum<E>> String unknown(String shown, Class<E> type) {
		return shown + " is not a known code; known codes: " + known(type);
	}

	/**
	 * The answers to the health questions: those answered Yes, those answered Not sure, the rest No.
	 * @throws IllegalArgumentException when a question is answered both Yes and Not sure
	 */
	public static Map<HealthQuestion, Response> answers(Collection<HealthQuestion> yes,
			Collection<HealthQuestion> unsure) {
		Map<HealthQuestion, Response> answers = new EnumMap<>(HealthQuestion.class);
		yes.forEach((q) -> answers.put(q, Response.YES));
		for (HealthQuestion q : unsure) {
			if (answers.put(q, Response.UNSURE) == Response.YES) {
				throw new IllegalArgumentException(q + " is answered both Yes and Not sure; answer it one way");
			}
		}
		return answers;
	}

	/**
	 * A request from codes already looked up.
	 * @throws IllegalArgumentException when a question is answered both ways, or a number is out of range
	 */
	public static ScreeningRequest request(int age, Collection<HealthQuestion> yes, Collection<HealthQuestion> unsure,
			PainProfile pain, Setting setting, Set<Equipment> equipment) {
		return new ScreeningRequest(age, answers(yes, unsure), pain, setting, equipment);
	}

}
