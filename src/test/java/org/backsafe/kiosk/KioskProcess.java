package org.backsafe.kiosk;

import java.io.File;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.backsafe.BacksafeApplication;
import org.backsafe.support.StaffLogin;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The app as a real child process, on a random loopback port, started in a folder of its own: its
 * database is the app's default, {@code ./data/backsafe} under that folder, with the app's own
 * configuration (the test classpath's main classes and libraries, without the test classes and their
 * in-memory database), and a known staff user. Its output goes to a log file under
 * {@code target/kiosk-processes}, which failures quote.
 */
final class KioskProcess implements AutoCloseable {

	static final Duration START_TIMEOUT = Duration.ofSeconds(45);

	/** Where each process's log is kept. */
	static final Path LOGS = Path.of("target", "kiosk-processes");

	private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Process process;

	private final Path log;

	private final int port;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private KioskProcess(Process process, Path log, int port) {
		this.process = process;
		this.log = log;
		this.port = port;
	}

	/** Starts the app in the given folder and waits until it serves; fails with its log if it does not. */
	static KioskProcess start(Path folder, String name) throws IOException, InterruptedException {
		// kept after the test, for whoever reads a failure
		Files.createDirectories(LOGS);
		Path log = LOGS.resolve(name + "-" + folder.getFileName() + ".log");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp",
				mainClasspath(), BacksafeApplication.class.getName(), "--server.address=127.0.0.1", "--server.port=0",
				"--" + StaffLogin.PROPERTY,
				// health's details go to logged-in staff only; the tests read them without a login
				"--management.endpoint.health.show-details=always", "--spring.main.banner-mode=off",
				// the packaged rules serve on the build's record; gating them again would only slow the test
				"--backsafe.rules.check-after-start=false"));
		Process process = new ProcessBuilder(command).directory(folder.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			String output = read(log);
			Matcher port = PORT.matcher(output);
			if (port.find() && output.contains("Started " + BacksafeApplication.class.getSimpleName())) {
				return new KioskProcess(process, log, Integer.parseInt(port.group(1)));
			}
			if (!process.isAlive()) {
				throw new AssertionError("The app did not start (it exited with " + process.exitValue() + "):\n"
						+ tail(output));
			}
			Thread.sleep(100);
		}
		process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		throw new AssertionError(
				"The app did not start within " + START_TIMEOUT.toSeconds() + " s:\n" + tail(read(log)));
	}

	/**
	 * The main classes and libraries of the test classpath, in order: without the test classes, whose
	 * configuration would put the app on an in-memory database.
	 */
	private static String mainClasspath() {
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		Path testClasses;
		try {
			testClasses = Path.of(KioskProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
		Path excluded = testClasses.toAbsolutePath();
		return String.join(File.pathSeparator, Arrays.stream(classpath.split(File.pathSeparator))
			.filter((entry) -> !entry.isBlank() && !Path.of(entry).toAbsolutePath().equals(excluded))
			.toList());
	}

	URI base() {
		return URI.create("http://127.0.0.1:" + this.port + "/");
	}

	KioskClient kiosk() {
		return new KioskClient(base());
	}

	/** {@code kill -9}: the process gets no chance to write anything more. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			throw new AssertionError("The app did not die within 10 s of SIGKILL");
		}
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	String log() {
		return read(this.log);
	}

	/** The health endpoint's answer: its HTTP status and its JSON. */
	record Health(int httpStatus, JsonNode json) {

		String status() {
			return this.json.path("status").asString();
		}

		/** The storage's status, or "(none)" when health does not report the storage at all. */
		String storage() {
			JsonNode storage = this.json.path("components").path("storage");
			return storage.isMissingNode() ? "(none)" : storage.path("status").asString();
		}

		@Override
		public String toString() {
			return this.httpStatus + " " + this.status() + ", storage: "
					+ this.json.path("components").path("storage");
		}

	}

	Health health() throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(base().resolve("/actuator/health")).timeout(KioskClient.REQUEST_TIMEOUT).build(),
				HttpResponse.BodyHandlers.ofString());
		return new Health(response.statusCode(), JSON.readTree(response.body()));
	}

	/** A plain GET; its status and body. */
	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(base().resolve(path)).timeout(KioskClient.REQUEST_TIMEOUT).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** A JSON POST; its status and body. */
	HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(base().resolve(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.timeout(KioskClient.REQUEST_TIMEOUT)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Staff log in and open each screening by its code, as reception does; the answer for each code
	 * (200 when found, 404 when there is no such screening).
	 */
	Map<String, Integer> staffLookUp(List<String> codes) throws IOException, InterruptedException {
		HttpClient staff = staffClient();
		HttpResponse<String> in = staffLogin(staff, StaffLogin.PASSWORD);
		if (in.statusCode() != 200 || in.uri().getPath().startsWith("/staff/login")) {
			throw new IllegalStateException("The staff login failed: " + in.statusCode() + " at " + in.uri());
		}
		Map<String, Integer> found = new LinkedHashMap<>();
		for (String code : codes) {
			HttpResponse<String> page = staff.send(HttpRequest
				.newBuilder(base().resolve("/staff/screenings/" + code.replace("-", "")))
				.timeout(KioskClient.REQUEST_TIMEOUT)
				.build(), HttpResponse.BodyHandlers.ofString());
			found.put(code, page.statusCode());
		}
		return found;
	}

	/** A staff login with this password, redirects followed: where it ended, and the page. */
	HttpResponse<String> staffLogin(String password) throws IOException, InterruptedException {
		return staffLogin(staffClient(), password);
	}

	private static HttpClient staffClient() {
		return HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	private HttpResponse<String> staffLogin(HttpClient staff, String password) throws IOException, InterruptedException {
		HttpResponse<String> login = staff.send(
				HttpRequest.newBuilder(base().resolve("/staff/login")).timeout(KioskClient.REQUEST_TIMEOUT).build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher token = CSRF.matcher(login.body());
		if (!token.find()) {
			throw new IllegalStateException("No CSRF token on the staff login page: " + login.statusCode());
		}
		Map<String, String> form = new LinkedHashMap<>();
		form.put("username", StaffLogin.USER);
		form.put("password", password);
		form.put("_csrf", token.group(1));
		return staff.send(HttpRequest.newBuilder(base().resolve("/staff/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(KioskClient.formBody(form)))
			.timeout(KioskClient.REQUEST_TIMEOUT)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			this.process.destroyForcibly();
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
	}

	private static String read(Path log) {
		try {
			return Files.exists(log) ? new String(Files.readAllBytes(log), StandardCharsets.UTF_8) : "";
		}
		catch (IOException ex) {
			return "(log unreadable: " + ex + ")";
		}
	}

	/** The last lines of a log, enough to see why. */
	static String tail(String log) {
		String[] lines = log.split("\n");
		return String.join("\n", Arrays.copyOfRange(lines, Math.max(0, lines.length - 60), lines.length));
	}

}
