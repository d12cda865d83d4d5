package org.backsafe.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.backsafe.ruleversions.PublishCommand;
import org.backsafe.staff.StaffProperties;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files under {@code deploy/} agree with each other, with the Dockerfile and with the app, as
 * far as they can be checked without Docker or Kubernetes. {@code ReplicasIT} runs the shipped
 * HAProxy configuration in front of two replicas and calls the manifest's probes on them.
 */
class DeploymentFilesTests {

	private static final Path DEPLOY = Path.of("deploy");

	private static final Pattern SERVER = Pattern.compile("(?m)^  server (\\S+) (\\S+):(\\d+) ");

	@Test
	void everyReplicaInComposeIsAServerOfHaproxyOnTheAppsPortAndNoOtherIs() throws IOException {
		Map<String, Object> services = map(compose().get("services"));
		Set<String> replicas = new TreeSet<>();
		services.forEach((name, service) -> {
			Map<String, Object> definition = map(service);
			if ("backsafe:latest".equals(definition.get("image")) && !definition.containsKey("profiles")) {
				replicas.add(name);
			}
		});
		assertThat(replicas).containsExactly("backsafe-a", "backsafe-b");

		Matcher server = SERVER.matcher(Files.readString(DEPLOY.resolve("haproxy.cfg")));
		Set<String> servers = new TreeSet<>();
		while (server.find()) {
			assertThat(server.group(1)).isEqualTo(server.group(2));
			assertThat(server.group(3)).as("the port the image exposes").isEqualTo(exposedPort());
			servers.add(server.group(2));
		}
		assertThat(servers).isEqualTo(replicas);
		assertThat(list(map(services.get("haproxy")).get("volumes")))
			.contains("./haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro");
	}

	@Test
	void theReplicasAndPublishShareTheReplicasProfileAndOneDatabase() throws IOException {
		Map<String, Object> services = map(compose().get("services"));
		Map<String, Object> a = map(map(services.get("backsafe-a")).get("environment"));
		Map<String, Object> publish = map(map(services.get("publish")).get("environment"));
		assertThat(a.get("SPRING_PROFILES_ACTIVE")).isEqualTo("replicas");
		assertThat(Path.of("src/main/resources/application-replicas.properties")).exists();
		for (String key : List.of("SPRING_PROFILES_ACTIVE", "SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
				"SPRING_DATASOURCE_PASSWORD")) {
			assertThat(publish.get(key)).as(key).isNotNull().isEqualTo(a.get(key));
		}
		assertThat(list(map(services.get("publish")).get("command")).get(0)).isEqualTo(PublishCommand.NAME);

		Map<String, Object> deployment = container(kubernetes("deployment.yaml"));
		Map<String, Object> job = container(kubernetes("publish-job.yaml"));
		assertThat(env(job)).isEqualTo(env(deployment).entrySet()
			.stream()
			.filter((e) -> e.getKey().startsWith("SPRING_"))
			.collect(LinkedHashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), Map::putAll));
		assertThat(env(deployment).get("SPRING_PROFILES_ACTIVE")).isEqualTo("replicas");
		assertThat(list(job.get("args")).get(0)).isEqualTo(PublishCommand.NAME);
	}

	@Test
	void everySecretKeyTheManifestsReadIsInTheSecret() throws IOException {
		Set<String> keys = map(kubernetes("secret.yaml").get("stringData")).keySet();
		List<String> read = new ArrayList<>();
		for (String file : List.of("deployment.yaml", "publish-job.yaml")) {
			env(container(kubernetes(file))).values()
				.stream()
				.filter((value) -> value.startsWith("secret:"))
				.forEach(read::add);
		}
		assertThat(read).isNotEmpty().allSatisfy((ref) -> assertThat(keys).contains(ref.substring("secret:".length())));
	}

	@Test
	void theManifestsRunAsTheImagesUser() throws IOException {
		Matcher user = Pattern.compile("useradd .*--uid (\\d+)").matcher(Files.readString(Path.of("Dockerfile")));
		assertThat(user.find()).isTrue();
		for (String file : List.of("deployment.yaml", "publish-job.yaml")) {
			Map<String, Object> pod = map(map(map(kubernetes(file).get("spec")).get("template")).get("spec"));
			assertThat(String.valueOf(map(pod.get("securityContext")).get("runAsUser"))).as(file)
				.isEqualTo(user.group(1));
		}
	}

	@Test
	void theProbesAreTheAppsAvailabilityGroupsAndHaproxyChecksReadiness() throws IOException {
		Map<String, Object> deployment = container(kubernetes("deployment.yaml"));
		assertThat(probe(deployment, "readinessProbe")).isEqualTo("/actuator/health/readiness");
		assertThat(probe(deployment, "livenessProbe")).isEqualTo("/actuator/health/liveness");
		assertThat(probe(deployment, "startupProbe")).isEqualTo("/actuator/health/liveness");
		assertThat(Files.readString(DEPLOY.resolve("haproxy.cfg")))
			.contains("option httpchk GET " + probe(deployment, "readinessProbe"));
		assertThat(Files.readString(Path.of("src/main/resources/application.properties")))
			.contains("management.endpoint.health.probes.enabled=true");
		assertThat(String.valueOf(map(list(deployment.get("ports")).get(0)).get("containerPort")))
			.isEqualTo(exposedPort());
	}

	@Test
	void composesExampleStaffLoginBindsToTheAppsSettingsAndIsThePasswordItsCommentGives() throws IOException {
		Map<String, Object> environment = map(map(map(compose().get("services")).get("backsafe-a")).get("environment"));
		Map<String, Object> variables = new LinkedHashMap<>();
		// Compose reads $$ as one $
		environment.forEach((name, value) -> variables.put(name, String.valueOf(value).replace("$$", "$")));
		// named as the real environment is, so that Boot maps BACKSAFE_STAFF_USERS_STAFF as it would there
		var environmentVariables = new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables);
		StaffProperties staff = new Binder(ConfigurationPropertySources.from(environmentVariables))
			.bindOrCreate("backsafe.staff", StaffProperties.class);
		assertThat(staff.users()).containsOnlyKeys("staff");
		assertThat(new BCryptPasswordEncoder().matches("change-me", staff.users().get("staff"))).isTrue();
	}

	private static String exposedPort() throws IOException {
		Matcher expose = Pattern.compile("(?m)^EXPOSE (\\d+)$").matcher(Files.readString(Path.of("Dockerfile")));
		assertThat(expose.find()).isTrue();
		return expose.group(1);
	}

	private static String probe(Map<String, Object> container, String name) {
		return String.valueOf(map(map(container.get(name)).get("httpGet")).get("path"));
	}

	/** A container's variables: a value, or "secret:" and the Secret's key it is read from. */
	private static Map<String, String> env(Map<String, Object> container) {
		Map<String, String> env = new LinkedHashMap<>();
		for (Object entry : list(container.get("env"))) {
			Map<String, Object> variable = map(entry);
			Object from = variable.get("valueFrom");
			env.put(String.valueOf(variable.get("name")), from == null ? String.valueOf(variable.get("value"))
					: "secret:" + map(map(from).get("secretKeyRef")).get("key"));
		}
		return env;
	}

	private static Map<String, Object> container(Map<String, Object> manifest) {
		Map<String, Object> pod = map(map(map(manifest.get("spec")).get("template")).get("spec"));
		return map(list(pod.get("containers")).get(0));
	}

	private static Map<String, Object> compose() throws IOException {
		return map(new Yaml().load(Files.readString(DEPLOY.resolve("compose.yaml"))));
	}

	private static Map<String, Object> kubernetes(String file) throws IOException {
		return map(new Yaml().load(Files.readString(DEPLOY.resolve("kubernetes").resolve(file))));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		assertThat(value).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Object value) {
		assertThat(value).isInstanceOf(List.class);
		return (List<Object>) value;
	}

}
