package org.backsafe.replicas;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;

/**
 * A real HAProxy (Debian's {@code haproxy}) on a loopback port in front of the replicas, run with
 * the configuration shipped in {@code deploy/haproxy.cfg}: round robin, no stickiness, each replica
 * checked on its readiness probe, the client's address passed on in {@code X-Forwarded-For}, and
 * the replica that answered named in {@code X-Served-By}.
 */
final class LoadBalancer implements AutoCloseable {

	private final Process process;

	private final int port;

	private final Path log;

	private LoadBalancer(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/** The configuration shipped for deploy/compose.yaml, which the test runs with loopback addresses. */
	static final Path SHIPPED = Path.of("deploy", "haproxy.cfg");

	/** Where Debian (and others) put it: /usr/sbin is not on every user's PATH. */
	private static final List<Path> WHERE = List.of(Path.of("/usr/sbin/haproxy"), Path.of("/usr/bin/haproxy"),
			Path.of("/usr/local/sbin/haproxy"), Path.of("/usr/local/bin/haproxy"));

	/** Skips on a developer's machine without haproxy; fails on CI, which must run it. */
	static void require() {
		if (executable().isEmpty()) {
			String problem = "haproxy is not installed (.ci/run installs Debian's haproxy)";
			if ("true".equals(System.getenv().getOrDefault("CI", "").toLowerCase(Locale.ROOT))) {
				throw new IllegalStateException("CI=true and " + problem);
			}
			Assumptions.abort(problem);
		}
	}

	private static Optional<Path> executable() {
		return WHERE.stream().filter(Files::isExecutable).findFirst();
	}

	/** What {@code haproxy -c} says of the shipped configuration as it is, with its exit status first. */
	static String checkShipped() throws IOException, InterruptedException {
		Process check = new ProcessBuilder(executable().orElseThrow().toString(), "-c", "-f", SHIPPED.toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!check.waitFor(30, TimeUnit.SECONDS)) {
			check.destroyForcibly();
			throw new AssertionError("haproxy -c did not end");
		}
		return check.exitValue() + "\n" + output;
	}

	static LoadBalancer start(Path folder, List<Replica> replicas) throws IOException, InterruptedException {
		int port = freePort();
		String config = onLoopback(Files.readString(SHIPPED), port, replicas);
		Files.createDirectories(folder);
		Path file = folder.resolve("haproxy.cfg");
		Files.writeString(file, config);
		Files.createDirectories(Replica.LOGS);
		Path log = Replica.LOGS.resolve("haproxy.log");
		Process process = new ProcessBuilder(executable().orElseThrow().toString(), "-db", "-f", file.toString())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		LoadBalancer balancer = new LoadBalancer(process, port, log);
		Thread.sleep(300);
		if (!process.isAlive()) {
			throw new AssertionError("haproxy did not start:\n" + Replica.read(log) + "\n" + config);
		}
		return balancer;
	}

	/**
	 * The shipped configuration, with only what names Docker's network changed: the front end binds
	 * a loopback port, the servers are the replicas' loopback ports, and Docker's resolver is left
	 * out. Everything else (the checks, the header rules, the body limit, the time-outs) is as shipped.
	 */
	static String onLoopback(String shipped, int port, List<Replica> replicas) {
		StringBuilder servers = new StringBuilder();
		for (Replica replica : replicas) {
			servers.append("  server ").append(replica.name()).append(" 127.0.0.1:").append(replica.port())
				.append(" check inter 500ms fall 2 rise 1\n");
		}
		String config = replaceOnce(shipped, "(?m)^resolvers docker\\n(?:  .*\\n)+", "");
		config = replaceOnce(config, "(?m)^  bind :8080$", "  bind 127.0.0.1:" + port);
		config = replaceOnce(config, "(?m)^  default-server resolvers docker .*\\n", "");
		return replaceOnce(config, "(?m)^(?:  server backsafe-[ab] .*\\n)+", servers.toString());
	}

	private static String replaceOnce(String text, String regex, String replacement) {
		Matcher found = Pattern.compile(regex).matcher(text);
		if (!found.find()) {
			throw new AssertionError(SHIPPED + " no longer has what the test replaces (" + regex + "):\n" + text);
		}
		return text.substring(0, found.start()) + replacement + text.substring(found.end());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress("127.0.0.1", 0));
			return socket.getLocalPort();
		}
	}

	int port() {
		return this.port;
	}

	String log() {
		return Replica.read(this.log);
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

}
