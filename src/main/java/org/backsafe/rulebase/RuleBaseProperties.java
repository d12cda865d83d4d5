package org.backsafe.rulebase;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the rules come from, and whether the running app follows edits to them.
 *
 * @param dir the rules folder; when it does not exist at start, the copy packaged in the jar serves
 * @param watch whether to watch the folder and reload it after each edit (the packaged copy is never
 * watched)
 * @param debounce how long the folder must stay quiet after an edit before it is reloaded, so that a
 * save made of several file operations is loaded once
 */
@ConfigurationProperties("backsafe.rules")
public record RuleBaseProperties(Path dir, boolean watch, Duration debounce) {

	@ConstructorBinding
	public RuleBaseProperties(@DefaultValue("./rules") Path dir, @DefaultValue("true") boolean watch,
			@DefaultValue("250ms") Duration debounce) {
		this.dir = dir;
		this.watch = watch;
		this.debounce = debounce;
	}

	/** A folder, watched, with the default quiet time. */
	public RuleBaseProperties(Path dir) {
		this(dir, true, Duration.ofMillis(250));
	}

}
