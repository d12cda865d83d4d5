package org.backsafe.kiosk;

import org.backsafe.kiosk.KioskStorage.State;
import org.backsafe.kiosk.KioskStorage.Status;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The kiosk's storage: UP when the last write went through, DOWN when it failed, with when and (as a
 * class name, never a message) why. When nothing has been written for a few seconds, asking health
 * makes a small probe write first (see {@link KioskStorage}), so health finds a full disk or a
 * read-only file before a patient does, and goes UP again by itself once writes succeed.
 */
@Component("storage")
class StorageHealthIndicator extends AbstractHealthIndicator {

	private final KioskStorage storage;

	StorageHealthIndicator(KioskStorage storage) {
		super("Kiosk storage health check failed");
		this.storage = storage;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		State state = this.storage.check();
		if (state.status() == Status.UP) {
			builder.up();
		}
		else if (state.status() == Status.DOWN) {
			builder.down();
		}
		else {
			builder.unknown();
		}
		detail(builder, "since", state.since());
		detail(builder, "lastWrite", state.lastWrite());
		detail(builder, "lastFailure", state.lastFailure());
		if (state.error() != null) {
			builder.withDetail("error", state.error());
		}
	}

	private static void detail(Health.Builder builder, String name, Object value) {
		if (value != null) {
			builder.withDetail(name, value.toString());
		}
	}

}
