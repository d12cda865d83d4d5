package org.backsafe.kiosk;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import javax.sql.DataSource;

import org.backsafe.result.ResultWording;
import org.backsafe.result.WordedResults;
import org.backsafe.rulebase.RuleBase;
import org.backsafe.screening.EmergencyNumber;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Tests of stored screenings run outside test transactions, as the store commits for real: each
 * test starts from empty tables.
 */
abstract class StorageTestBase {

	static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");

	/** The app's message bundles, without a rule base: storage is tested here, not wording. */
	static final WordedResults WORDS = new WordedResults(
			new ResultWording(messages(), (RuleBase) null, new EmergencyNumber("112")));

	static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages/engine", "messages/web", "messages/kiosk", "messages/staff");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	@Autowired
	KioskScreeningRepository repository;

	@Autowired
	KioskStorage storage;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	ObjectProvider<Flyway> flyway;

	@BeforeEach
	void emptyTables() {
		this.jdbc.update("DELETE FROM kiosk_screening");
		this.jdbc.update("DELETE FROM staff_audit");
	}

	KioskScreenings storeWith(Clock clock, String... codes) {
		Deque<String> queue = new ArrayDeque<>(List.of(codes));
		return new KioskScreenings(this.repository, this.storage, this.transactions, queue::pop, clock, WORDS);
	}

	KioskScreenings storeWith(String... codes) {
		return storeWith(Clock.fixed(NOW, ZoneOffset.UTC), codes);
	}

}
