package org.backsafe.rulebase;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.backsafe.screening.ServingRules;

/**
 * A real loader and its holder, wired and started as Spring starts them, read and driven under one
 * name in tests.
 */
public final class LoadedRules implements ServingRules, AutoCloseable {

	private final RuleBaseLoader loader;

	private LoadedRules(RuleBaseLoader loader) {
		this.loader = loader;
	}

	/** A loader whose first load has started, in an app that has started, as when Spring has made it. */
	public static LoadedRules of(RuleBaseProperties properties) {
		RuleBaseLoader loader = new RuleBaseLoader(properties);
		loader.afterPropertiesSet();
		loader.started();
		return new LoadedRules(loader);
	}

	/**
	 * A loader whose first load has started, trusting the given build record, in an app that has not
	 * yet said it started ({@link #started()}).
	 */
	static LoadedRules startingWith(RuleBaseProperties properties, BuildGateRecord record) {
		RuleBaseLoader loader = new RuleBaseLoader(properties, Optional.of(record));
		loader.afterPropertiesSet();
		return new LoadedRules(loader);
	}

	/** The app has started, as Spring's ready event says. */
	void started() {
		this.loader.started();
	}

	public RuleBaseLoader loader() {
		return this.loader;
	}

	public CurrentRuleBase holder() {
		return this.loader.holder();
	}

	public CurrentRuleBase.State state() {
		return holder().state();
	}

	@Override
	public Optional<RuleBase> serving() {
		return holder().serving();
	}

	@Override
	public Duration screeningTimeout() {
		return holder().screeningTimeout();
	}

	public Optional<FailedAttempt> lastFailure() {
		return holder().lastFailure();
	}

	public Optional<RuleBase> byVersion(String version) {
		return holder().byVersion(version);
	}

	public List<CurrentRuleBase.AdmittedVersion> history() {
		return holder().history();
	}

	public RuleBaseProperties properties() {
		return this.loader.properties();
	}

	public boolean reload() {
		return this.loader.reload();
	}

	public boolean reloadFolder() {
		return this.loader.reloadFolder();
	}

	public int abandonedGateWorkers() {
		return this.loader.abandonedGateWorkers();
	}

	boolean awaitAhead(Duration time) throws InterruptedException {
		return this.loader.awaitAhead(time);
	}

	public void start() {
		this.loader.start();
	}

	public void stop() {
		this.loader.stop();
	}

	@Override
	public void close() {
		this.loader.close();
	}

}
