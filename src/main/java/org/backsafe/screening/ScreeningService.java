package org.backsafe.screening;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Service;

/**
 * Screens one set of answers on the serving rule base. Never throws, and never runs past the
 * screening time limit ({@code backsafe.rules.screening-timeout}, in CPU time; ten times it on the
 * clock): when anything fails or runs too long, the result is the fail-safe one ("see a doctor", no
 * technique offered).
 *
 * <p>
 * Why screenings run on workers of their own rather than on the request's thread: the gate refuses a
 * rule that never returns on the answers it tries, but it cannot try every answer set (it sweeps
 * ages 17, 40 and 55, say; a rule that loops only at 116 passes it, as {@code ScreeningServiceTests}
 * shows), and no check can prove that rules always end. A screening that never returns would hold its thread for good; on the request's thread
 * that is a request never answered, and one by one the server's threads, health check included. On a
 * worker, the request is answered fail-safe at the time limit, the worker is abandoned (a daemon
 * thread; see {@link DeadlineWorkers}) and fresh ones take the next screenings. The hand-over costs
 * two thread wake-ups: {@code ScreeningBenchmark}'s typical median went from about 34 to about 49 µs
 * (three runs each, on two busy cores), within the 50 µs target and far below a request's cost. If as many
 * workers are stuck as there are workers, every screening is answered fail-safe at once and the
 * health check says DOWN: the serving rules loop, and a restart (after fixing them) is due.
 */
@Service
public class ScreeningService implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(ScreeningService.class);

	/** Screenings waiting for a worker beyond this are answered fail-safe at once. */
	private static final int QUEUE = 1024;

	private final ServingRules current;

	private final Duration timeout;

	private final DeadlineWorkers workers;

	public ScreeningService(ServingRules current) {
		this.current = current;
		this.timeout = current.screeningTimeout();
		int threads = DeadlineWorkers.perCore(8);
		this.workers = new DeadlineWorkers("screening", threads, QUEUE, threads);
	}

	public ScreeningResult screen(ScreeningRequest request) {
		ScreeningRules ruleBase = this.current.serving().orElse(null);
		if (ruleBase == null) {
			logger.error("Screening refused: no rule base is serving");
			return Triage.failed(null);
		}
		try {
			return this.workers.call(() -> ruleBase.screen(request), this.timeout);
		}
		catch (DeadlineWorkers.Late ex) {
			// The answers are not logged: they are a person's health.
			logger.error("Screening on rule base " + ruleBase.version() + " did not finish within "
					+ this.timeout.toMillis() + " ms of CPU time (backsafe.rules.screening-timeout), or ten times that on"
					+ " the clock; answered with the fail-safe result" + ruleBase.whereStuck(ex.where()).map((w) -> "; still running: " + w).orElse(""));
			return Triage.failed(ruleBase.info());
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof Error error && !(error instanceof StackOverflowError)) {
				throw error; // out of memory and the like: not the rules' doing, and not for a screening to hide
			}
			logger.error("Screening failed on rule base " + ruleBase.version() + "; answered with the fail-safe result",
					ex.getCause());
			return Triage.failed(ruleBase.info());
		}
		catch (RejectedExecutionException ex) {
			logger.error("Screening not run on rule base " + ruleBase.version() + " (" + ex.getMessage()
					+ "); answered with the fail-safe result");
			return Triage.failed(ruleBase.info());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Triage.failed(ruleBase.info());
		}
	}

	/** Screening workers stuck in a rule that never returned; each may keep a core busy. */
	public int abandonedWorkers() {
		return this.workers.abandoned();
	}

	/** True when so many workers are stuck that every screening is answered fail-safe at once. */
	public boolean exhausted() {
		return this.workers.exhausted();
	}

	/** Stops the workers at once (Spring calls this at shutdown, after the server has stopped). */
	@Override
	public void close() {
		this.workers.close();
	}

}
