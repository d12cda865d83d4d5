package org.backsafe.kiosk;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceCodesTests {

	@Test
	void theAlphabetHasNoLookAlikesAndNoRhymingLetters() {
		for (char c : "0OQD1IL2Z5S8B6GUVCEPT".toCharArray()) {
			assertThat(ReferenceCodes.ALPHABET).doesNotContain(String.valueOf(c));
		}
	}

	@Test
	void codesAreSixSymbolsOfTheAlphabetShownAsTwoGroups() {
		ReferenceCodes codes = new ReferenceCodes(new Random(42));
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			String code = codes.next();
			assertThat(code).matches("[" + ReferenceCodes.ALPHABET + "]{6}");
			seen.add(code);
		}
		assertThat(seen).hasSizeGreaterThan(990);
		assertThat(ReferenceCodes.display("KR7W4M")).isEqualTo("KR7-W4M");
	}

	@Test
	void aCodeIsFoundHoweverStaffTypeIt() {
		assertThat(ReferenceCodes.parse("kr7-w4m")).contains("KR7W4M");
		assertThat(ReferenceCodes.parse(" KR7 W4M ")).contains("KR7W4M");
		assertThat(ReferenceCodes.parse("KR7W4M")).contains("KR7W4M");
		assertThat(ReferenceCodes.parse("KR7-W4")).isEmpty();
		assertThat(ReferenceCodes.parse("KR0-W4M")).isEmpty();
		assertThat(ReferenceCodes.parse("' OR 1=1")).isEmpty();
		assertThat(ReferenceCodes.parse(null)).isEmpty();
	}

}
