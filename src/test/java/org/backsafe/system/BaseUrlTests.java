package org.backsafe.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** What {@code backsafe.base-url} accepts: a scheme, a host and a port, nothing else. */
class BaseUrlTests {

	@Test
	void noneIsNone() {
		assertThat(BaseUrl.parse(null)).isNull();
		assertThat(BaseUrl.parse(" ")).isNull();
	}

	@Test
	void theSchemeHostAndPortAreKeptAndTheDefaultPortIsNamed() {
		assertThat(BaseUrl.parse("HTTPS://Backsafe.Clinic.Example/")).hasToString("https://backsafe.clinic.example:443");
		assertThat(BaseUrl.origin(BaseUrl.parse("https://backsafe.clinic.example"))).isEqualTo("https://backsafe.clinic.example");
		assertThat(BaseUrl.origin(BaseUrl.parse("http://10.0.0.5:8080"))).isEqualTo("http://10.0.0.5:8080");
		assertThat(BaseUrl.parse("http://kiosk.local").getPort()).isEqualTo(80);
	}

	@ParameterizedTest
	@ValueSource(strings = { "backsafe.clinic.example", "ftp://backsafe.clinic.example", "https://",
			"https://user@backsafe.clinic.example", "https://backsafe.clinic.example/staff",
			"https://backsafe.clinic.example/?x=1", "https://backsafe.clinic.example/#top", "https://bad host" })
	void anythingElseStopsTheStartNamingTheSetting(String value) {
		assertThatIllegalStateException().isThrownBy(() -> BaseUrl.parse(value))
			.withMessageStartingWith("backsafe.base-url='" + value + "' is not a base URL");
	}

}
