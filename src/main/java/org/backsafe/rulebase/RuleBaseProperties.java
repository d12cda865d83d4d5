package org.backsafe.rulebase;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;

/**
 * Where the rules come from, and whether the running app follows edits to them. The folder is bound
 * as text and made a path here: Spring's own conversion to a path goes through a resource lookup
 * that refuses paths starting with "..".
 */
@ConfigurationProperties("backsafe.rules")
public final class RuleBaseProperties {

	/**
	 * The whole gate's time limit, as a default: a backstop for rules that always return but so
	 * slowly that the gate's thousands of screenings would hold up every later edit. The shipped
	 * rules' gate takes 1 to 2 s warm and up to 8 s at start-up on two cores shared with busy builds;
	 * a limit of 20 s still refused them once at start-up under heavier load, and left nothing
	 * serving. So it is generous. A rule that never returns is caught by the screening time limit.
	 */
	public static final String DEFAULT_GATE_TIMEOUT = "5m";

	/**
	 * One screening's time limit, in CPU time, in the gate and when serving, as a default. A screening
	 * uses tens of microseconds, the first in a new JVM some milliseconds; only one that never returns
	 * (or nearly) reaches this. One that uses no CPU is stopped at ten times this on the clock.
	 */
	public static final String DEFAULT_SCREENING_TIMEOUT = "2s";

	private final Path dir;

	private final boolean watch;

	private final Duration debounce;

	private final Duration gateTimeout;

	private final Duration screeningTimeout;

	private final int warmUpReloads;

	private final boolean trustBuildRecord;

	private final boolean checkAfterStart;

	/**
	 * @param dir the rules folder; when it does not exist at start, the copy packaged in the jar serves
	 * @param watch whether to watch the folder and reload it after each edit (the packaged copy is
	 * never watched)
	 * @param debounce how long the folder must stay quiet after an edit before it is reloaded, so that
	 * a save made of several file operations is loaded once
	 * @param gateTimeout how long a candidate's whole gate (scenarios and invariant sweep) may take; a
	 * candidate that takes longer is refused
	 * @param screeningTimeout how much CPU time one screening may use (and ten times that on the
	 * clock): in the gate, a candidate with a
	 * screening that takes longer is refused (a rule that never returns); when serving, the screening
	 * is answered with the fail-safe result
	 * @param warmUpReloads when the folder is watched, how many times the first rule base is compiled
	 * and gated once more after it serves, and thrown away: the JVM then has compiled the reload
	 * path for more than one rule base, and an author's first save is taken up as fast as later ones
	 * (about a second sooner on two cores). A save meanwhile stops it. With rule versions from the
	 * database, how many times a replica compiles the serving version and screens once, as a take-up
	 * of a published version does. 0 turns it off.
	 * @param trustBuildRecord whether, at start-up, rules that the build's gate record vouches for
	 * (exactly the files that passed the whole gate when the jar was built, read by the same code) serve
	 * as soon as they are compiled, the whole gate running again once the app has started; a failure
	 * then withdraws them (see {@link BuildGateRecord}). Off: the whole gate runs before they serve.
	 * @param checkAfterStart whether, once the app has started, rules that served on the build's
	 * record go through the whole gate here too, and the answer sets the first edit's impact report
	 * needs are screened ahead. Off, the build's record is trusted alone, and the first edit's gate
	 * screens what it needs itself: only for where start-up CPU counts for more than both (the tests'
	 * many application contexts, each with the build's own rules).
	 */
	@ConstructorBinding
	public RuleBaseProperties(@DefaultValue("./rules") String dir, @DefaultValue("true") boolean watch,
			@DefaultValue("250ms") Duration debounce, @DefaultValue(DEFAULT_GATE_TIMEOUT) Duration gateTimeout,
			@DefaultValue(DEFAULT_SCREENING_TIMEOUT) Duration screeningTimeout,
			@DefaultValue("2") int warmUpReloads, @DefaultValue("true") boolean trustBuildRecord,
			@DefaultValue("true") boolean checkAfterStart) {
		this(Path.of(dir), watch, debounce, gateTimeout, screeningTimeout, warmUpReloads, trustBuildRecord,
				checkAfterStart);
	}

	/** Without warming up, as tests that time nothing want it. */
	public RuleBaseProperties(Path dir, boolean watch, Duration debounce, Duration gateTimeout,
			Duration screeningTimeout) {
		this(dir, watch, debounce, gateTimeout, screeningTimeout, 0);
	}

	/** Without the build's gate record: the whole gate runs before the first rule base serves. */
	public RuleBaseProperties(Path dir, boolean watch, Duration debounce, Duration gateTimeout,
			Duration screeningTimeout, int warmUpReloads) {
		this(dir, watch, debounce, gateTimeout, screeningTimeout, warmUpReloads, false);
	}

	public RuleBaseProperties(Path dir, boolean watch, Duration debounce, Duration gateTimeout,
			Duration screeningTimeout, int warmUpReloads, boolean trustBuildRecord) {
		this(dir, watch, debounce, gateTimeout, screeningTimeout, warmUpReloads, trustBuildRecord, true);
	}

	public RuleBaseProperties(Path dir, boolean watch, Duration debounce, Duration gateTimeout,
			Duration screeningTimeout, int warmUpReloads, boolean trustBuildRecord, boolean checkAfterStart) {
		this.dir = dir;
		this.watch = watch;
		this.debounce = debounce;
		this.gateTimeout = positive(gateTimeout, "gate-timeout");
		this.screeningTimeout = positive(screeningTimeout, "screening-timeout");
		if (warmUpReloads < 0) {
			throw new IllegalArgumentException("backsafe.rules.warm-up-reloads must be 0 or more, not " + warmUpReloads);
		}
		this.warmUpReloads = warmUpReloads;
		this.trustBuildRecord = trustBuildRecord;
		this.checkAfterStart = checkAfterStart;
	}

	/** A folder with the default time limits. */
	public RuleBaseProperties(Path dir, boolean watch, Duration debounce) {
		this(dir, watch, debounce, defaultDuration(DEFAULT_GATE_TIMEOUT), defaultDuration(DEFAULT_SCREENING_TIMEOUT));
	}

	/** One of the defaults above ("5m") as a duration. */
	static Duration defaultDuration(String text) {
		return DurationStyle.detectAndParse(text);
	}

	/** A folder, watched, with the default quiet time and time limits. */
	public RuleBaseProperties(Path dir) {
		this(dir, true, Duration.ofMillis(250));
	}

	private static Duration positive(Duration duration, String name) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException("backsafe.rules." + name + " must be more than zero, not " + duration);
		}
		return duration;
	}

	/** The same with another gate time limit. */
	public RuleBaseProperties withGateTimeout(Duration timeout) {
		return new RuleBaseProperties(this.dir, this.watch, this.debounce, timeout, this.screeningTimeout,
				this.warmUpReloads, this.trustBuildRecord, this.checkAfterStart);
	}

	/** The same, watched or not. */
	public RuleBaseProperties withWatch(boolean watch) {
		return new RuleBaseProperties(this.dir, watch, this.debounce, this.gateTimeout, this.screeningTimeout,
				this.warmUpReloads, this.trustBuildRecord, this.checkAfterStart);
	}

	/** The same, warming up the reload path this many times after the first load. */
	public RuleBaseProperties withWarmUpReloads(int times) {
		return new RuleBaseProperties(this.dir, this.watch, this.debounce, this.gateTimeout, this.screeningTimeout,
				times, this.trustBuildRecord, this.checkAfterStart);
	}

	/** The same with another screening time limit. */
	public RuleBaseProperties withScreeningTimeout(Duration timeout) {
		return new RuleBaseProperties(this.dir, this.watch, this.debounce, this.gateTimeout, timeout,
				this.warmUpReloads, this.trustBuildRecord, this.checkAfterStart);
	}

	public Path dir() {
		return this.dir;
	}

	public boolean watch() {
		return this.watch;
	}

	public Duration debounce() {
		return this.debounce;
	}

	public Duration gateTimeout() {
		return this.gateTimeout;
	}

	public Duration screeningTimeout() {
		return this.screeningTimeout;
	}

	public int warmUpReloads() {
		return this.warmUpReloads;
	}

	/** The same, trusting the build's gate record at start-up or not. */
	public RuleBaseProperties withTrustBuildRecord(boolean trust) {
		return new RuleBaseProperties(this.dir, this.watch, this.debounce, this.gateTimeout, this.screeningTimeout,
				this.warmUpReloads, trust, this.checkAfterStart);
	}

	public boolean trustBuildRecord() {
		return this.trustBuildRecord;
	}

	/** The same, with or without the work after start-up (see the constructor). */
	public RuleBaseProperties withCheckAfterStart(boolean check) {
		return new RuleBaseProperties(this.dir, this.watch, this.debounce, this.gateTimeout, this.screeningTimeout,
				this.warmUpReloads, this.trustBuildRecord, check);
	}

	public boolean checkAfterStart() {
		return this.checkAfterStart;
	}

}
