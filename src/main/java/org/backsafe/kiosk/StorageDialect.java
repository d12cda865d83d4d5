package org.backsafe.kiosk;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.hibernate.cfg.JdbcSettings;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;

/**
 * Hibernate picks its dialect from the database it connects to at start; when it cannot connect (a
 * corrupt H2 file, a PostgreSQL server that is down) it stops the whole app. Then, and only then, the
 * dialect is named here from the JDBC URL, so the app starts and serves everything that needs no
 * database; the kiosk's storage reports itself DOWN until the database works.
 */
@Component
class StorageDialect implements HibernatePropertiesCustomizer {

	private static final Log logger = LogFactory.getLog(StorageDialect.class);

	private static final Map<String, String> DIALECTS = Map.of("jdbc:h2:", "org.hibernate.dialect.H2Dialect",
			"jdbc:postgresql:", "org.hibernate.dialect.PostgreSQLDialect");

	private final DataSource dataSource;

	private final String url;

	StorageDialect(DataSource dataSource, @Value("${spring.datasource.url:}") String url) {
		this.dataSource = dataSource;
		this.url = url;
	}

	@Override
	public void customize(Map<String, Object> hibernateProperties) {
		if (hibernateProperties.containsKey(JdbcSettings.DIALECT)) {
			return;
		}
		try (Connection connection = this.dataSource.getConnection()) {
			// Hibernate will read the database's own metadata, as usual
			return;
		}
		catch (SQLException | RuntimeException ex) {
			DIALECTS.entrySet()
				.stream()
				.filter((known) -> this.url.startsWith(known.getKey()))
				.findFirst()
				.ifPresent((known) -> {
					logger.warn("The database cannot be reached at start; Hibernate is told its dialect ("
							+ known.getValue() + ") so that the app starts without it");
					hibernateProperties.put(JdbcSettings.DIALECT, known.getValue());
				});
		}
	}

}
