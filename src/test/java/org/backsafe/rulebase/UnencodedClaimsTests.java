package org.backsafe.rulebase;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN section 5: claims no clinician would repeat (massage "releases toxins", water "flushes out
 * toxins", crystals) are not encoded. A scenario can only say what a result holds, so this checks
 * what it must not hold: no rule and no words shown to a person make those claims.
 */
class UnencodedClaimsTests {

	static final Pattern CLAIM = Pattern.compile("(?iu)t[oó]xin|crystal|cristal");

	@Test
	void noRuleIsAboutToxinsOrCrystals() {
		assertThat(RealRules.ruleBase().rules())
			.noneMatch((rule) -> CLAIM.matcher(rule.id()).find() || CLAIM.matcher(rule.name()).find());
	}

	@Test
	void noWordsShownToAPersonMentionToxinsOrCrystals() throws IOException {
		List<Path> wording = new ArrayList<>();
		try (Stream<Path> files = Stream.concat(Files.list(RealRules.FOLDER),
				Files.list(Path.of("src/main/resources/messages")))) {
			files.filter((f) -> f.toString().endsWith(".properties")).forEach(wording::add);
		}
		assertThat(wording).isNotEmpty();
		for (Path file : wording) {
			List<String> claims = Files.readAllLines(file, StandardCharsets.UTF_8)
				.stream()
				.filter((line) -> !line.startsWith("#") && CLAIM.matcher(line).find())
				.toList();
			assertThat(claims).as("lines of %s that repeat a claim DESIGN section 5 leaves out", file).isEmpty();
		}
	}

}
