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

	private final RuleBaseLoader loader;

	private final RuleBaseProperties properties;

	private volatile Thread thread;

	private volatile boolean running;

	public RuleFolderWatcher(RuleBaseLoader loader, RuleBaseProperties properties) {
		this.loader = loader;
		this.properties = properties;
	}

	@Override
	public void start() {
		if (!this.properties.watch() || this.running) {
			return;
		}
		Path folder = this.properties.dir().toAbsolutePath().normalize();
		Watch first;
		try {
			// Registered before start() returns, so that no edit made after it is missed.
			first = new Watch(folder);
		}
		catch (IOException ex) {
			logger.error("Cannot watch " + folder + "; rule edits will not be taken up until a restart", ex);
			return;
		}
		this.running = true;
		Thread watcher = new Thread(() -> run(first, folder), "rules-watcher");
		watcher.setDaemon(true);
		this.thread = watcher;
		watcher.start();
		logger.info("Watching " + folder + " for rule edits");
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

	private void run(Watch first, Path folder) {
		Watch watch = first;
		while (this.running) {
			try (Watch current = watch) {
				current.loop();
			}
			catch (IOException | RuntimeException ex) {
				logger.error("Watching " + folder + " failed; starting again in a moment", ex);
				sleepQuietly(IDLE_POLL_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			if (!this.running) {
				return;
			}
			try {
				watch = new Watch(folder);
			}
			catch (IOException ex) {
				logger.error("Cannot watch " + folder + "; trying again in a moment", ex);
				sleepQuietly(IDLE_POLL_MILLIS);
			}
		}
	}

	/** One watch service over the folder's tree and its parent. */
	private final class Watch implements AutoCloseable {

		private final WatchService service;

		private final Path folder;

		private final Path parent;

		private final Map<WatchKey, Path> keys = new HashMap<>();

		private Object watchedFolder;

		Watch(Path folder) throws IOException {
			this.folder = folder;
			this.parent = folder.getParent();
			this.service = FileSystems.getDefault().newWatchService();
			try {
				if (this.parent != null && Files.isDirectory(this.parent)) {
					this.keys.put(this.parent.register(this.service, StandardWatchEventKinds.ENTRY_CREATE,
							StandardWatchEventKinds.ENTRY_DELETE), this.parent);
				}
				this.watchedFolder = registerTree(this.service, folder, this.keys);
			}
			catch (IOException | RuntimeException ex) {
				this.service.close();
				throw ex;
			}
		}

		void loop() throws InterruptedException {
			boolean pending = false;
			long quietSince = 0;
			long debounce = Math.max(1, RuleFolderWatcher.this.properties.debounce().toMillis());
			while (RuleFolderWatcher.this.running) {
				long wait = pending ? Math.max(1, debounce - (System.currentTimeMillis() - quietSince))
						: IDLE_POLL_MILLIS;
				WatchKey key;
				try {
					key = this.service.poll(wait, TimeUnit.MILLISECONDS);
				}
				catch (ClosedWatchServiceException ex) {
					return;
				}
				if (key != null) {
					if (noted(key)) {
						pending = true;
						quietSince = System.currentTimeMillis();
					}
					continue;
				}
				Object now = fileKey(this.folder);
				if (!pending && !Objects.equals(now, this.watchedFolder)) {
					pending = true; // replaced without an event we saw
					quietSince = 0;
				}
				if (pending && System.currentTimeMillis() - quietSince >= debounce) {
					pending = false;
					if (!Objects.equals(now, this.watchedFolder)) {
						rewatchFolder();
					}
					reload();
				}
			}
		}

		/** Reads a key's events; true when one of them concerns the rules. */
		private boolean noted(WatchKey key) {
			Path dir = this.keys.get(key);
			boolean relevant = false;
			for (WatchEvent<?> event : key.pollEvents()) {
				if (event.kind() == StandardWatchEventKinds.OVERFLOW || dir == null) {
					relevant = true;
					continue;
				}
				Path child = dir.resolve((Path) event.context());
				if (dir.equals(this.parent)) {
					relevant |= child.equals(this.folder); // the folder itself came or went
					continue;
				}
				relevant = true;
				if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(child)) {
					registerTree(this.service, child, this.keys); // a new subfolder
				}
			}
			if (!key.reset()) {
				this.keys.remove(key);
			}
			return relevant;
		}

		/** A different folder (or none) now stands at the path: watch it instead. */
		private void rewatchFolder() {
			this.keys.entrySet().removeIf((e) -> {
				if (!e.getValue().equals(this.parent)) {
					e.getKey().cancel();
					return true;
				}
				return false;
			});
			this.watchedFolder = registerTree(this.service, this.folder, this.keys);
		}

		private void reload() {
			try {
				RuleFolderWatcher.this.loader.reloadFolder();
			}
			catch (RuntimeException ex) {
				logger.error("Reloading the rules failed", ex);
			}
		}

		@Override
		public void close() throws IOException {
			this.service.close();
		}

	}

	/** Watches a folder and every folder under it; returns the folder's identity, or null if absent. */
	private static Object registerTree(WatchService service, Path root, Map<WatchKey, Path> keys) {
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
