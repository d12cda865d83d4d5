package org.backsafe.replicas;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged app ({@code target/backsafe.jar}) as a child process, as a deployment runs it: its
 * own folder, a loopback port of its own, the options given. Its output goes to a log under
 * {@code target/replicas}, which failures quote.
 */
final class Replica implements AutoCloseable {

	static final Path JAR = Path.of("target", "backsafe.jar");

	static final Path LOGS = Path.of("target", "replicas");

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

	private final String name;

	private final Process process;

	private final Path log;

	private final int port;

	private Replica(String name, Process process, Path log, int port) {
		this.name = name;
		this.process = process;
		this.log = log;
		this.port = port;
	}

	/** The java command for the packaged jar, with the options after it. */
	static List<String> command(List<String> options) {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx384m", "-jar", JAR.toAbsolutePath().toString()));
		command.addAll(options);
		return command;
	}

	/** Starts the jar in a new folder and waits until its server listens; fails with its log if it does not. */
	static Replica start(String name, Path folder, List<String> options) throws IOException, InterruptedException {
		if (!Files.isRegularFile(JAR)) {
			throw new IllegalStateException(JAR + " is missing: the replica tests run after `package` (./mvnw verify)");
		}
		Files.createDirectories(LOGS);
		Files.createDirectories(folder);
		Path log = LOGS.resolve(name + ".log");
		List<String> all = new ArrayList<>(options);
		all.addAll(List.of("--server.address=127.0.0.1", "--server.port=0", "--spring.main.banner-mode=off"));
		Process process = new ProcessBuilder(command(all)).directory(folder.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			Matcher port = PORT.matcher(read(log));
			if (port.find()) {
				return new Replica(name, process, log, Integer.parseInt(port.group(1)));
			}
			if (!process.isAlive()) {
				throw new AssertionError(name + " did not start (exit " + process.exitValue() + "):\n" + tail(read(log)));
			}
			Thread.sleep(100);
		}
		process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		throw new AssertionError(name + " did not start within " + START_TIMEOUT.toSeconds() + " s:\n" + tail(read(log)));
	}

	String name() {
		return this.name;
	}

	int port() {
		return this.port;
	}

	String log() {
		return read(this.log);
	}

	/** How many times the log says a line containing this. */
	long count(String text) {
		return log().lines().filter((line) -> line.contains(text)).count();
	}

	static String read(Path log) {
		try {
			return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
		}
		catch (IOException ex) {
			return "(the log could not be read: " + ex.getMessage() + ")";
		}
	}

	static String tail(String text) {
		List<String> lines = text.lines().toList();
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

}
