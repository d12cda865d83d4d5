package org.backsafe.screening;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.backsafe.rulebase.RulesFolder;
import org.backsafe.rulebase.Spin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The workers that run rule code: a task that never returns is left behind, and nothing waits for it. */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class DeadlineWorkersTests {

	static final Duration SHORT = Duration.ofMillis(300);

	final DeadlineWorkers workers = new DeadlineWorkers("test-workers", 2, 8, 2);

	@BeforeEach
	void arm() {
		Spin.arm();
	}

	@AfterEach
	void release() {
		Spin.release();
		this.workers.close();
	}

	static final Callable<Boolean> NEVER_RETURNS = Spin::forever;

	@Test
	void aTaskThatNeverReturnsIsLeftBehindAndTheNextRunsOnAFreshWorker() throws Exception {
		long started = System.nanoTime();
		assertThatThrownBy(() -> this.workers.call(NEVER_RETURNS, SHORT)).isInstanceOf(DeadlineWorkers.Late.class)
			.satisfies((late) -> assertThat(((DeadlineWorkers.Late) late).where())
				.anySatisfy((frame) -> assertThat(frame.getMethodName()).isEqualTo("forever")));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(SHORT.multipliedBy(DeadlineWorkers.CLOCK_FACTOR).plusSeconds(1));
		assertThat(this.workers.abandoned()).isEqualTo(1);

		assertThat(this.workers.call(() -> "fine", SHORT)).isEqualTo("fine");
		assertThat(this.workers.exhausted()).isFalse();
	}

	@Test
	void withAsManyStuckAsAllowedWorkIsRefusedAtOnceUntilTheyEnd() throws Exception {
		for (int i = 0; i < 2; i++) {
			assertThatThrownBy(() -> this.workers.call(NEVER_RETURNS, SHORT)).isInstanceOf(DeadlineWorkers.Late.class);
		}
		assertThat(this.workers.exhausted()).isTrue();
		assertThatThrownBy(() -> this.workers.call(() -> "fine", SHORT)).isInstanceOf(RejectedExecutionException.class)
			.hasMessageContaining("2 workers of test-workers are stuck");

		Spin.release();
		assertThat(RulesFolder.within(Duration.ofSeconds(5), () -> this.workers.abandoned() == 0)).isTrue();
		assertThat(this.workers.call(() -> "fine", SHORT)).isEqualTo("fine");
	}

	@Test
	void aStepThatNeverEndsIsSeenLongBeforeTheDeadline() throws Exception {
		class Steps implements Callable<String>, DeadlineWorkers.Stepped {

			volatile long step;

			@Override
			public String call() {
				this.step = System.nanoTime();
				Spin.forever();
				return "never";
			}

			@Override
			public long stepStarted() {
				return this.step;
			}

		}
		long started = System.nanoTime();
		Callable<String> quick = () -> "quick";
		DeadlineWorkers.Batch<String> batch = this.workers.runAll(List.of(quick, new Steps()),
				started + Duration.ofSeconds(20).toNanos(), SHORT);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(SHORT.multipliedBy(DeadlineWorkers.CLOCK_FACTOR).plusSeconds(1));
		assertThat(batch.timedOut()).isTrue();
		assertThat(batch.late().onOneStep()).isTrue();
		assertThat(batch.late().task()).isEqualTo(1);
		assertThat(batch.results()).containsExactly("quick", null);
	}

	/**
	 * On a busy machine a screening can wait for a core far longer than its limit while using almost no
	 * CPU: that is not a loop, and is let finish. Work that waits for good is still stopped, on the clock.
	 */
	@Test
	void aTaskThatWaitsWithoutUsingCpuIsNotTakenForALoopUntilTheClockLimit() throws Exception {
		assertThat(this.workers.call(() -> {
			Thread.sleep(SHORT.multipliedBy(3).toMillis());
			return "finished after three times its limit";
		}, SHORT)).isEqualTo("finished after three times its limit");

		long started = System.nanoTime();
		assertThatThrownBy(() -> this.workers.call(() -> {
			new CountDownLatch(1).await();
			return "never";
		}, SHORT)).isInstanceOf(DeadlineWorkers.Late.class);
		assertThat(Duration.ofNanos(System.nanoTime() - started))
			.isBetween(SHORT.multipliedBy(DeadlineWorkers.CLOCK_FACTOR),
					SHORT.multipliedBy(DeadlineWorkers.CLOCK_FACTOR).plusSeconds(1));
		assertThat(this.workers.abandoned()).as("interrupted, it came back").isZero();
	}

	@Test
	void aTaskThatThrowsSaysWhat() {
		assertThatThrownBy(() -> this.workers.call(() -> {
			throw new IllegalStateException("a bug in a rule");
		}, SHORT)).isInstanceOf(ExecutionException.class).hasRootCauseMessage("a bug in a rule");
		assertThat(this.workers.abandoned()).isZero();
	}

	@Test
	void closingDoesNotWaitForAStuckWorker() throws Exception {
		assertThatThrownBy(() -> this.workers.call(NEVER_RETURNS, SHORT)).isInstanceOf(DeadlineWorkers.Late.class);
		Thread waiting = new Thread(() -> {
			try {
				this.workers.call(NEVER_RETURNS, Duration.ofSeconds(20));
			}
			catch (Exception ex) {
				// refused once closed: what this test waits for
			}
		});
		waiting.start();
		Thread.sleep(200);
		long started = System.nanoTime();
		this.workers.close();
		waiting.join(3000);
		assertThat(waiting.isAlive()).as("a caller waiting on a closed pool is let go").isFalse();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
		assertThatThrownBy(() -> this.workers.call(() -> "fine", SHORT)).isInstanceOf(RejectedExecutionException.class);
	}

}
