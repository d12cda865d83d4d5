package org.backsafe.staff;

import java.util.UUID;

import org.backsafe.support.StaffLogin;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * The lockout as configured for production (5 failures, 15 minutes), through the whole login: a
 * flood of made-up names cannot wipe a real user's count, however many there are.
 */
@SpringBootTest(properties = StaffLogin.PROPERTY)
@AutoConfigureMockMvc
class LoginLockoutTests {

	static final int FLOOD = 10_000;

	@Autowired
	MockMvc mvc;

	@Autowired
	LoginAttempts attempts;

	void wrongPassword() throws Exception {
		this.mvc.perform(formLogin("/staff/login").user(StaffLogin.USER).password("guess"))
			.andExpect(redirectedUrl("/staff/login?error"))
			.andExpect(unauthenticated());
	}

	@Test
	void tenThousandFailuresForMadeUpNamesLeaveARealUsersFourFailuresCounted() throws Exception {
		this.attempts.succeeded(StaffLogin.USER, "127.0.0.1");
		for (int i = 0; i < 4; i++) {
			wrongPassword();
		}
		// A failed login for a made-up name costs a BCrypt check of some 50 ms (so that it takes as long as
		// a real one); 10,000 through the login would take minutes. Each is counted here as the login counts
		// it, by the same bean on the same database.
		for (int i = 0; i < FLOOD; i++) {
			this.attempts.failed("made-up-" + UUID.randomUUID(), "127.0.0.1");
		}
		assertThat(this.attempts.isLocked(StaffLogin.USER, "127.0.0.1")).isFalse();
		wrongPassword();
		this.mvc.perform(formLogin("/staff/login").user(StaffLogin.USER).password(StaffLogin.PASSWORD))
			.andExpect(redirectedUrl("/staff/login?locked"))
			.andExpect(unauthenticated());
	}

}
