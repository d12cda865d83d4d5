package org.backsafe.staff;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class StaffPasswordHashTests {

	@Test
	void theHashItPrintsIsAcceptedByTheConfigurationAndMatchesThePassword() throws Exception {
		InputStream in = System.in;
		PrintStream out = System.out;
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		try {
			System.setIn(new ByteArrayInputStream("a long enough password\n".getBytes(StandardCharsets.UTF_8)));
			System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
			StaffPasswordHash.main(new String[0]);
		}
		finally {
			System.setIn(in);
			System.setOut(out);
		}
		String hash = printed.toString(StandardCharsets.UTF_8).strip();
		assertThat(new BCryptPasswordEncoder().matches("a long enough password", hash)).isTrue();
		StaffProperties properties = new StaffProperties(Map.of("reception", hash), 5, java.time.Duration.ofMinutes(15),
				java.time.Duration.ofMinutes(15), null);
		assertThat(new StaffUsers(properties, new BCryptPasswordEncoder()).loadUserByUsername("Reception").getPassword())
			.isEqualTo(hash);
	}

	@Test
	void aPlainPasswordInTheConfigurationStopsTheStart() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new StaffProperties(Map.of("reception", "secret"), 5, java.time.Duration.ofMinutes(15),
					java.time.Duration.ofMinutes(15), null))
			.withMessageContaining("must be a BCrypt hash");
	}

}
