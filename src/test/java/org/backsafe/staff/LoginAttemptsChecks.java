package org.backsafe.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The failed-login counts on a real database, migrated by the same Flyway scripts as the app: the
 * lockout and its end, a count that starts again, a flood of made-up names beside a real one, two
 * copies of the app counting the same name at once, and the clean-up. Run on H2 and on PostgreSQL.
 */
abstract class LoginAttemptsChecks {

	static final Duration LOCKOUT = Duration.ofMinutes(15);

	/** The address most checks count from. */
	static final String HERE = "192.0.2.10";

	/** Another client: the reception desk, say. */
	static final String DESK = "2001:db8::7";

	/** A clock the test moves. */
	static final class TestClock extends Clock {

		private Instant now = Instant.parse("2026-03-10T09:30:00Z");

		void advance(Duration by) {
			this.now = this.now.plus(by);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	final TestClock clock = new TestClock();

	LoginAttempts attempts;

	LoginAttempts copy(int max) {
		return new LoginAttempts(this.jdbc, this.transactions, max, LOCKOUT, this.clock, () -> {
		});
	}

	@BeforeEach
	void emptyTable() {
		this.jdbc.update("DELETE FROM staff_login_failure");
		this.attempts = copy(5);
	}

	int failuresOf(String name) {
		List<Integer> counts = this.jdbc.queryForList("SELECT failures FROM staff_login_failure WHERE user_name = ?",
				Integer.class, name);
		return counts.isEmpty() ? 0 : counts.get(0);
	}

	@Test
	void theFifthFailureInARowLocksForTheLockoutThenTheCountStartsAgain() {
		for (int i = 1; i <= 4; i++) {
			assertThat(this.attempts.failed("Alice ", HERE)).as("failure %d", i).isFalse();
			assertThat(this.attempts.isLocked("alice", HERE)).isFalse();
		}
		assertThat(this.attempts.failed("ALICE", HERE)).as("the fifth locks").isTrue();
		assertThat(this.attempts.isLocked("alice", HERE)).isTrue();
		this.clock.advance(LOCKOUT.minusSeconds(1));
		assertThat(this.attempts.isLocked("alice", HERE)).isTrue();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.attempts.isLocked("alice", HERE)).isFalse();
		assertThat(this.attempts.failed("alice", HERE)).isFalse();
		assertThat(failuresOf("alice")).isEqualTo(1);
	}

	@Test
	void aGoodLoginClearsTheCount() {
		this.attempts.failed("alice", HERE);
		this.attempts.failed("alice", HERE);
		this.attempts.succeeded("Alice", HERE);
		assertThat(failuresOf("alice")).isZero();
	}

	@Test
	void aCountLeftAloneForAsLongAsALockoutStartsAgain() {
		for (int i = 0; i < 4; i++) {
			this.attempts.failed("alice", HERE);
			this.clock.advance(LOCKOUT.minusSeconds(1));
		}
		assertThat(this.attempts.failed("alice", HERE)).as("four minutes apart: still in a row").isTrue();
		this.attempts.succeeded("alice", HERE);
		for (int i = 0; i < 4; i++) {
			this.attempts.failed("alice", HERE);
		}
		this.clock.advance(LOCKOUT);
		assertThat(this.attempts.failed("alice", HERE)).as("a lockout's time after the fourth").isFalse();
		assertThat(failuresOf("alice")).isEqualTo(1);
	}

	@Test
	void tenThousandMadeUpNamesLeaveARealUsersCountAlone() {
		for (int i = 0; i < 4; i++) {
			this.attempts.failed("alice", HERE);
		}
		for (int i = 0; i < 10_000; i++) {
			this.attempts.failed("made-up-" + UUID.randomUUID(), HERE);
		}
		assertThat(failuresOf("alice")).isEqualTo(4);
		assertThat(this.attempts.failed("alice", HERE)).isTrue();
		assertThat(this.attempts.isLocked("alice", HERE)).isTrue();
	}

	@Test
	void twoCopiesOfTheAppCountingOneNameAtOnceLoseNoFailure() throws Exception {
		LoginAttempts one = copy(1_000);
		LoginAttempts two = copy(1_000);
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < 8; t++) {
				LoginAttempts copy = (t % 2 == 0) ? one : two;
				done.add(threads.submit(() -> {
					for (int i = 0; i < 25; i++) {
						copy.failed("bob", HERE);
					}
				}));
			}
			for (Future<?> each : done) {
				each.get();
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(failuresOf("bob")).isEqualTo(200);
	}

	@Test
	void theCleanUpForgetsOnlyCountsThatWouldStartAgain() {
		for (int i = 0; i < 5; i++) {
			this.attempts.failed("locked", HERE);
		}
		this.attempts.failed("old", HERE);
		this.clock.advance(LOCKOUT.minusMinutes(1));
		this.attempts.failed("recent", HERE);
		assertThat(this.attempts.forgetStale()).isZero();
		this.clock.advance(Duration.ofMinutes(1));
		// "old" has waited a lockout's time, and the lockout of "locked" is over
		assertThat(this.attempts.forgetStale()).isEqualTo(2);
		assertThat(this.jdbc.queryForList("SELECT user_name FROM staff_login_failure", String.class))
			.containsExactly("recent");
	}

	@Test
	void anyNameTypedIsCountedEvenLongOrWithControlCharacters() {
		String longName = "x".repeat(5_000);
		String controls = "al\u0000ice\n";
		for (int i = 0; i < 5; i++) {
			this.attempts.failed(longName, HERE);
			this.attempts.failed(controls, HERE);
		}
		assertThat(this.attempts.isLocked(longName, HERE)).isTrue();
		assertThat(this.attempts.isLocked(controls, HERE)).isTrue();
		assertThat(this.attempts.isLocked("alice", HERE)).isFalse();
	}

	@Test
	void aNameIsLockedOnlyAtTheAddressTheFailuresCameFrom() {
		for (int i = 1; i <= 4; i++) {
			this.attempts.failed("reception", HERE);
		}
		assertThat(this.attempts.triesLeft("reception", HERE)).isEqualTo(1);
		assertThat(this.attempts.failed("reception", HERE)).as("the fifth locks here").isTrue();
		assertThat(this.attempts.isLocked("reception", HERE)).isTrue();
		assertThat(this.attempts.triesLeft("reception", HERE)).isZero();
		assertThat(this.attempts.isLocked("reception", DESK)).as("the desk is not locked").isFalse();
		assertThat(this.attempts.triesLeft("reception", DESK)).isEqualTo(5);
		// a good login at the desk clears the desk's count, not the stranger's lockout
		this.attempts.failed("reception", DESK);
		this.attempts.succeeded("reception", DESK);
		assertThat(this.attempts.triesLeft("reception", DESK)).isEqualTo(5);
		assertThat(this.attempts.isLocked("reception", HERE)).isTrue();
		assertThat(this.jdbc.queryForList(
				"SELECT client_address FROM staff_login_failure WHERE user_name = 'reception'", String.class))
			.containsExactly(HERE);
	}

}
