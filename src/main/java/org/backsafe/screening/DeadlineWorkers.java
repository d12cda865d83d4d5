package org.backsafe.screening;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A bounded pool of daemon threads for work that runs rule code, which may never return: a DRL
 * condition or consequence can loop, and Java cannot stop a thread stuck in a loop (interrupting it
 * does nothing; {@code Thread.stop} is unsafe, and throws from Java 20 on). So every piece of work has a
 * deadline; when it passes, the work is cancelled, and a worker that still has not come back a moment
 * later is abandoned: it is a daemon, so it never holds up the JVM's exit, and the pool it belonged to
 * is never given work again (the next task gets a fresh pool, so a stuck worker never makes later
 * work wait). An abandoned worker may keep a core busy until the app restarts; {@link #abandoned()}
 * says how many are still alive, and the health check shows it.
 *
 * <p>
 * A step's limit counts the CPU time its worker spent on it, not the time on the clock: a loop burns
 * CPU without end, while on a busy machine a screening that waits its turn for a core burns almost
 * none, and must not be taken for a loop (two cores shared with other builds made a 20 s clock limit
 * refuse the shipped rules at start-up). Work that waits without using CPU (a rule blocked for good)
 * is caught by the clock, at {@value #CLOCK_FACTOR} times the step's limit.
 */
public final class DeadlineWorkers implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(DeadlineWorkers.class);

	/** After cancelling, how long a worker has to notice and come back before it is abandoned. */
	private static final long GRACE_MILLIS = 250;

	/** At shutdown, how long to wait for the workers; a stuck one would never end, and is a daemon. */
	private static final long SHUTDOWN_MILLIS = 1000;

	/** A step that has used no CPU for this many times its limit is taken for stuck all the same. */
	public static final int CLOCK_FACTOR = 10;

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private static final boolean CPU_TIME = cpuTimeAvailable();

	private final String name;

	private final int threads;

	private final int queue;

	private final int maxAbandoned;

	private final AtomicInteger created = new AtomicInteger();

	private final List<Thread> abandoned = new CopyOnWriteArrayList<>();

	private ThreadPoolExecutor pool; // guarded by this

	private volatile boolean closed;

	/**
	 * @param name the prefix of the workers' thread names
	 * @param threads how many workers run at once
	 * @param queue how much work may wait for a worker; more is refused at once
	 * @param maxAbandoned how many abandoned workers may be alive before all work is refused at once
	 */
	public DeadlineWorkers(String name, int threads, int queue, int maxAbandoned) {
		this.name = name;
		this.threads = threads;
		this.queue = queue;
		this.maxAbandoned = maxAbandoned;
	}

	/** One worker per core, at least two and at most {@code max}. */
	public static int perCore(int max) {
		return Math.max(2, Math.min(max, Runtime.getRuntime().availableProcessors()));
	}

	/** Abandoned workers still alive: each is stuck in rule code that never returned. */
	public int abandoned() {
		this.abandoned.removeIf((thread) -> !thread.isAlive());
		return this.abandoned.size();
	}

	/** True when so many workers are stuck that no more work is taken (a restart frees them). */
	public boolean exhausted() {
		return abandoned() >= this.maxAbandoned;
	}

	/**
	 * Runs one task and waits for it until it has used the timeout in CPU time (or ten times the timeout
	 * on the clock, whichever comes first).
	 *
	 * @throws Late when it did not finish in time (it is cancelled, and its worker abandoned if stuck)
	 * @throws ExecutionException when the task threw; the cause is what it threw
	 * @throws RejectedExecutionException when the queue is full, too many workers are stuck, or the
	 * pool is shut down
	 * @throws InterruptedException when the calling thread was interrupted while waiting
	 */
	public <T> T call(Callable<T> task, Duration timeout) throws Late, ExecutionException, InterruptedException {
		Batch<T> batch = runAll(List.of(task), System.nanoTime() + timeout.toNanos() * CLOCK_FACTOR, timeout);
		if (batch.late() != null) {
			throw batch.late();
		}
		return batch.results().get(0);
	}

	/**
	 * Runs the tasks side by side, and waits until all have finished, the deadline has passed, or a
	 * task that works in {@link Stepped steps} has been on one step longer than the step limit. Then
	 * every unfinished task is cancelled (interrupted), and its worker abandoned if it does not come
	 * back within a moment.
	 *
	 * @param deadline a {@link System#nanoTime()} reading
	 * @param stepLimit how much CPU time one step of a {@link Stepped} task (or a whole task that is not
	 * stepped) may use, and a tenth of the clock time it may take; null for no limit
	 * @return the results of the tasks in order, null for each that did not finish; and when time ran
	 * out, which task it ran out on and where that task was
	 * @throws ExecutionException when a task threw (the others are cancelled)
	 * @throws RejectedExecutionException when the queue is full, too many workers are stuck, or the
	 * pool is shut down
	 * @throws InterruptedException when the calling thread was interrupted (the tasks are cancelled)
	 */
	public <T> Batch<T> runAll(List<? extends Callable<T>> tasks, long deadline, Duration stepLimit)
			throws ExecutionException, InterruptedException {
		if (exhausted()) {
			throw new RejectedExecutionException(abandoned() + " workers of " + this.name
					+ " are stuck in rule code that never returned; no more work is taken until a restart");
		}
		CountDownLatch done = new CountDownLatch(tasks.size());
		List<Tracked<T>> tracked = new ArrayList<>();
		List<Future<T>> futures = new ArrayList<>();
		ThreadPoolExecutor pool = pool();
		try {
			for (Callable<T> task : tasks) {
				Tracked<T> one = new Tracked<>(task, done);
				futures.add(pool.submit(one));
				tracked.add(one);
			}
		}
		catch (RejectedExecutionException ex) {
			futures.forEach((f) -> f.cancel(true));
			throw ex;
		}
		Late late;
		try {
			late = await(done, deadline, stepLimit, tracked);
		}
		catch (InterruptedException ex) {
			abandonUnfinished(pool, tracked, futures);
			throw ex;
		}
		if (late != null) {
			abandonUnfinished(pool, tracked, futures);
			if (this.closed) {
				throw new RejectedExecutionException(this.name + " is shut down");
			}
		}
		List<T> results = new ArrayList<>();
		for (Tracked<T> one : tracked) {
			// Read from the task itself: its future is set only a moment after it counts down.
			if (one.failure != null && late == null) {
				futures.forEach((f) -> f.cancel(true));
				throw new ExecutionException(one.failure);
			}
			results.add(one.finished && one.failure == null ? one.value : null);
		}
		return new Batch<>(results, late);
	}

	/**
	 * Waits for all tasks; null when all finished, else where time ran out: on a step that took too
	 * long, or at the deadline (on the first unfinished task that had started), or at shutdown.
	 */
	private <T> Late await(CountDownLatch done, long deadline, Duration stepLimit, List<Tracked<T>> tracked)
			throws InterruptedException {
		while (true) {
			long now = System.nanoTime();
			if (now - deadline >= 0) {
				return done.getCount() == 0 ? null : lateOne(tracked, false);
			}
			if (done.await(Math.min(deadline - now, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS)) {
				return null;
			}
			if (stepLimit != null) {
				for (int i = 0; i < tracked.size(); i++) {
					Tracked<T> one = tracked.get(i);
					if (one.stepOverLimit(stepLimit.toNanos())) {
						return new Late(i, one.runner.getStackTrace(), true);
					}
				}
			}
			if (this.closed) {
				return lateOne(tracked, false);
			}
		}
	}

	private static boolean cpuTimeAvailable() {
		try {
			if (THREADS.isThreadCpuTimeSupported() && !THREADS.isThreadCpuTimeEnabled()) {
				THREADS.setThreadCpuTimeEnabled(true);
			}
			return THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
		}
		catch (UnsupportedOperationException | SecurityException ex) {
			return false;
		}
	}

	/** The CPU time a thread has used so far, or -1 when that cannot be told (then the clock decides). */
	@SuppressWarnings("deprecation") // Thread.threadId() is from Java 19; getId() is the same number
	static long cpuTime(Thread thread) {
		return CPU_TIME ? THREADS.getThreadCpuTime(thread.getId()) : -1;
	}

	private ThreadPoolExecutor pool() {
		synchronized (this) {
			if (this.closed) {
				throw new RejectedExecutionException(this.name + " is shut down");
			}
			if (this.pool == null) {
				ThreadPoolExecutor fresh = new ThreadPoolExecutor(this.threads, this.threads, 30, TimeUnit.SECONDS,
						new LinkedBlockingQueue<>(this.queue), (task) -> {
							Thread thread = new Thread(task, this.name + "-" + this.created.incrementAndGet());
							thread.setDaemon(true);
							return thread;
						});
				fresh.allowCoreThreadTimeOut(true);
				this.pool = fresh;
			}
			return this.pool;
		}
	}

	/** The first unfinished task that had started, and where it is. */
	private static <T> Late lateOne(List<Tracked<T>> tracked, boolean step) {
		for (int i = 0; i < tracked.size(); i++) {
			Tracked<T> one = tracked.get(i);
			Thread runner = one.runner;
			if (runner != null && !one.finished) {
				return new Late(i, runner.getStackTrace(), step);
			}
		}
		return new Late(-1, new StackTraceElement[0], step);
	}

	/**
	 * Cancels what has not finished; a worker that does not come back within the grace time is
	 * abandoned, and its pool retired: it takes no more work, its other workers end once idle.
	 */
	private <T> void abandonUnfinished(ThreadPoolExecutor pool, List<Tracked<T>> tracked, List<Future<T>> futures) {
		futures.forEach((f) -> f.cancel(true));
		boolean interrupted = Thread.interrupted(); // the grace wait below must not be cut short
		long grace = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
		List<Thread> stuck = new ArrayList<>();
		for (Tracked<T> one : tracked) {
			while (one.isRunning() && grace - System.nanoTime() > 0) {
				LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
			}
			Thread runner = one.runner;
			if (one.isRunning() && runner != null) {
				stuck.add(runner);
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
		if (stuck.isEmpty()) {
			return;
		}
		synchronized (this) {
			if (this.pool == pool) {
				this.pool = null;
			}
		}
		pool.shutdown();
		this.abandoned.addAll(stuck);
		logger.warn(stuck.size() + (stuck.size() == 1 ? " worker" : " workers") + " of " + this.name
				+ " did not come back from rule code that never returned, and "
				+ (stuck.size() == 1 ? "is" : "are") + " abandoned " + stuck.stream().map(Thread::getName).toList()
				+ "; work goes to fresh workers. Each may keep a core busy until the app restarts ("
				+ abandoned() + " abandoned in all).");
	}

	/**
	 * Stops the workers at once (Spring calls this at shutdown): running work is interrupted, waiting
	 * work dropped, and this waits a moment for the workers. A stuck one is a daemon and does not hold
	 * up the JVM's exit.
	 */
	@Override
	public void close() {
		ThreadPoolExecutor last;
		synchronized (this) {
			this.closed = true;
			last = this.pool;
			this.pool = null;
		}
		if (last == null) {
			return;
		}
		last.shutdownNow();
		try {
			if (!last.awaitTermination(SHUTDOWN_MILLIS, TimeUnit.MILLISECONDS)) {
				logger.warn("Some workers of " + this.name + " did not stop within " + SHUTDOWN_MILLIS
						+ " ms; they are daemon threads and do not hold up the exit");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * What a batch gave.
	 *
	 * @param results each task's result, in order; null for one that did not finish
	 * @param late when the deadline passed: which task was first still running, and where
	 */
	public record Batch<T>(List<T> results, Late late) {

		public boolean timedOut() {
			return this.late != null;
		}

	}

	/**
	 * A task that works in steps (one screening each, say) and says when its current step began, so
	 * that one step that never ends is seen long before the whole task's deadline.
	 */
	public interface Stepped {

		/** The {@link System#nanoTime()} reading when the current step began, or 0 between steps. */
		long stepStarted();

	}

	/** Work that ran out of time: on which task, where that task was, and whether on one step. */
	public static final class Late extends TimeoutException {

		private final int task;

		private final transient StackTraceElement[] where;

		private final boolean step;

		Late(int task, StackTraceElement[] where, boolean step) {
			super("did not finish in time");
			this.task = task;
			this.where = where;
			this.step = step;
		}

		/** The index of the task time ran out on, or -1 if none had started. */
		public int task() {
			return this.task;
		}

		/** True when one step of that task took longer than the step limit; false at the deadline. */
		public boolean onOneStep() {
			return this.step;
		}

		/** The stack of that task's worker at the deadline (empty when none had started). */
		public StackTraceElement[] where() {
			return this.where.clone();
		}

		@Override
		public String toString() {
			return "Late[task " + this.task + ", at " + Arrays.toString(Arrays.copyOf(this.where,
					Math.min(3, this.where.length))) + "]";
		}

	}

	/** A task that knows the worker running it, and counts down when it ends however it ends. */
	private static final class Tracked<T> implements Callable<T> {

		private final Callable<T> work;

		private final CountDownLatch done;

		volatile Thread runner;

		volatile T value;

		volatile Throwable failure;

		volatile boolean finished;

		volatile long started;

		// Read and written by the waiting thread only: the step it last saw, and the CPU time then.
		private long seenStep;

		private long cpuAtSeenStep;

		Tracked(Callable<T> work, CountDownLatch done) {
			this.work = work;
			this.done = done;
		}

		boolean isRunning() {
			return this.runner != null && !this.finished;
		}

		/**
		 * True when the current step (the whole task, if it is not stepped) has used more than the limit
		 * in CPU time since it was first seen, or ten times the limit on the clock since it began.
		 */
		boolean stepOverLimit(long limitNanos) {
			Thread worker = this.runner;
			long step = this.work instanceof Stepped stepped ? stepped.stepStarted() : this.started;
			if (step == 0 || worker == null || this.finished) {
				return false;
			}
			if (System.nanoTime() - step > limitNanos * CLOCK_FACTOR) {
				return true;
			}
			long cpu = cpuTime(worker);
			if (cpu < 0) {
				return System.nanoTime() - step > limitNanos;
			}
			if (step != this.seenStep) {
				this.seenStep = step;
				this.cpuAtSeenStep = cpu;
				return false;
			}
			return cpu - this.cpuAtSeenStep > limitNanos;
		}

		@Override
		public T call() throws Exception {
			this.started = System.nanoTime();
			this.runner = Thread.currentThread();
			try {
				this.value = this.work.call();
				return this.value;
			}
			catch (Exception | Error ex) {
				this.failure = ex;
				throw ex;
			}
			finally {
				this.finished = true;
				this.done.countDown();
			}
		}

	}

}
