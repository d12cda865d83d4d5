package org.backsafe.rulebase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The rule base that serves screenings, and the last candidate that was refused. A screening takes
 * one snapshot with {@link #serving()} and runs entirely on it; a candidate is fully compiled and
 * has passed the gate before it is published with one atomic write, so no screening ever sees a
 * half-built rule base, and every result names exactly one version.
 *
 * <p>
 * The gate runs on workers of its own with time limits ({@code backsafe.rules.screening-timeout} for
 * each screening, {@code backsafe.rules.gate-timeout} for all), so a rule that never returns is
 * refused like any other bad edit, the old rules keep serving, and the next edit is taken up. At
 * start-up the first load is bounded the same way: with such a rule in the folder, no rule base
 * serves, so screenings answer "see a doctor" and the health check says DOWN.
 *
 * <p>
 * Each candidate is compared with the rules serving before it may replace them (see
 * {@link RuleBaseGate}); the last {@value #HISTORY} admitted versions are kept with that impact
 * report ({@link #history()}), and a refused candidate's report with its failure.
 */
@Component
public class CurrentRuleBase implements SmartLifecycle, AutoCloseable {

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
	private static final Duration FIRST_COMPILE_ALLOWANCE = Duration.ofSeconds(30);

	private final AtomicReference<State> state = new AtomicReference<>(new State(null, null));

	private final CountDownLatch firstLoad = new CountDownLatch(1);

	private final Deque<RuleBase> recent = new ArrayDeque<>();

	private final Deque<AdmittedVersion> history = new ArrayDeque<>();

	/** Everything in the last refused files, acknowledgements included: the same files are not checked twice. */
	private volatile String lastRefusedContent;

	private final RuleBaseProperties properties;

	private final DeadlineWorkers gateWorkers = RuleBaseGate.newWorkers();

	private final CountDownLatch aheadDone = new CountDownLatch(1);

	private volatile boolean running;

	public CurrentRuleBase(RuleBaseProperties properties) {
		this.properties = properties;
		// The first build and gate cost seconds of CPU: run them beside the rest of the start-up, on
		// the other core, rather than after it (so this is started here, not in start()). Every reader
		// waits for them (see state()), so no screening is answered before the first rule base has
		// been admitted or refused; both are bounded (the gate by its time limit), so the wait is too.
		Thread firstLoad = new Thread(() -> {
			try {
				reload();
			}
			finally {
				this.firstLoad.countDown();
			}
			completeFirstSweep();
		}, "rule-base-first-load");
		firstLoad.setDaemon(true);
		firstLoad.start();
	}

	/**
	 * The first rule base had nothing to be compared with, so its gate left out the screenings only
	 * a comparison needs (the not-sure pairs). Done now, after readers are let go, so that the first
	 * edit's impact report does not pay for them; under the reload lock, as a reload's gate would.
	 */
	private synchronized void completeFirstSweep() {
		try {
			screenAhead();
		}
		finally {
			this.aheadDone.countDown();
		}
	}

	/** Waits until the screening done ahead after the first load has ended; for measurements. */
	boolean awaitAhead(Duration time) throws InterruptedException {
		return this.aheadDone.await(time.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void screenAhead() {
		RuleBase serving = this.state.get().serving();
		if (serving == null) {
			return;
		}
		long started = System.nanoTime();
		try {
			int screened = RuleBaseGate.completeSweep(serving, this.gateWorkers, this.properties.gateTimeout(),
					this.properties.screeningTimeout());
			logger.info("Rule base " + serving.version() + ": " + screened + " more answer sets screened for the next"
					+ " impact report, in " + (System.nanoTime() - started) / 1_000_000 + " ms");
		}
		catch (RuntimeException ex) {
			// Only the next report's speed depends on it: that report screens whatever is missing.
			logger.info("Rule base " + serving.version() + ": the answer sets for the next impact report were not"
					+ " screened ahead (" + ex + "); the next change screens them");
		}
	}

	/** One consistent reading of what serves and what was last refused. */
	public State state() {
		awaitFirstLoad();
		return this.state.get();
	}

	public Optional<RuleBase> serving() {
		return Optional.ofNullable(state().serving());
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

	/** Gate workers still stuck in a candidate's rule that never returned (each may keep a core busy). */
	public int abandonedGateWorkers() {
		return this.gateWorkers.abandoned();
	}

	/** The configured folder. */
	public Path folder() {
		return this.properties.dir();
	}

	/** The configured folder, or the packaged copy when that folder does not exist. */
	public RuleFiles readFiles() {
		return Files.isDirectory(this.properties.dir()) ? RuleFiles.fromFolder(this.properties.dir())
				: RuleFiles.packaged();
	}

	/**
	 * Compiles the rules (the folder, or the packaged copy when there is no folder), runs the gate,
	 * and swaps the result in only if it passes. On failure the serving rule base stays, and the
	 * failure is kept and logged.
	 *
	 * @return true when the candidate was accepted (or is the one already serving)
	 */
	public synchronized boolean reload() {
		return load(false);
	}

	/**
	 * Like {@link #reload()}, but only from the configured folder: after an edit, a missing folder
	 * is an author's mistake (or a folder being replaced), not a reason to fall back to the packaged
	 * copy. It is refused and reported until the folder is back.
	 */
	public synchronized boolean reloadFolder() {
		return load(true);
	}

	private boolean load(boolean folderOnly) {
		Path folder = this.properties.dir();
		if (folderOnly && !Files.isDirectory(folder)) {
			refuse(new FailedAttempt(Instant.now(), folder.toAbsolutePath().normalize().toString(), null,
					List.of(RuleProblem.of(RuleProblem.Kind.CONTENT, null, "the rules folder "
							+ folder.toAbsolutePath().normalize() + " is missing (deleted or renamed); put it back"
							+ " and the rules in it will be checked again"))));
			return false;
		}
		RuleFiles files;
		try {
			files = readFiles();
		}
		catch (RuntimeException ex) {
			refuse(new FailedAttempt(Instant.now(), String.valueOf(folder), null,
					List.of(RuleProblem.of(RuleProblem.Kind.CONTENT, null, ex.getMessage()))));
			return false;
		}
		State now = this.state.get();
		if (now.serving() != null && same(now.serving().files(), files)) {
			// The rules that serve, with other acknowledgements at most: those are read, so that a
			// malformed one is reported now rather than with the next change of the rules.
			List<RuleProblem> acknowledgements = Acknowledgements.read(files).problems();
			if (!acknowledgements.isEmpty()) {
				this.lastRefusedContent = files.contentVersion();
				refuse(new FailedAttempt(Instant.now(), files.origin(), files.version(), acknowledgements));
				return false;
			}
			// Back to what serves (an edit undone): nothing to compile, and nothing is wrong any more.
			if (now.lastFailure() != null) {
				this.state.set(new State(now.serving(), null));
				logger.info("Rule base " + files.version() + " from " + files.origin() + " is the one serving");
			}
			return true;
		}
		if (now.lastFailure() != null && files.contentVersion().equals(this.lastRefusedContent)
				&& files.origin().equals(now.lastFailure().origin())) {
			return false; // the same files were refused already; the same problems stand
		}
		// An acknowledgement added to a refused change leaves its version as it was, but not its content.
		long started = System.nanoTime();
		long compiled = started;
		RuleBase candidate;
		try {
			RuleBase built = RuleBaseCompiler.compile(files);
			compiled = System.nanoTime();
			candidate = RuleBaseGate.admit(built, now.serving(), this.gateWorkers, this.properties.gateTimeout(),
					this.properties.screeningTimeout());
		}
		catch (CancellationException | RejectedExecutionException ex) {
			// Interrupted, or the gate's workers shut down: the app is stopping. Nothing is known
			// about these files, so nothing is kept.
			logger.info("Loading rule base " + files.version() + " from " + files.origin() + " was cancelled");
			return false;
		}
		catch (RuleBaseRejected ex) {
			this.lastRefusedContent = files.contentVersion();
			refuse(new FailedAttempt(Instant.now(), files.origin(), files.version(), ex.problems(), ex.impact()));
			return false;
		}
		catch (RuntimeException | StackOverflowError ex) {
			this.lastRefusedContent = files.contentVersion();
			refuse(new FailedAttempt(Instant.now(), files.origin(), files.version(),
					List.of(RuleProblem.of(RuleProblem.Kind.COMPILE, null, String.valueOf(ex)))));
			return false;
		}
		publish(candidate);
		logger.info("Rule base " + candidate.version() + " serving from " + files.origin() + ": "
				+ candidate.rules().size() + " rules, " + candidate.scenarios().size() + " scenarios passed; compiled in "
				+ (compiled - started) / 1_000_000 + " ms, gate (with the impact report) passed in "
				+ (System.nanoTime() - compiled) / 1_000_000 + " ms\n"
				+ candidate.impact().map(ImpactReport::toText).orElse(""));
		return true;
	}

	private void publish(RuleBase candidate) {
		RuleBase previous = this.state.get().serving();
		if (previous != null) {
			synchronized (this.recent) {
				this.recent.addFirst(previous);
				while (this.recent.size() > RECENT) {
					this.recent.removeLast();
				}
			}
		}
		this.state.set(new State(candidate, null));
		this.lastRefusedContent = null;
		synchronized (this.history) {
			this.history.addFirst(new AdmittedVersion(candidate.version(), candidate.info().loadedAt(),
					candidate.impact().orElse(ImpactReport.firstLoad(candidate.version()))));
			while (this.history.size() > HISTORY) {
				this.history.removeLast();
			}
		}
	}

	private static boolean same(RuleFiles a, RuleFiles b) {
		return a.version().equals(b.version()) && a.origin().equals(b.origin());
	}

	private void refuse(FailedAttempt attempt) {
		RuleBase current = this.state.get().serving();
		this.state.set(new State(current, attempt));
		logger.error("Rule base " + (attempt.version() != null ? attempt.version() + " " : "") + "from "
				+ attempt.origin() + " refused; "
				+ (current != null ? "still serving " + current.version() : "no rule base is serving") + ":\n  "
				+ String.join("\n  ", attempt.problems().stream().map(RuleProblem::toString).toList())
				+ (attempt.impact() != null ? "\n" + attempt.impact().toText() : ""));
	}

	/** Nothing to start: the first load began when this was made. */
	@Override
	public void start() {
		this.running = true;
	}

	/**
	 * The app is stopping: a reader still waiting for the first load stops waiting and answers
	 * without a rule base (fail-safe), so that no request holds up the shutdown.
	 */
	@Override
	public void stop() {
		this.running = false;
		this.firstLoad.countDown();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stops the gate's workers at once; one stuck in a rule that never returns is a daemon thread. */
	@Override
	public void close() {
		this.firstLoad.countDown();
		this.gateWorkers.close();
	}

}
