package org.backsafe.staff;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.backsafe.BacksafeApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;

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
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new StaffProperties(Map.of("reception", "secret"), 5, java.time.Duration.ofMinutes(15),
					java.time.Duration.ofMinutes(15), null))
			.withMessageContaining("must be a BCrypt hash");
	}

	/** The password {@code a} hashed at cost 4, as the reliability issue found accepted. */
	static final String COST_4_HASH_OF_A = "$2a$04$01kkaSXhPnCIeRurnN.d/OZr6LU9.uPl2vgOBzUGcgZu8aGGiLMgi";

	@Test
	void aHashBelowCostTenIsRefusedWithTheUserAndTheCost() {
		assertThat(new BCryptPasswordEncoder().matches("a", COST_4_HASH_OF_A)).isTrue();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new StaffProperties(Map.of("reception", COST_4_HASH_OF_A), 5,
					java.time.Duration.ofMinutes(15), java.time.Duration.ofMinutes(15), null))
			.withMessageContaining("backsafe.staff.users.reception is a BCrypt hash of cost 4")
			.withMessageContaining("cost 10 or more");
		String cost10 = new BCryptPasswordEncoder(10).encode("a long enough password");
		assertThat(new StaffProperties(Map.of("reception", cost10), 5, java.time.Duration.ofMinutes(15),
				java.time.Duration.ofMinutes(15), null)
			.users()).containsKey("reception");
	}

	@Test
	void theAppDoesNotStartWithAHashBelowCostTen() {
		Throwable failure = catchThrowable(() -> {
			try (ConfigurableApplicationContext app = new SpringApplicationBuilder(BacksafeApplication.class).run(
					"--server.port=0", "--server.address=127.0.0.1", "--backsafe.rules.watch=false",
					"--backsafe.staff.users.reception=" + COST_4_HASH_OF_A)) {
				// started: the cheap hash was accepted
			}
		});
		assertThat(failure).as("the app started with a cost 4 hash").isNotNull();
		List<String> messages = new ArrayList<>();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			messages.add(cause.getMessage());
		}
		assertThat(messages).anySatisfy((message) -> assertThat(message)
			.contains("backsafe.staff.users.reception is a BCrypt hash of cost 4"));
	}

}
