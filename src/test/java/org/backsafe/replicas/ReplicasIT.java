package org.backsafe.replicas;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.backsafe.questionnaire.QuestionsThatApply;
import org.backsafe.questionnaire.Section;
import org.backsafe.rulebase.BuildGateRecord;
import org.backsafe.rulebase.RuleFiles;
import org.backsafe.rulebase.RulesFolder;
import org.backsafe.screening.HealthQuestion;
import org.backsafe.screening.PainArea;
import org.backsafe.support.HttpVisitor;
import org.backsafe.support.StaffLogin;
import org.backsafe.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas of the packaged app on one PostgreSQL, behind a real HAProxy on loopback, round
 * robin and without stickiness (DESIGN section 9): each step of a person's visit may land on either
 * replica, a published rule version reaches both while they serve, staff lockout counts are shared,
 * and the retention purge runs on one replica at a time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class ReplicasIT {

	/** The retention purge's interval on both replicas: short, so that the test sees many turns. */
	private static final Duration PURGE_INTERVAL = Duration.ofSeconds(4);

	/** A bound for what a replica compiles on a busy shared machine; the times are in docs/performance.md. */
	private static final Duration TAKE_UP_BOUND = Duration.ofSeconds(60);

	/**
	 * From publish's end to both replicas serving what it published (issue: several replicas). Publish
	 * ends once both have the version ready, so this is a notification and a swap, not a compile.
	 */
	private static final Duration PUBLISHED_TO_SERVING = Duration.ofSeconds(5);

	private static final Pattern CODE = Pattern.compile("id=\"kiosk-code\">([A-Z0-9-]{7})<");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	static Path folder;

	private TestPostgres postgres;

	private final List<Replica> replicas = new ArrayList<>();

	private LoadBalancer balancer;

	private long startedAt;

	@BeforeAll
	void twoReplicasBehindHaproxy() throws Exception {
		LoadBalancer.require();
		this.postgres = TestPostgres.require();
		List<String> options = new ArrayList<>(List.of("--spring.profiles.active=replicas", "--" + StaffLogin.PROPERTY,
				"--management.endpoint.health.show-details=always", "--backsafe.rules.check-after-start=false",
				"--backsafe.rules.poll-interval=2s", "--backsafe.kiosk.purge-initial-delay=1s",
				"--backsafe.kiosk.purge-interval=" + PURGE_INTERVAL.toSeconds() + "s"));
		options.addAll(this.postgres.options());
		this.startedAt = System.nanoTime();
		// both at once, on an empty database: one of them makes the packaged rules the first version
		ExecutorService starting = Executors.newFixedThreadPool(2);
		try {
			var a = starting.submit(() -> Replica.start("a", folder.resolve("a"), options));
			var b = starting.submit(() -> Replica.start("b", folder.resolve("b"), options));
			this.replicas.add(a.get());
			this.replicas.add(b.get());
		}
		finally {
			starting.shutdownNow();
		}
		for (Replica replica : this.replicas) {
			assertThat(RulesFolder.within(Duration.ofMinutes(2), () -> ready(replica)))
				.as("%s ready:\n%s", replica.name(), Replica.tail(replica.log()))
				.isTrue();
		}
		this.balancer = LoadBalancer.start(folder.resolve("haproxy"), this.replicas);
		assertThat(RulesFolder.within(Duration.ofSeconds(30), () -> servedBy(20).size() == 2))
			.as("both replicas behind haproxy:\n%s", this.balancer.log())
			.isTrue();
	}

	@AfterAll
	void stop() throws Exception {
		if (this.balancer != null) {
			this.balancer.close();
		}
		for (Replica replica : this.replicas) {
			replica.close();
		}
		if (this.postgres != null) {
			this.postgres.dropSchema();
		}
	}

	@Test
	@Order(0)
	void theShippedHaproxyConfigurationIsValidAsItIsAndTheManifestsProbesAnswerOnAReadyReplica() throws Exception {
		// the replicas run behind it with loopback addresses only (LoadBalancer.onLoopback)
		assertThat(LoadBalancer.checkShipped()).startsWith("0\n");
		Matcher probe = Pattern.compile("httpGet: \\{ path: (\\S+),")
			.matcher(Files.readString(Path.of("deploy", "kubernetes", "deployment.yaml")));
		List<String> paths = new ArrayList<>();
		while (probe.find()) {
			paths.add(probe.group(1));
		}
		assertThat(paths).hasSize(3);
		for (Replica replica : this.replicas) {
			for (String path : paths) {
				assertThat(HttpVisitor.of(replica.port()).get(path).status()).as("%s on %s", path, replica.name())
					.isEqualTo(200);
			}
		}
	}

	@Test
	@Order(1)
	void bothReplicasServeTheOneActiveVersionAndTheFirstWasAdmittedOnce() throws SQLException {
		String active = activeContentVersion();
		for (Replica replica : this.replicas) {
			assertThat(ruleBase(replica).path("details").path("origin").asString())
				.isEqualTo("the database's active version");
			assertThat(health(replica, "/actuator/health/readiness").path("components")
				.path("activeRuleVersion")
				.path("details")
				.path("activeContent")
				.asString()).isEqualTo(active);
		}
		assertThat(servingVersion(this.replicas.get(0))).isEqualTo(servingVersion(this.replicas.get(1)));
		assertThat(count("SELECT COUNT(*) FROM rule_version")).isEqualTo(1);
	}

	@Test
	@Order(2)
	void aWebFormScreeningWhoseStepsAlternateBetweenTheReplicasCompletes() {
		Visit visit = new Visit(HttpVisitor.of(this.balancer.port()));
		String page = visit.get("/step/1");
		page = visit.post("/step/1", Map.of("painAreas", "LOWER_BACK", "painDuration", "CHRONIC"), page);
		page = visit.post("/step/2", noTo(Section.WARNING_SIGNS), page);
		Map<String, String> health = noTo(Section.HEALTH);
		health.put("age", "45");
		page = visit.post("/step/3", health, page);
		page = visit.post("/step/4", Map.of("painSeverity", "4", "painWorsening", "false", "painPatterns", "KNOTS"),
				page);
		page = visit.post("/step/5", Map.of("setting", "SELF", "equipment", "FOAM_ROLLER"), page);
		assertThat(page).contains("/check");
		page = visit.post("/check", Map.of(), page);
		assertThat(page).as("the result page").contains("disposition--");
		assertThat(visit.servedBy).as("the replicas that served the steps, in order").containsOnly("a", "b");
		assertAlternates(visit.servedBy);
	}

	@Test
	@Order(3)
	void aKioskVisitWhoseStepsAlternateBetweenTheReplicasIsStoredOnce() throws SQLException {
		Visit visit = new Visit(HttpVisitor.of(this.balancer.port()));
		String page = visit.get("/kiosk");
		page = visit.post("/kiosk/start", Map.of(), page);
		// the kiosk asks where the pain is after the questions: every question applies until then
		Set<PainArea> unknown = Set.of(PainArea.values());
		page = visit.post("/kiosk/questions/warningSigns", noTo(Section.WARNING_SIGNS, unknown), page);
		Map<String, String> health = noTo(Section.HEALTH, unknown);
		health.put("age", "45");
		page = visit.post("/kiosk/questions/health", health, page);
		page = visit.post("/kiosk/questions/pain", Map.of("painAreas", "LOWER_BACK", "painDuration", "CHRONIC",
				"painSeverity", "5", "painWorsening", "false", "painPatterns", "KNOTS"), page);
		page = visit.post("/kiosk/questions/massage", Map.of("setting", "SELF", "equipment", "FOAM_ROLLER"), page);
		Matcher code = CODE.matcher(page);
		assertThat(code.find()).as("a reference code on the handoff screen:\n%s", page).isTrue();
		assertThat(visit.servedBy).containsOnly("a", "b");
		assertAlternates(visit.servedBy);
		// shown as KR7-4MX, stored as KR74MX
		String stored = code.group(1).replace("-", "");
		assertThat(count("SELECT COUNT(*) FROM kiosk_screening WHERE reference_code = '" + stored + "'")).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM kiosk_screening")).isEqualTo(1);
		// the kiosk's own session time-out holds in the database too: its idle limit (60 s and a
		// 30 s warning, the defaults) and a minute more
		assertThat(count("SELECT COUNT(*) FROM SPRING_SESSION WHERE MAX_INACTIVE_INTERVAL = 150")).isPositive();
	}

	@Test
	@Order(4)
	void wrongStaffPasswordsSpreadOverBothReplicasLockAtTheSameCountAsOnOne() {
		List<String> refusedBy = new ArrayList<>();
		HttpVisitor visitor = HttpVisitor.of(this.balancer.port());
		for (int i = 0; i < 5; i++) {
			HttpVisitor.Answer login = visitor.logIn(StaffLogin.USER, "guess" + i);
			assertThat(login.location()).endsWith("/staff/login?error");
			refusedBy.add(login.header("x-served-by"));
			visitor.get("/privacy"); // so that the next login's form goes to the other replica
		}
		assertThat(refusedBy).as("the replicas that refused each wrong password").contains("a", "b");
		// five failures in all, on two replicas: locked, as on one
		for (int i = 0; i < 2; i++) {
			HttpVisitor.Answer login = visitor.logIn(StaffLogin.USER, StaffLogin.PASSWORD);
			assertThat(login.location()).as("served by " + login.header("x-served-by")).endsWith("/staff/login?locked");
			visitor.get("/privacy");
		}
	}

	@Test
	@Order(5)
	void aPublishedVersionIsMadeReadyOnBothThenServedByBothWithinSecondsAndABrokenOneIsRefused() throws Exception {
		String old = servingVersion(this.replicas.get(0));
		Path edited = RulesFolder.copyOfProjectRules(folder.resolve("edited"));
		RulesFolder.addNewRule(edited);
		Load load = new Load(this.balancer.port());
		long published;
		String newVersion;
		try {
			Process publishing = startPublish(edited);
			// the load from when publish has compiled the rules: the gate's minutes are not the swap's
			assertThat(RulesFolder.within(Duration.ofMinutes(3), () -> output(publishing).contains("compiled:")))
				.as(output(publishing))
				.isTrue();
			load.start();
			Published publish = endOf(publishing);
			published = System.nanoTime();
			assertThat(publish.exit()).as(publish.output()).isZero();
			assertThat(publish.output()).contains("PUBLISHED: version").contains("ready on the replicas: 2 of 2 ready")
				.contains("the 2 replicas had it ready");
			newVersion = publish.output().replaceAll("(?s).*PUBLISHED: version ([0-9a-f]{12}).*", "$1");
			assertThat(newVersion).isNotEqualTo(old);
			Map<String, Long> tookUp = new LinkedHashMap<>();
			for (Replica replica : this.replicas) {
				assertThat(RulesFolder.within(TAKE_UP_BOUND, () -> newVersion.equals(servingVersion(replica))))
					.as("%s serves %s:\n%s", replica.name(), newVersion, Replica.tail(replica.log()))
					.isTrue();
				tookUp.put(replica.name(), (System.nanoTime() - published) / 1_000_000);
			}
			System.out.printf("From publish's exit to each replica serving the new version, ms: %s%n", tookUp);
			assertThat(tookUp.values()).allSatisfy((ms) -> assertThat(ms).isLessThan(PUBLISHED_TO_SERVING.toMillis()));
			Thread.sleep(1000);
		}
		finally {
			load.stop();
		}
		assertThat(load.failures).as("failed requests during the swap").isEmpty();
		assertThat(load.versions.keySet()).as("versions named by the answers").containsOnly(old, newVersion);
		assertThat(load.versions).containsKey(newVersion);
		System.out.printf("Screenings through haproxy during the swap: %d, by version %s%n", load.done.get(),
				load.versions);

		String active = activeContentVersion();
		Path broken = RulesFolder.copyOfProjectRules(folder.resolve("broken"));
		RulesFolder.write(broken, "epilepsy.drl", RulesFolder.SYNTAX_ERROR);
		Published refused = publish(broken);
		assertThat(refused.exit()).as(refused.output()).isEqualTo(1);
		assertThat(refused.output()).contains("REFUSED").contains("epilepsy.drl:1").contains("Nothing was published");
		Thread.sleep(3000); // more than a poll
		assertThat(activeContentVersion()).isEqualTo(active);
		for (Replica replica : this.replicas) {
			assertThat(servingVersion(replica)).isEqualTo(newVersion);
			assertThat(ready(replica)).isTrue();
		}
	}

	@Test
	@Order(6)
	void aReplicaThatCannotBuildTheActiveVersionKeepsItsLastOneAndIsNotReady() throws Exception {
		String serving = servingVersion(this.replicas.get(0));
		String admitted = activeContentVersion();
		// A version that never passed publish's gate, written straight into the database
		Map<String, byte[]> files = new LinkedHashMap<>(RuleFiles.fromFolder(RulesFolder.PROJECT_RULES).all());
		files.put("epilepsy.drl", RulesFolder.SYNTAX_ERROR.getBytes(StandardCharsets.UTF_8));
		RuleFiles forged = RuleFiles.of(files, "forged");
		try (Connection connection = this.postgres.connect()) {
			connection.setAutoCommit(false);
			String record = query(connection, "SELECT gate_record FROM rule_version WHERE content_version = ?",
					admitted);
			BuildGateRecord claimed = BuildGateRecord.parse(record);
			update(connection, "INSERT INTO rule_version (content_version, version, gate_record, admitted_at,"
					+ " admitted_from) VALUES (?, ?, ?, now(), 'forged')", forged.contentVersion(), forged.version(),
					new BuildGateRecord(forged.contentVersion(), claimed.codeVersion(), claimed.coverage()).toText());
			for (Map.Entry<String, byte[]> file : forged.all().entrySet()) {
				try (PreparedStatement insert = connection
					.prepareStatement("INSERT INTO rule_version_file (content_version, name, content) VALUES (?, ?, ?)")) {
					insert.setString(1, forged.contentVersion());
					insert.setString(2, file.getKey());
					insert.setBytes(3, file.getValue());
					insert.executeUpdate();
				}
			}
			update(connection, "UPDATE rule_version_active SET content_version = ? WHERE id = 1",
					forged.contentVersion());
			query(connection, "SELECT pg_notify('backsafe_rules', ?)", forged.contentVersion());
			connection.commit();
		}
		for (Replica replica : this.replicas) {
			assertThat(RulesFolder.within(TAKE_UP_BOUND, () -> !ready(replica)))
				.as("%s out of service:\n%s", replica.name(), Replica.tail(replica.log()))
				.isTrue();
			JsonNode health = health(replica, "/actuator/health/readiness").path("components").path("activeRuleVersion");
			assertThat(health.path("status").asString()).isEqualTo("OUT_OF_SERVICE");
			assertThat(health.toString()).contains("could not take up the active rule version").contains("epilepsy.drl");
			assertThat(servingVersion(replica)).as("still serving the last admitted version").isEqualTo(serving);
			// the screening API still answers on the replica itself, with the version it serves
			HttpVisitor.Answer liveness = HttpVisitor.of(replica.port()).get("/actuator/health/liveness");
			assertThat(liveness.status()).isEqualTo(200);
		}
		try (Connection connection = this.postgres.connect()) {
			update(connection, "UPDATE rule_version_active SET content_version = ? WHERE id = 1", admitted);
			query(connection, "SELECT pg_notify('backsafe_rules', ?)", admitted);
		}
		for (Replica replica : this.replicas) {
			assertThat(RulesFolder.within(TAKE_UP_BOUND, () -> ready(replica))).as("%s ready again", replica.name())
				.isTrue();
			assertThat(servingVersion(replica)).isEqualTo(serving);
		}
	}

	private static String query(Connection connection, String sql, String parameter) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, parameter);
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getString(1);
			}
		}
	}

	private static void update(Connection connection, String sql, String... parameters) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setString(i + 1, parameters[i]);
			}
			statement.executeUpdate();
		}
	}

	@Test
	@Order(7)
	void theRetentionPurgeRunsOnOneReplicaAtATime() {
		double seconds = (System.nanoTime() - this.startedAt) / 1e9;
		long a = this.replicas.get(0).count("Retention purge: deleted");
		long b = this.replicas.get(1).count("Retention purge: deleted");
		System.out.printf("Retention purges in %.0f s, every %d s on each replica: %d on a, %d on b%n", seconds,
				PURGE_INTERVAL.toSeconds(), a, b);
		assertThat(a + b).as("purges in all").isPositive();
		// each replica's timer fires every interval; with the shared lock, one purge per interval in all
		assertThat(a + b).isLessThanOrEqualTo((long) (seconds / PURGE_INTERVAL.toSeconds()) + 1);
	}

	/** Every question of a section that applies to lower back pain, answered No. */
	private static Map<String, String> noTo(Section section) {
		return noTo(section, Set.of(PainArea.LOWER_BACK));
	}

	/** Every question of a section that applies to pain in these areas, answered No. */
	private static Map<String, String> noTo(Section section, Set<PainArea> areas) {
		Map<String, String> answers = new LinkedHashMap<>();
		for (HealthQuestion question : section.getQuestions()) {
			if (QuestionsThatApply.applies(question, areas)) {
				answers.put("answers[" + question.name() + "]", "NO");
			}
		}
		return answers;
	}

	/** Round robin with one client: no two requests in a row on the same replica. */
	/**
	 * The packaged jar's FHIR and CDS Hooks paths: the build leaves parts of HAPI FHIR out of it
	 * (pom.xml), which the in-process tests, with the validator's libraries on their class path,
	 * could not notice.
	 */
	@Test
	@Order(8)
	void thePackagedAppScreensAFhirResponseAndAnswersACdsHooksCall() throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		String base = "http://127.0.0.1:" + this.balancer.port();
		HttpResponse<String> questionnaire = http.send(HttpRequest.newBuilder(URI.create(base
				+ "/fhir/Questionnaire/backsafe?lang=es")).timeout(Duration.ofSeconds(30)).GET().build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(questionnaire.statusCode()).as(questionnaire.body()).isEqualTo(200);
		assertThat(questionnaire.body()).contains("\"resourceType\":\"Questionnaire\"", "NECK_WARNING_SIGNS");
		HttpResponse<String> screened = http.send(HttpRequest.newBuilder(URI.create(base
				+ "/fhir/QuestionnaireResponse/$screen"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/fhir+json")
			.POST(HttpRequest.BodyPublishers.ofFile(Path.of("docs", "examples", "questionnaire-response.json")))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(screened.statusCode()).as(screened.body()).isEqualTo(200);
		assertThat(screened.body()).contains("\"resourceType\":\"RiskAssessment\"");
		String call = """
				{"hook": "patient-view", "hookInstance": "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
				 "context": {"userId": "Practitioner/7", "patientId": "p1"},
				 "prefetch": {"patient": {"resourceType": "Patient", "id": "p1", "birthDate": "1961-05-04"},
				  "conditions": {"resourceType": "Bundle", "type": "searchset", "entry": []},
				  "medications": {"resourceType": "Bundle", "type": "searchset", "entry": [{"resource": {
				   "resourceType": "MedicationRequest", "status": "active", "intent": "order",
				   "subject": {"reference": "Patient/p1"}, "medicationCodeableConcept": {"coding": [
				    {"system": "http://www.whocc.no/atc", "code": "B01AA03", "display": "warfarin"}]}}}]}}}""";
		HttpResponse<String> cards = http.send(HttpRequest.newBuilder(URI.create(base
				+ "/cds-services/backsafe-patient-view"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(call))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(cards.statusCode()).as(cards.body()).isEqualTo(200);
		assertThat(cards.body()).contains("\"indicator\":\"warning\"", "warfarin");
	}

	private static void assertAlternates(List<String> servedBy) {
		for (int i = 1; i < servedBy.size(); i++) {
			assertThat(servedBy.get(i)).as("request %d of %s", i, servedBy).isNotEqualTo(servedBy.get(i - 1));
		}
	}

	/** One person's browser through the load balancer: it follows redirects and notes who answered. */
	private static final class Visit {

		private final HttpVisitor visitor;

		final List<String> servedBy = new ArrayList<>();

		Visit(HttpVisitor visitor) {
			this.visitor = visitor;
		}

		String get(String path) {
			return follow(this.visitor.get(path), path);
		}

		String post(String path, Map<String, String> fields, String from) {
			Map<String, String> form = new LinkedHashMap<>(fields);
			form.put("_csrf", HttpVisitor.csrf(from));
			return follow(this.visitor.post(path, form), path);
		}

		private String follow(HttpVisitor.Answer answer, String path) {
			for (int redirects = 0; redirects < 5; redirects++) {
				this.servedBy.add(answer.header("x-served-by"));
				if (answer.status() / 100 != 3) {
					assertThat(answer.status()).as(path + " answered, served by " + answer.header("x-served-by") + ":\n"
							+ answer.body()).isEqualTo(200);
					return answer.body();
				}
				String next = URI.create("http://127.0.0.1/").resolve(answer.location()).getRawPath();
				String query = URI.create("http://127.0.0.1/").resolve(answer.location()).getRawQuery();
				path = (query != null) ? next + "?" + query : next;
				answer = this.visitor.get(path);
			}
			throw new AssertionError("more than 5 redirects from " + path);
		}

	}

	/** Screenings through the load balancer from four clients until stopped; bounded in number. */
	private static final class Load {

		private static final int MAX = 20_000;

		/** Between one client's screenings: some 4 x 60 a second at most, a steady load, not a flood. */
		private static final long PAUSE_MILLIS = 15;

		private static final String BODY = """
				{"age": 40, "conditions": ["EPILEPSY"], "pain": {"areas": ["LOWER_BACK"], "duration": "CHRONIC",
				 "severity": 4, "worsening": false, "patterns": ["KNOTS"]}, "setting": "SELF", "equipment": []}
				""";

		private final URI uri;

		private final ExecutorService clients = Executors.newFixedThreadPool(4);

		private final AtomicBoolean stopping = new AtomicBoolean();

		final AtomicInteger done = new AtomicInteger();

		final List<String> failures = Collections.synchronizedList(new ArrayList<>());

		final Map<String, Integer> versions = new ConcurrentHashMap<>();

		Load(int port) {
			this.uri = URI.create("http://127.0.0.1:" + port + "/api/v1/screenings");
		}

		void start() {
			for (int i = 0; i < 4; i++) {
				this.clients.execute(this::run);
			}
		}

		private void run() {
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
			while (!this.stopping.get() && this.done.incrementAndGet() <= MAX) {
				try {
					HttpResponse<String> response = http.send(HttpRequest.newBuilder(this.uri)
						.timeout(Duration.ofSeconds(20))
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(BODY))
						.build(), HttpResponse.BodyHandlers.ofString());
					if (response.statusCode() != 200) {
						this.failures.add(response.statusCode() + ": " + response.body());
						continue;
					}
					JsonNode result = JSON.readTree(response.body());
					this.versions.merge(result.path("ruleBase").path("version").asString(), 1, Integer::sum);
					Thread.sleep(PAUSE_MILLIS);
				}
				catch (IOException | RuntimeException ex) {
					this.failures.add(ex.toString());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}

		void stop() throws InterruptedException {
			this.stopping.set(true);
			this.clients.shutdown();
			assertThat(this.clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
		}

	}

	record Published(int exit, String output) {
	}

	/** {@code java -jar backsafe.jar publish <folder>} against the replicas' database, as an operator runs it. */
	private Published publish(Path rules) throws IOException, InterruptedException {
		return endOf(startPublish(rules));
	}

	private final Map<Process, Path> outputs = new ConcurrentHashMap<>();

	private Process startPublish(Path rules) throws IOException {
		List<String> options = new ArrayList<>(List.of("publish", rules.toString(), "--spring.profiles.active=replicas"));
		options.addAll(this.postgres.options());
		Path output = folder.resolve("publish-" + System.nanoTime() + ".txt");
		Process process = new ProcessBuilder(Replica.command(options)).redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		this.outputs.put(process, output);
		return process;
	}

	private String output(Process publishing) {
		return Replica.read(this.outputs.get(publishing));
	}

	private Published endOf(Process publishing) throws InterruptedException {
		if (!publishing.waitFor(5, TimeUnit.MINUTES)) {
			publishing.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			throw new AssertionError("publish did not end within 5 minutes:\n" + output(publishing));
		}
		return new Published(publishing.exitValue(), output(publishing));
	}

	private Set<String> servedBy(int requests) {
		Set<String> servers = new java.util.TreeSet<>();
		HttpVisitor visitor = HttpVisitor.of(this.balancer.port());
		for (int i = 0; i < requests; i++) {
			try {
				HttpVisitor.Answer answer = visitor.get("/actuator/health/liveness");
				if (answer.status() == 200 && answer.header("x-served-by") != null) {
					servers.add(answer.header("x-served-by"));
				}
			}
			catch (RuntimeException ex) {
				// not up yet
			}
		}
		return servers;
	}

	private static JsonNode health(Replica replica, String path) {
		HttpVisitor.Answer answer = HttpVisitor.of(replica.port()).get(path);
		return JSON.readTree(answer.body());
	}

	private static boolean ready(Replica replica) {
		try {
			return HttpVisitor.of(replica.port()).get("/actuator/health/readiness").status() == 200;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static JsonNode ruleBase(Replica replica) {
		return health(replica, "/actuator/health/ruleBase");
	}

	private static String servingVersion(Replica replica) {
		return ruleBase(replica).path("details").path("version").asString();
	}

	private String activeContentVersion() throws SQLException {
		try (Connection connection = this.postgres.connect();
				PreparedStatement statement = connection
					.prepareStatement("SELECT content_version FROM rule_version_active WHERE id = 1");
				ResultSet rows = statement.executeQuery()) {
			assertThat(rows.next()).as("an active version").isTrue();
			return rows.getString(1);
		}
	}

	private long count(String sql) throws SQLException {
		try (Connection connection = this.postgres.connect();
				PreparedStatement statement = connection.prepareStatement(sql);
				ResultSet rows = statement.executeQuery()) {
			rows.next();
			return rows.getLong(1);
		}
	}

}
