package org.backsafe.staff;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.backsafe.BacksafeApplication;
import org.backsafe.support.HttpVisitor;
import org.backsafe.support.StaffLogin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed logins and a lockout outlive a restart: the whole app is started on a database file and
 * sent four wrong passwords over HTTP, stopped, started again on the same file, where a fifth locks
 * the user out, then stopped and started once more, where the right password is still refused.
 */
class LockoutRestartTests {

	@TempDir
	Path folder;

	ConfigurableApplicationContext start(Path database) {
		return new SpringApplicationBuilder(BacksafeApplication.class).run("--server.port=0",
				"--server.address=127.0.0.1", "--" + StaffLogin.PROPERTY,
				"--spring.datasource.url=jdbc:h2:file:" + database.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
				"--backsafe.rules.watch=false");
	}

	static HttpVisitor visitor(ConfigurableApplicationContext app) {
		return HttpVisitor.of(((WebServerApplicationContext) app).getWebServer().getPort());
	}

	static String logIn(ConfigurableApplicationContext app, String password) {
		return visitor(app).logIn(StaffLogin.USER, password).location();
	}

	@Test
	void failuresAndTheLockoutOutliveRestarts() {
		Path database = this.folder.resolve("backsafe");
		try (ConfigurableApplicationContext app = start(database)) {
			for (int i = 0; i < 4; i++) {
				assertThat(logIn(app, "guess" + i)).endsWith("/staff/login?error");
			}
		}
		// the four failures are still counted: the fifth locks
		try (ConfigurableApplicationContext restarted = start(database)) {
			assertThat(logIn(restarted, "guess")).endsWith("/staff/login?error");
			assertThat(logIn(restarted, StaffLogin.PASSWORD)).endsWith("/staff/login?locked");
		}
		// and the lockout is still on: the right password is refused
		try (ConfigurableApplicationContext again = start(database)) {
			assertThat(logIn(again, StaffLogin.PASSWORD)).endsWith("/staff/login?locked");
			List<String> actions = again.getBean(JdbcTemplate.class)
				.queryForList("SELECT action FROM staff_audit WHERE staff_user = ? ORDER BY id", String.class,
						StaffLogin.USER);
			assertThat(actions).endsWith("LOCKED_OUT", "REFUSED_LOCKED", "REFUSED_LOCKED");
		}
		assertThat(Files.exists(this.folder.resolve("backsafe.mv.db"))).isTrue();
	}

}
