package org.backsafe.rulebase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.backsafe.screening.DeadlineWorkers;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Loads rule bases into the {@link CurrentRuleBase} it holds: chooses the files (the folder, or the
 * packaged copy when there is no folder), compiles them, runs the gate, and publishes a candidate
 * only if it passes; a refused one is kept with its problems and logged, and the old one keeps serving.
 *
 * <p>
 * Every load runs on one thread of its own, one after another: the first load, started when Spring
 * has made this bean (so that it runs beside the rest of the start-up rather than after it), then
 * each reload an edit asks for. Spring stops it at shutdown ({@link #close()}). The gate runs on its
 * own bounded pool of workers with time limits ({@code backsafe.rules.screening-timeout} for each
 * screening, {@code backsafe.rules.gate-timeout} for all), never on a pool that requests share, so a
 * rule that never returns is refused like any other bad edit and the next edit is taken up. With such
 * a rule in the folder at start-up, no rule base serves: screenings answer "see a doctor" and the
 * health check says DOWN.
 *
 * <p>
 * Each candidate is compared with the rules serving before it may replace them (see
 * {@link RuleBaseGate}); the holder keeps that impact report with each admitted version, and a
 * refused candidate's report with its failure.
 *
 * <p>
 * At start-up, rules that the build's gate record vouches for ({@link BuildGateRecord}: exactly the
 * files that passed the whole gate when the jar was built, read by the same code) serve as soon as
 * they are compiled; once the app has started, the whole gate runs on them again here, and should
 * they fail it they stop serving (every screening then says "see a doctor"). Any other files pass the
 * whole gate before they serve. The other work after the first load (screening ahead for the next
 * impact report, the warm-up) also waits for the app to have started, so that it does not slow the
 * start-up down.
 *
 * <p>
 * With an {@link AdmittedRules.Source} (several replicas on one database), every load reads its
 * active version instead of a folder; the record it was admitted with vouches for it as the build's
 * record does for the packaged rules, and only for this same code.
 */
@Component
public class RuleBaseLoader
		implements InitializingBean, SmartLifecycle, ApplicationListener<ApplicationReadyEvent>, AutoCloseable {

	/** How long the work after the first load waits for the app to say it has started. */
	static final Duration START_WAIT = Duration.ofMinutes(2);

	private static final Log logger = LogFactory.getLog(RuleBaseLoader.class);

	private final RuleBaseProperties properties;

	private final CurrentRuleBase holder;

	private final DeadlineWorkers gateWorkers = RuleBaseGate.newWorkers();

	/** Runs every load, one at a time; made when the first load starts, never in the constructor. */
	private volatile ExecutorService loads;

	private final CountDownLatch aheadDone = new CountDownLatch(1);

	/** The app has started (or a load was asked for): the work after the first load may run. */
	private final CountDownLatch started = new CountDownLatch(1);

	/** What the build proved about the packaged rules, if it is to be trusted at start-up. */
	private final Optional<BuildGateRecord> buildRecord;

	/** Admitted versions shared with other replicas, or null: the folder (or the packaged copy) serves. */
	private final AdmittedRules.Source source;

	/** A hash of this app's classes, which an admission record must name; computed once, when first needed. */
	private volatile String codeVersion;

	/** Guards {@link #warmingUp} and {@link #loadAsked}: a load asked for stops the warm-up, never a load. */
	private final Object warmUpLock = new Object();

	/** The loading thread while it warms up, else null. */
	private Thread warmingUp;

	/** Whether any load has been asked for since the first: then there is nothing left to warm up for. */
	private boolean loadAsked;

	private volatile int warmUpsDone;

	/** A version {@link #prepare} made ready, until a load serves it (or another is made ready). */
	private volatile RuleBase prepared;

	/** Everything in the last refused files, acknowledgements included: the same files are not checked twice. */
	private volatile String lastRefusedContent;

	private volatile boolean running;

	private volatile boolean closed;

	/**
	 * @param source where admitted versions come from when several replicas share them (the
	 * database); without one, the folder (or the packaged copy)
	 */
	@Autowired
	public RuleBaseLoader(RuleBaseProperties properties, ObjectProvider<AdmittedRules.Source> source) {
		this(properties, properties.trustBuildRecord() ? BuildGateRecord.onClasspath() : Optional.empty(),
				source.getIfAvailable());
	}

	public RuleBaseLoader(RuleBaseProperties properties) {
		this(properties, properties.trustBuildRecord() ? BuildGateRecord.onClasspath() : Optional.empty(), null);
	}

	/** With the given build record (or none) in place of the one on the classpath; for tests. */
	RuleBaseLoader(RuleBaseProperties properties, Optional<BuildGateRecord> buildRecord) {
		this(properties, buildRecord, null);
	}

	RuleBaseLoader(RuleBaseProperties properties, Optional<BuildGateRecord> buildRecord, AdmittedRules.Source source) {
		this.properties = properties;
		this.holder = new CurrentRuleBase(properties);
		this.buildRecord = buildRecord;
		this.source = source;
	}

	/** What serves, what was refused, and the history: what the rest of the app reads. */
	public CurrentRuleBase holder() {
		return this.holder;
	}

	/** Spring calls this once the bean is made: the first load begins. */
	@Override
	public void afterPropertiesSet() {
		startFirstLoad();
	}

	/** Spring says the app has started: the work after the first load may take the cores now. */
	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		started();
	}

	/** The app has started; what Spring's ready event means, for a loader made without Spring. */
	public void started() {
		this.started.countDown();
	}

	/**
	 * Starts the first load on the loading thread. The first build and gate cost seconds of CPU, so
	 * they run on the other core while the rest of the app starts; every reader waits for them.
	 */
	public synchronized void startFirstLoad() {
		if (this.loads != null || this.closed) {
			return;
		}
		this.loads = Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "rule-base-loader");
			thread.setDaemon(true); // a compile is bounded, but it must never hold up the JVM's exit
			return thread;
		});
		this.loads.execute(() -> {
			try {
				load(false, true);
			}
			finally {
				this.holder.releaseReaders();
			}
			try {
				awaitStart();
				if (!this.closed && this.properties.checkAfterStart()) {
					gateHereToo();
					if (!this.closed) {
						completeFirstSweep();
					}
				}
				if (!this.closed) {
					warmUp();
				}
			}
			finally {
				this.aheadDone.countDown();
			}
		});
	}

	private void awaitStart() {
		try {
			if (!this.started.await(START_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
				logger.info("The app has not said it started after " + START_WAIT.toSeconds()
						+ " s; the rule base's work after its first load goes ahead");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt(); // stopping: what follows sees it and stops too
		}
	}

	/**
	 * The serving rule base was vouched for by the build's record: the whole gate runs on it here
	 * too. It keeps serving if it passes, as it should; if not, it is withdrawn.
	 */
	private void gateHereToo() {
		RuleBase serving = this.holder.now().serving();
		if (serving == null || serving.gatedHere()) {
			return;
		}
		long started = System.nanoTime();
		RuleFiles files = serving.files();
		try {
			this.holder.confirm(RuleBaseGate.gateHereToo(serving, this.gateWorkers, this.properties.gateTimeout(),
					this.properties.screeningTimeout()));
			logger.info("Rule base " + serving.version() + " passed the whole gate here too, in "
					+ (System.nanoTime() - started) / 1_000_000 + " ms (it served on the build's gate record)");
		}
		catch (CancellationException | RejectedExecutionException ex) {
			logger.info("Gating rule base " + serving.version() + " again was cancelled: the app is stopping");
		}
		catch (RuleBaseRejected ex) {
			withdraw(files, ex.problems(), ex.impact());
		}
		catch (RuntimeException | StackOverflowError ex) {
			withdraw(files, List.of(RuleProblem.of(RuleProblem.Kind.INVARIANT, null, String.valueOf(ex))), null);
		}
	}

	private void withdraw(RuleFiles files, List<RuleProblem> problems, ImpactReport impact) {
		if (this.closed) {
			return; // an interrupted gate says nothing about the rules
		}
		this.lastRefusedContent = files.contentVersion();
		this.holder.withdraw(new FailedAttempt(Instant.now(), files.origin(), files.version(), problems, impact));
		logger.error("Rule base " + files.version() + " from " + files.origin() + " served on the build's gate"
				+ " record, but failed the gate here; it no longer serves, and every screening is answered"
				+ " \"see a doctor\" until an edit passes the gate:\n  "
				+ String.join("\n  ", problems.stream().map(RuleProblem::toString).toList()));
	}

	/**
	 * The first rule base had nothing to be compared with, so its gate left out the screenings only
	 * a comparison needs (the not-sure pairs). Done now, after readers are let go, so that the first
	 * edit's impact report does not pay for them; on the loading thread, as a reload's gate would be.
	 */
	private void completeFirstSweep() {
		RuleBase serving = this.holder.now().serving();
		if (serving == null) {
			return;
		}
		long started = System.nanoTime();
		try {
			int screened = RuleBaseGate.completeSweep(serving, this.gateWorkers, this.properties.gateTimeout(),
					this.properties.screeningTimeout());
			logger.info("Rule base " + serving.version() + ": " + screened + " more answer sets screened for the"
					+ " next impact report, in " + (System.nanoTime() - started) / 1_000_000 + " ms");
		}
		catch (RuntimeException ex) {
			// Only the next report's speed depends on it: that report screens whatever is missing.
			logger.info("Rule base " + serving.version() + ": the answer sets for the next impact report were"
					+ " not screened ahead (" + ex + "); the next change screens them");
		}
	}

	/**
	 * Does what the next load will do a few times with the serving files, and throws the results away:
	 * for a watched folder, compiles and gates them, comparing each with what serves; for a replica,
	 * compiles them and screens once, as it takes up a published version. Each new rule base brings new
	 * classes to the engine's calls, and the JVM recompiles them for each of the first few; done here,
	 * while nobody waits, the author's first save, or the first version published, is taken up as fast
	 * as later ones. A load asked for stops it.
	 */
	private void warmUp() {
		RuleBase serving = this.holder.now().serving();
		boolean published = this.source != null;
		if (this.properties.warmUpReloads() == 0 || serving == null
				|| !(published || (this.properties.watch() && Files.isDirectory(this.properties.dir())))) {
			return;
		}
		synchronized (this.warmUpLock) {
			if (this.loadAsked || this.closed) {
				return;
			}
			this.warmingUp = Thread.currentThread();
		}
		long started = System.nanoTime();
		String stopped = "";
		try {
			while (this.warmUpsDone < this.properties.warmUpReloads() && !loadAsked()) {
				RuleBase practice = RuleBaseCompiler.compile(serving.files());
				if (published) {
					screensOnce(practice);
				}
				else {
					RuleBaseGate.run(practice, serving, this.gateWorkers, this.properties.gateTimeout(),
							this.properties.screeningTimeout());
				}
				this.warmUpsDone++;
			}
		}
		catch (RuntimeException ex) {
			// Stopped by a load asked for (or anything else): only the speed of the next reload depends on it.
			stopped = " (stopped: " + (ex instanceof CancellationException ? "a reload was asked for, or the app is stopping" : ex) + ")";
		}
		finally {
			synchronized (this.warmUpLock) {
				this.warmingUp = null;
				Thread.interrupted(); // an interrupt meant for the warm-up must not reach the next load
			}
		}
		logger.info("Rule base " + serving.version() + ": reload path warmed up with " + this.warmUpsDone
				+ " practice reload(s) in " + (System.nanoTime() - started) / 1_000_000 + " ms" + stopped);
	}

	private boolean loadAsked() {
		synchronized (this.warmUpLock) {
			return this.loadAsked;
		}
	}

	/** How many practice reloads the warm-up finished; for tests. */
	int warmUpsDone() {
		return this.warmUpsDone;
	}

	/**
	 * Waits until the screening and warming up done after the first load have ended; for measurements,
	 * and for tests that time an edit as an author makes it once the app has settled.
	 */
	public boolean awaitAhead(Duration time) throws InterruptedException {
		return this.aheadDone.await(time.toMillis(), TimeUnit.MILLISECONDS);
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
	 * and swaps the result in only if it passes; waits for it on the loading thread, after any load
	 * before it. On failure the serving rule base stays, and the failure is kept and logged.
	 *
	 * @return true when the candidate was accepted (or is the one already serving)
	 */
	public boolean reload() {
		return onLoadingThread(() -> load(false, false));
	}

	/**
	 * Like {@link #reload()}, but only from the configured folder: after an edit, a missing folder
	 * is an author's mistake (or a folder being replaced), not a reason to fall back to the packaged
	 * copy. It is refused and reported until the folder is back.
	 */
	public boolean reloadFolder() {
		return onLoadingThread(() -> load(true, false));
	}

	/**
	 * Compiles a version that is about to become active and keeps it ready, so that the load that
	 * finds it active serves it without compiling it then: replicas that have it ready swap to it
	 * together, within moments of its becoming active. It is checked here as that load would check it
	 * (one screening when its record vouches for it and for this code, else the whole gate), and it
	 * never serves from here. On the loading thread, one load at a time.
	 *
	 * @return whether it is ready (or already serves)
	 */
	public boolean prepare(AdmittedRules rules) {
		return onLoadingThread(() -> prepareNow(rules));
	}

	/** The version that {@link #prepare} has ready, if any. */
	public Optional<RuleBase> prepared() {
		return Optional.ofNullable(this.prepared);
	}

	private boolean onLoadingThread(Callable<Boolean> task) {
		startFirstLoad();
		started(); // a load is wanted now: the work after the first load need not wait for the start
		synchronized (this.warmUpLock) {
			this.loadAsked = true;
			if (this.warmingUp != null) {
				this.warmingUp.interrupt();
			}
		}
		ExecutorService loads = this.loads;
		if (loads == null) {
			return false; // closed before it ever started
		}
		Future<Boolean> done;
		try {
			done = loads.submit(task);
		}
		catch (RejectedExecutionException ex) {
			return false; // stopping
		}
		try {
			return done.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (CancellationException ex) {
			return false;
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	private boolean load(boolean folderOnly, boolean first) {
		if (this.source != null) {
			return loadAdmitted(first);
		}
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
		return load(files, first ? this.buildRecord : Optional.empty(), first);
	}

	private boolean prepareNow(AdmittedRules rules) {
		RuleFiles files = rules.files();
		RuleBase serving = this.holder.now().serving();
		if ((serving != null && sameContent(serving.files(), files)) || isPrepared(files)) {
			return true;
		}
		long started = System.nanoTime();
		try {
			this.prepared = admit(RuleBaseCompiler.compile(files), Optional.of(rules.record()), serving);
		}
		catch (CancellationException | RejectedExecutionException ex) {
			return false; // stopping
		}
		catch (RuntimeException | StackOverflowError ex) {
			// Not kept: the load that finds this version active checks it again, and reports why.
			logger.warn("Rule base " + files.version() + " from " + files.origin() + " could not be made ready: "
					+ (ex instanceof RuleBaseRejected rejected ? rejected.problems() : ex));
			return false;
		}
		logger.info("Rule base " + files.version() + " from " + files.origin() + " is ready in "
				+ (System.nanoTime() - started) / 1_000_000 + " ms; it serves once it is the active version");
		return true;
	}

	private boolean isPrepared(RuleFiles files) {
		RuleBase ready = this.prepared;
		return ready != null && sameContent(ready.files(), files);
	}

	private static boolean sameContent(RuleFiles a, RuleFiles b) {
		return a.contentVersion().equals(b.contentVersion()) && a.origin().equals(b.origin());
	}

	/** The active version of the shared store: served once compiled if its record vouches for it here. */
	private boolean loadAdmitted(boolean first) {
		Optional<AdmittedRules> active;
		try {
			active = this.source.active();
		}
		catch (RuntimeException ex) {
			refuse(new FailedAttempt(Instant.now(), this.source.describe(), null, List.of(RuleProblem.of(
					RuleProblem.Kind.CONTENT, null, "the active rule version could not be read: " + ex.getMessage()))));
			return false;
		}
		if (active.isEmpty()) {
			refuse(new FailedAttempt(Instant.now(), this.source.describe(), null, List.of(RuleProblem.of(
					RuleProblem.Kind.CONTENT, null, "no rule version is active yet: publish one (java -jar"
							+ " backsafe.jar publish <rules folder>)"))));
			return false;
		}
		return load(active.get().files(), Optional.of(active.get().record()), first);
	}

	/**
	 * Compiles the files and gates them, unless the record vouches for exactly these files read by
	 * this code: then one screening, and they serve.
	 */
	private boolean load(RuleFiles files, Optional<BuildGateRecord> record, boolean first) {
		CurrentRuleBase.State now = this.holder.now();
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
				this.holder.clearFailure();
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
		boolean madeReady = isPrepared(files);
		boolean fromModel = false;
		try {
			RuleBase built = madeReady ? this.prepared : null;
			if (built == null) {
				Optional<byte[]> model = packagedModel(files, record);
				built = model.map((m) -> fromModel(files, m)).orElse(null);
				fromModel = built != null;
			}
			if (built == null) {
				built = RuleBaseCompiler.compile(files);
			}
			compiled = System.nanoTime();
			candidate = madeReady ? built // checked when it was made ready
					: admit(built, record, now.serving());
		}
		catch (CancellationException | RejectedExecutionException ex) {
			// Interrupted, or the gate's workers shut down: the app is stopping. Nothing is known
			// about these files, so nothing is kept.
			logger.info("Loading rule base " + files.version() + " from " + files.origin() + " was cancelled");
			return false;
		}
		catch (RuleBaseRejected ex) {
			if (this.closed) {
				return cancelled(files); // Drools reports an interrupted compile as a failed one
			}
			this.lastRefusedContent = files.contentVersion();
			refuse(new FailedAttempt(Instant.now(), files.origin(), files.version(), ex.problems(), ex.impact()));
			return false;
		}
		catch (RuntimeException | StackOverflowError ex) {
			if (this.closed) {
				return cancelled(files);
			}
			this.lastRefusedContent = files.contentVersion();
			refuse(new FailedAttempt(Instant.now(), files.origin(), files.version(),
					List.of(RuleProblem.of(RuleProblem.Kind.COMPILE, null, String.valueOf(ex)))));
			return false;
		}
		this.holder.publish(candidate);
		this.prepared = null;
		this.lastRefusedContent = null;
		if (!candidate.gatedHere()) {
			logger.info("Rule base " + candidate.version() + " serving from " + files.origin() + ": "
					+ candidate.rules().size() + " rules; "
					+ (madeReady ? "made ready before it became active"
							: fromModel ? "made from the build's executable model of them in "
									+ (compiled - started) / 1_000_000 + " ms"
									: "compiled in " + (compiled - started) / 1_000_000 + " ms")
					+ "; these exact files passed the whole gate "
					+ (this.source != null ? "when they were published, run by this same code"
							: "when this build was made (its record: " + BuildGateRecord.LOCATION + ")")
					+ (first && this.properties.checkAfterStart()
							? ", and it runs again here once the app has started"
							: first ? "; it does not run again here (backsafe.rules.check-after-start=false)" : ""));
			return true;
		}
		logger.info("Rule base " + candidate.version() + " serving from " + files.origin() + ": "
				+ candidate.rules().size() + " rules, " + candidate.scenarios().size() + " scenarios passed; compiled in "
				+ (compiled - started) / 1_000_000 + " ms, gate (with the impact report) passed in "
				+ (System.nanoTime() - compiled) / 1_000_000 + " ms\n"
				+ candidate.impact().map(ImpactReport::toText).orElse(""));
		return true;
	}

	/**
	 * Built rules as they may serve: vouched for by the record, when it names exactly these files and
	 * this code, and they screen once; else through the whole gate, compared with what serves.
	 * @throws RuleBaseRejected when the gate refuses them
	 */
	private RuleBase admit(RuleBase built, Optional<BuildGateRecord> record, RuleBase serving) {
		Optional<BuildGateRecord> vouching = record.filter((r) -> r.vouchesFor(built.files(), codeVersion()));
		return vouching.isPresent() && screensOnce(built) ? built.vouchedFor(vouching.get())
				: RuleBaseGate.admit(built, serving, this.gateWorkers, this.properties.gateTimeout(),
						this.properties.screeningTimeout());
	}

	/**
	 * The executable model the build made of exactly these files with this code, and gated, when the
	 * build's record vouches for them too: they then serve without being compiled.
	 */
	private Optional<byte[]> packagedModel(RuleFiles files, Optional<BuildGateRecord> record) {
		return record.filter((r) -> r.vouchesFor(files, codeVersion()))
			.flatMap((r) -> BuildGateRecord.modelOnClasspath(files, codeVersion()));
	}

	private static RuleBase fromModel(RuleFiles files, byte[] model) {
		try {
			return RuleBaseCompiler.fromModel(files, model);
		}
		catch (RuntimeException ex) {
			logger.warn("Rule base " + files.version() + " could not be made from the build's executable model (" + ex
					+ "); it is compiled instead");
			return null;
		}
	}

	private String codeVersion() {
		String code = this.codeVersion;
		if (code == null) {
			code = BuildGateRecord.currentCodeVersion();
			this.codeVersion = code;
		}
		return code;
	}

	/**
	 * One screening of answers the build's gate screened too, before vouched-for rules serve: the
	 * engine's first screening in a new JVM is slow, and should be nobody's. Should it fail, the whole
	 * gate decides.
	 */
	private static boolean screensOnce(RuleBase built) {
		try {
			built.screen(RuleBaseGate.bases().get(0));
			return true;
		}
		catch (RuntimeException | StackOverflowError ex) {
			logger.warn("Rule base " + built.version() + " failed a screening its build's gate passed (" + ex
					+ "); the whole gate runs before it serves");
			return false;
		}
	}

	/** At shutdown a load stops half done: that says nothing about the files, so nothing is kept. */
	private static boolean cancelled(RuleFiles files) {
		logger.info("Loading rule base " + files.version() + " from " + files.origin() + " was cancelled");
		return false;
	}

	private static boolean same(RuleFiles a, RuleFiles b) {
		return a.version().equals(b.version()) && a.origin().equals(b.origin());
	}

	private void refuse(FailedAttempt attempt) {
		RuleBase current = this.holder.now().serving();
		this.holder.refuse(attempt);
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
		this.holder.releaseReaders();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Stops the loading thread and the gate's workers at once (a load in progress is cancelled and
	 * leaves nothing behind); one stuck in a rule that never returns is a daemon thread.
	 */
	@Override
	public synchronized void close() {
		this.closed = true;
		this.holder.releaseReaders();
		this.started.countDown(); // a loading thread waiting for the start has nothing left to wait for
		ExecutorService loads = this.loads;
		if (loads != null) {
			loads.shutdownNow();
		}
		this.gateWorkers.close();
	}

}
