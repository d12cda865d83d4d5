package org.backsafe.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real PostgreSQL named by BACKSAFE_TEST_POSTGRES_URL, _USER and _PASSWORD ({@code .ci/run}
 * starts one and sets them). Each test class gets a schema of its own, dropped afterwards. Without a
 * server the tests are skipped on a developer's machine, but fail when CI=true: CI must run them.
 */
public final class TestPostgres {

	private final String url;

	private final String user;

	private final String password;

	private final String schema = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	private TestPostgres(String url, String user, String password) {
		this.url = url;
		this.user = user;
		this.password = password;
	}

	/** The test server, with a fresh schema; skips (or fails, on CI) when there is none. */
	public static TestPostgres require() {
		String url = System.getenv("BACKSAFE_TEST_POSTGRES_URL");
		String user = System.getenv().getOrDefault("BACKSAFE_TEST_POSTGRES_USER", "backsafe");
		String password = System.getenv().getOrDefault("BACKSAFE_TEST_POSTGRES_PASSWORD", "");
		boolean ci = "true".equals(System.getenv().getOrDefault("CI", "").toLowerCase(Locale.ROOT));
		String problem = null;
		if (url == null || url.isBlank()) {
			problem = "BACKSAFE_TEST_POSTGRES_URL is not set (run .ci/run, which starts PostgreSQL and sets it)";
		}
		else {
			try (Connection connection = DriverManager.getConnection(url, user, password)) {
				connection.isValid(5);
			}
			catch (SQLException ex) {
				problem = "PostgreSQL at " + url + " is unreachable: " + ex.getMessage();
			}
		}
		if (problem != null) {
			if (ci) {
				throw new IllegalStateException("CI=true and " + problem);
			}
			Assumptions.abort(problem);
		}
		TestPostgres postgres = new TestPostgres(url, user, password);
		postgres.execute("CREATE SCHEMA " + postgres.schema);
		return postgres;
	}

	/** The JDBC URL of this test's schema. */
	public String url() {
		return this.url + (this.url.contains("?") ? "&" : "?") + "currentSchema=" + this.schema;
	}

	public String user() {
		return this.user;
	}

	public String password() {
		return this.password;
	}

	/** The app's options for this schema, as a child process takes them on its command line. */
	public List<String> options() {
		return List.of("--spring.datasource.url=" + url(), "--spring.datasource.username=" + this.user,
				"--spring.datasource.password=" + this.password, "--spring.flyway.schemas=" + this.schema);
	}

	/** A new connection to this test's schema. */
	public Connection connect() throws SQLException {
		return DriverManager.getConnection(url(), this.user, this.password);
	}

	public void register(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", this::url);
		registry.add("spring.datasource.username", () -> this.user);
		registry.add("spring.datasource.password", () -> this.password);
		registry.add("spring.flyway.schemas", () -> this.schema);
	}

	public void dropSchema() {
		execute("DROP SCHEMA IF EXISTS " + this.schema + " CASCADE");
	}

	private void execute(String sql) {
		try (Connection connection = DriverManager.getConnection(this.url, this.user, this.password);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL: " + sql + " failed: " + ex.getMessage(), ex);
		}
	}

}
