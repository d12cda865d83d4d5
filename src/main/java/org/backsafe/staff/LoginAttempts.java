package org.backsafe.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins per user name. After {@code max} failures in a row the name is locked for a while,
 * whether or not such a user exists, so a lockout tells an attacker nothing about which names are
 * real. Kept in memory: a restart forgets it, which an attacker cannot cause from outside.
 */
class LoginAttempts {

	/** Bounds the memory an attacker can fill with made-up names. */
	static final int MAX_TRACKED = 10_000;

	private record Failures(int count, Instant lockedUntil) {
	}

	private final Map<String, Failures> failures = new ConcurrentHashMap<>();

	private final int max;

	private final Duration lockout;

	private final Clock clock;

	LoginAttempts(int max, Duration lockout, Clock clock) {
		this.max = max;
		this.lockout = lockout;
		this.clock = clock;
	}

	boolean isLocked(String name) {
		Failures f = this.failures.get(key(name));
		return f != null && f.lockedUntil() != null && this.clock.instant().isBefore(f.lockedUntil());
	}

	void failed(String name) {
		if (this.failures.size() >= MAX_TRACKED) {
			forgetExpired();
		}
		Instant now = this.clock.instant();
		this.failures.compute(key(name), (k, f) -> {
			int count = (f == null || (f.lockedUntil() != null && !now.isBefore(f.lockedUntil()))) ? 1 : f.count() + 1;
			return new Failures(count, (count >= this.max) ? now.plus(this.lockout) : null);
		});
	}

	void succeeded(String name) {
		this.failures.remove(key(name));
	}

	private void forgetExpired() {
		Instant now = this.clock.instant();
		this.failures.values().removeIf((f) -> f.lockedUntil() == null || !now.isBefore(f.lockedUntil()));
	}

	private static String key(String name) {
		return (name != null) ? name.strip().toLowerCase(Locale.ROOT) : "";
	}

}
