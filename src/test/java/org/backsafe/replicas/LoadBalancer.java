package org.backsafe.replicas;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A real HAProxy (Debian's {@code haproxy}) on a loopback port in front of the replicas: round
 * robin, no stickiness, each replica checked on its readiness probe, the client's address passed on
 * in {@code X-Forwarded-For}, and the replica that answered named in {@code X-Served-By}.
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

	static LoadBalancer start(Path folder, List<Replica> replicas) throws IOException, InterruptedException {
		int port = freePort();
		StringBuilder config = new StringBuilder("""
				global
				  maxconn 512
				defaults
				  mode http
				  timeout connect 5s
				  timeout client 30s
				  timeout server 30s
				  option forwardfor
				  option http-server-close
				frontend web
				  bind 127.0.0.1:%d
				  default_backend replicas
				backend replicas
				  balance roundrobin
				  option httpchk GET /actuator/health/readiness
				  http-check expect status 200
				  http-response set-header X-Served-By %%[srv_name]
				""".formatted(port));
		for (Replica replica : replicas) {
			config.append("  server ").append(replica.name()).append(" 127.0.0.1:").append(replica.port())
				.append(" check inter 500ms fall 2 rise 1\n");
		}
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
