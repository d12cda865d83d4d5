package org.backsafe.rulebase;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Watches the configured rules folder, scenarios and every other subfolder included, and reloads
 * the rules once the folder has been quiet for the debounce time after an edit. The packaged copy is
 * never watched. It also watches the folder's parent, so it notices the folder itself being
 * deleted, renamed away, created or put back (some tools replace a whole folder), and then watches
 * the new one. Editors that save by writing a temporary file and renaming it over the old one need
 * nothing special: every change to a folder's entries is an event, and the whole folder is read
 * again.
 */
@Component
public class RuleFolderWatcher implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(RuleFolderWatcher.class);

	private static final long IDLE_POLL_MILLIS = 1000;

	private final CurrentRuleBase current;

	private final RuleBaseProperties properties;

	private volatile Thread thread;

	private volatile boolean running;

	public RuleFolderWatcher(CurrentRuleBase current, RuleBaseProperties properties) {
		this.current = current;
		this.properties = properties;
	}

	@Override
	public void start() {
		if (!this.properties.watch() || this.running) {
			return;
		}
		this.running = true;
		Thread watcher = new Thread(this::watch, "rules-watcher");
		watcher.setDaemon(true);
		this.thread = watcher;
		watcher.start();
	}

	@Override
	public void stop() {
		this.running = false;
		Thread watcher = this.thread;
		if (watcher != null) {
			watcher.interrupt();
			try {
				watcher.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.thread = null;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void watch() {
		Path folder = this.properties.dir().toAbsolutePath().normalize();
		logger.info("Watching " + folder + " for rule edits");
		while (this.running) {
			try (WatchService service = FileSystems.getDefault().newWatchService()) {
				watch(service, folder);
			}
			catch (IOException | RuntimeException ex) {
				logger.error("Watching " + folder + " failed; trying again in a moment", ex);
				sleepQuietly(IDLE_POLL_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void watch(WatchService service, Path folder) throws IOException, InterruptedException {
		Map<WatchKey, Path> keys = new HashMap<>();
		Path parent = folder.getParent();
		if (parent != null && Files.isDirectory(parent)) {
			keys.put(parent.register(service, StandardWatchEventKinds.ENTRY_CREATE,
					StandardWatchEventKinds.ENTRY_DELETE), parent);
		}
		Object watchedFolder = registerTree(service, folder, keys);
		boolean pending = false;
		long quietSince = 0;
		long debounce = Math.max(1, this.properties.debounce().toMillis());
		while (this.running) {
			long wait = pending ? Math.max(1, debounce - (System.currentTimeMillis() - quietSince)) : IDLE_POLL_MILLIS;
			WatchKey key;
			try {
				key = service.poll(wait, TimeUnit.MILLISECONDS);
			}
			catch (ClosedWatchServiceException ex) {
				return;
			}
			if (key != null) {
				Path dir = keys.get(key);
				for (WatchEvent<?> event : key.pollEvents()) {
					if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
						pending = true;
						continue;
					}
					Path child = dir == null ? null : dir.resolve((Path) event.context());
					if (dir != null && dir.equals(parent)) {
						if (child.equals(folder)) {
							pending = true; // the folder itself appeared or disappeared
						}
						continue;
					}
					pending = true;
					if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && child != null
							&& Files.isDirectory(child)) {
						registerTree(service, child, keys); // a new subfolder, e.g. scenarios/
					}
				}
				if (!key.reset()) {
					keys.remove(key);
				}
				quietSince = System.currentTimeMillis();
				continue;
			}
			Object now = fileKey(folder);
			if (!pending && !Objects.equals(now, watchedFolder)) {
				pending = true; // replaced without an event we saw, e.g. the parent is not watchable
				quietSince = 0;
			}
			if (pending && System.currentTimeMillis() - quietSince >= debounce) {
				pending = false;
				if (!Objects.equals(now, watchedFolder)) {
					// A different folder (or none) now stands at the path: watch it instead.
					keys.entrySet().removeIf((e) -> {
						if (!e.getValue().equals(parent)) {
							e.getKey().cancel();
							return true;
						}
						return false;
					});
					watchedFolder = registerTree(service, folder, keys);
				}
				try {
					this.current.reloadFolder();
				}
				catch (RuntimeException ex) {
					logger.error("Reloading the rules failed", ex);
				}
			}
		}
	}

	/** Watches a folder and every folder under it; returns the folder's identity, or null if absent. */
	private static Object registerTree(WatchService service, Path root, Map<WatchKey, Path> keys) throws IOException {
		if (!Files.isDirectory(root)) {
			return null;
		}
		try (Stream<Path> walk = Files.walk(root)) {
			for (Path dir : walk.filter(Files::isDirectory).toList()) {
				keys.put(dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
						StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY), dir);
			}
		}
		catch (IOException | RuntimeException ex) {
			// The folder changed while it was being walked; the event that follows will bring us back.
			logger.debug("Could not watch all of " + root + ": " + ex.getMessage());
		}
		return fileKey(root);
	}

	private static Object fileKey(Path folder) {
		try {
			return Files.isDirectory(folder)
					? Files.readAttributes(folder, BasicFileAttributes.class).fileKey() : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static void sleepQuietly(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
