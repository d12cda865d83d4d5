package org.backsafe.rulebase;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.backsafe.screening.ServingRules;

/**
 * The rule base that serves screenings, the last candidate that was refused, and the versions admitted
 * before. It only holds: {@link RuleBaseLoader} decides what is admitted and writes it here. A
 * screening takes one snapshot with {@link #serving()} and runs entirely on it; a candidate is fully
 * compiled and has passed the gate before it is published with one atomic write, so no screening
 * ever sees a half-built rule base, and every result names exactly one version.
 *
 * <p>
 * Every reader waits for the first load (admitted or refused), bounded by the gate's time limit plus
 * an allowance for the compile, so no screening is answered before the first rule base has been
 * decided on; past that, or at shutdown, a reader gets no rule base, which means "see a doctor".
 */
public class CurrentRuleBase implements ServingRules {

	private static final Log logger = LogFactory.getLog(CurrentRuleBase.class);

	/** Rule bases kept after they stop serving, so a result can still be worded by its own version. */
	private static final int RECENT = 3;

	/** Admitted versions whose impact report is kept, newest first. */
	public static final int HISTORY = 20;

	/**
	 * One version as it was admitted, and what it changed against the one serving before it.
	 *
	 * @param version the version admitted
	 * @param admittedAt when it began to serve
	 * @param impact what it changed (for the first load: that there was nothing to compare with)
	 */
	public record AdmittedVersion(String version, Instant admittedAt, ImpactReport impact) {
	}

	/**
	 * What serves and what was last refused, read and replaced together so that a reader never
	 * pairs a rule base with a failure it did not live alongside.
	 *
	 * @param serving the serving rule base, or null when none could be loaded
	 * @param lastFailure the last refused candidate while no later one was accepted, or null
	 */
	public record State(RuleBase serving, FailedAttempt lastFailure) {
	}

	/**
	 * How long the first compile may take, on top of the gate's time limit, before a reader stops
	 * waiting for the first load and answers without a rule base (fail-safe). Compiling never runs
	 * the rules, so it cannot loop; it takes 2 to 4 s in a new JVM. This is only a backstop.
	 */
	static final Duration FIRST_COMPILE_ALLOWANCE = Duration.ofSeconds(30);

	private final AtomicReference<State> state = new AtomicReference<>(new State(null, null));

	private final CountDownLatch firstLoad = new CountDownLatch(1);

	private final Deque<RuleBase> recent = new ArrayDeque<>();

	private final Deque<AdmittedVersion> history = new ArrayDeque<>();

	private final RuleBaseProperties properties;

	public CurrentRuleBase(RuleBaseProperties properties) {
		this.properties = properties;
	}

	/** One consistent reading of what serves and what was last refused. */
	public State state() {
		awaitFirstLoad();
		return this.state.get();
	}

	@Override
	public Optional<RuleBase> serving() {
		return Optional.ofNullable(state().serving());
	}

	@Override
	public Duration screeningTimeout() {
		return this.properties.screeningTimeout();
	}

	/** The last refused candidate, while no later one has been accepted. */
	public Optional<FailedAttempt> lastFailure() {
		return Optional.ofNullable(state().lastFailure());
	}

	private void awaitFirstLoad() {
		Duration wait = this.properties.gateTimeout().plus(FIRST_COMPILE_ALLOWANCE);
		try {
			if (!this.firstLoad.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
				logger.error("The first rule base is still loading after " + wait.toSeconds()
						+ " s; answering without one, which means \"see a doctor\"");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The rule base of the given version if it serves or served a moment ago: a result is worded by
	 * the rule base that produced it, even when an edit was swapped in between.
	 */
	public Optional<RuleBase> byVersion(String version) {
		RuleBase serving = state().serving();
		if (serving != null && serving.version().equals(version)) {
			return Optional.of(serving);
		}
		synchronized (this.recent) {
			return this.recent.stream().filter((r) -> r.version().equals(version)).findFirst();
		}
	}

	/**
	 * The last {@value #HISTORY} versions admitted, newest first, each with its impact report and
	 * when it began to serve: what each version changed, for a later reviewer.
	 */
	public List<AdmittedVersion> history() {
		awaitFirstLoad();
		synchronized (this.history) {
			return List.copyOf(this.history);
		}
	}

	/** How the rules are loaded: the folder, and the time limits. */
	public RuleBaseProperties properties() {
		return this.properties;
	}

	/** What holds now, without waiting for the first load: for the loader, which makes it. */
	State now() {
		return this.state.get();
	}

	/** The candidate passed the gate: it serves from now on, and any earlier refusal is over. */
	void publish(RuleBase candidate) {
		RuleBase previous = this.state.get().serving();
		if (previous != null) {
			synchronized (this.recent) {
				this.recent.addFirst(previous);
				while (this.recent.size() > RECENT) {
					this.recent.removeLast();
				}
			}
		}
		synchronized (this.history) {
			this.history.addFirst(new AdmittedVersion(candidate.version(), candidate.info().loadedAt(),
					candidate.impact().orElse(ImpactReport.firstLoad(candidate.version()))));
			while (this.history.size() > HISTORY) {
				this.history.removeLast();
			}
		}
		this.state.set(new State(candidate, null));
	}

	/**
	 * The serving rule base, vouched for by the build, has now passed the whole gate here too: the
	 * same rules go on serving, with what that gate found.
	 */
	void confirm(RuleBase gated) {
		this.state.updateAndGet((now) -> now.serving() != null && now.serving().version().equals(gated.version())
				? new State(gated, now.lastFailure()) : now);
	}

	/**
	 * The serving rule base, vouched for by the build, failed the gate here: nothing serves (every
	 * screening is answered "see a doctor") until an edit passes the gate.
	 */
	void withdraw(FailedAttempt attempt) {
		this.state.set(new State(null, attempt));
	}

	/** A candidate was refused: what serves stays, beside the refusal. */
	void refuse(FailedAttempt attempt) {
		this.state.set(new State(this.state.get().serving(), attempt));
	}

	/** The files that serve are back in the folder: the last refusal no longer stands. */
	void clearFailure() {
		this.state.set(new State(this.state.get().serving(), null));
	}

	/**
	 * The first load has been decided, or will not be (the app is stopping): readers stop waiting
	 * and read what holds, a rule base or none.
	 */
	void releaseReaders() {
		this.firstLoad.countDown();
	}

}
