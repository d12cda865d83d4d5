package org.backsafe.kiosk;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.springframework.stereotype.Component;

/**
 * Reference codes that a patient reads aloud to reception: six symbols shown as two groups of three
 * ({@code KR7-4MX}). The alphabet leaves out symbols that look alike (0 O D Q, 1 I L, 2 Z, 5 S, 8 B,
 * 6 G, U V) and letters that sound alike when spelt out (B C D E G P T V Z rhyme in English, M N and
 * F S are easily misheard); the rest are distinct in Spanish too. 14 symbols to the power 6 is about
 * 7.5 million codes: a clinic's stored records rarely meet a duplicate, and the store retries when
 * one does.
 */
@Component
public class ReferenceCodes {

	static final String ALPHABET = "AFHJKMRWXY3479";

	static final int LENGTH = 6;

	private final RandomGenerator random;

	public ReferenceCodes() {
		this(new SecureRandom());
	}

	ReferenceCodes(RandomGenerator random) {
		this.random = random;
	}

	/** A new random code, without the separator. */
	public String next() {
		StringBuilder code = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			code.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	/** How a code is shown and read aloud: two groups of three. */
	public static String display(String code) {
		return code.substring(0, 3) + "-" + code.substring(3);
	}

	/**
	 * A code as someone typed it (any case, with or without spaces or the dash) in stored form, or
	 * empty when it cannot be a code at all.
	 */
	public static Optional<String> parse(String typed) {
		if (typed == null) {
			return Optional.empty();
		}
		String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
		if (code.length() != LENGTH) {
			return Optional.empty();
		}
		for (int i = 0; i < code.length(); i++) {
			if (ALPHABET.indexOf(code.charAt(i)) < 0) {
				return Optional.empty();
			}
		}
		return Optional.of(code);
	}

}
