package org.backsafe.screening;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The vocabulary of codes a client sends and reads back (DESIGN section 3), and its version. Each
 * code knows the version that added it; the vocabulary's version is the highest of those, so adding
 * a code with a new {@code since} is all it takes to raise it, and the two cannot drift apart.
 */
public final class Vocabulary {

	/** Urgent actions came with version 2 of the vocabulary, all of them. */
	static final int URGENT_ACTIONS_SINCE = 2;

	/** Every kind of code in the vocabulary: what a client sends, then what it reads back. */
	public static final List<Class<? extends Enum<?>>> CODE_TYPES = List.of(HealthQuestion.class, PainPattern.class,
			PainArea.class, PainDuration.class, Setting.class, Equipment.class, Disposition.class, Verdict.class,
			Technique.class, UrgentAction.class);

	/** The current version of the vocabulary: the highest version any code was added in. */
	public static final int VERSION = CODE_TYPES.stream()
		.flatMap((type) -> Stream.of(type.getEnumConstants()))
		.mapToInt(Vocabulary::since)
		.max()
		.orElseThrow();

	/** Where the words of each kind of code start in the message bundles (engine*.properties). */
	private static final Map<Class<?>, String> WORDS = Map.of(HealthQuestion.class, "question.", PainPattern.class,
			"pattern.", PainArea.class, "area.", PainDuration.class, "duration.", Setting.class, "setting.",
			Equipment.class, "equipment.", Disposition.class, "disposition.", Verdict.class, "verdict.",
			Technique.class, "technique.", UrgentAction.class, "urgentAction.");

	private Vocabulary() {
	}

	/**
	 * The key of a code's words in the message bundles: {@code question.EPILEPSY}, {@code area.NECK}.
	 * (A disposition's summary, help texts and the like add to it.)
	 */
	public static String wordsKey(Enum<?> code) {
		String prefix = WORDS.get(code.getDeclaringClass());
		if (prefix == null) {
			throw new IllegalArgumentException("not a code of the vocabulary: " + code.getDeclaringClass());
		}
		return prefix + code.name();
	}

	/** The version of the vocabulary that added this code; version 1 unless the code says otherwise. */
	public static int since(Enum<?> code) {
		if (code instanceof HealthQuestion question) {
			return question.getSince();
		}
		if (code instanceof Disposition disposition) {
			return disposition.getSince();
		}
		if (code instanceof UrgentAction) {
			return URGENT_ACTIONS_SINCE;
		}
		return 1;
	}

}
