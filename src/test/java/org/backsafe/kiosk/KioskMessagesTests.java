package org.backsafe.kiosk;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every word of the kiosk and staff pages exists in English and in Spanish, and nothing is left empty. */
class KioskMessagesTests {

	@ParameterizedTest
	@ValueSource(strings = { "kiosk", "staff" })
	void englishAndSpanishHaveTheSameKeys(String bundle) throws IOException {
		Properties english = load("messages/" + bundle + ".properties");
		Properties spanish = load("messages/" + bundle + "_es.properties");
		assertThat(english).isNotEmpty();
		assertThat(spanish.keySet()).containsExactlyInAnyOrderElementsOf(english.keySet());
		spanish.forEach((key, value) -> assertThat(value.toString()).as(key.toString()).isNotBlank());
	}

	private static Properties load(String path) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = KioskMessagesTests.class.getClassLoader().getResourceAsStream(path)) {
			assertThat(in).as(path).isNotNull();
			properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
		}
		return properties;
	}

}
