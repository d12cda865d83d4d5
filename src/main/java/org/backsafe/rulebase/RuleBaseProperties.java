package org.backsafe.rulebase;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the rules come from, and whether the running app follows edits to them. The folder is bound
 * as text and made a path here: Spring's own conversion to a path goes through a resource lookup
 * that refuses paths starting with "..".
 */
@ConfigurationProperties("backsafe.rules")
public final class RuleBaseProperties {

	private final Path dir;

	private final boolean watch;

	private final Duration debounce;

	/**
	 * @param dir the rules folder; when it does not exist at start, the copy packaged in the jar serves
	 * @param watch whether to watch the folder and reload it after each edit (the packaged copy is
	 * never watched)
	 * @param debounce how long the folder must stay quiet after an edit before it is reloaded, so that
	 * a save made of several file operations is loaded once
	 */
	@ConstructorBinding
	public RuleBaseProperties(@DefaultValue("./rules") String dir, @DefaultValue("true") boolean watch,
			@DefaultValue("250ms") Duration debounce) {
		this(Path.of(dir), watch, debounce);
	}

	public RuleBaseProperties(Path dir, boolean watch, Duration debounce) {
		this.dir = dir;
		this.watch = watch;
		this.debounce = debounce;
	}

	/** A folder, watched, with the default quiet time. */
	public RuleBaseProperties(Path dir) {
		this(dir, true, Duration.ofMillis(250));
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

}
