package org.backsafe.ruleversions;

import java.time.Duration;

import javax.sql.DataSource;

import org.backsafe.rulebase.AdmittedRules;
import org.backsafe.rulebase.RuleBaseLoader;
import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Rule versions in the database, for several replicas ({@code backsafe.rules.source=database}, which
 * the replicas profile sets): the loader serves the active version, makes ready the one
 * {@code publish} asks for, and swaps to it once it is active. Without it, the folder and its
 * watcher serve.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "backsafe.rules.source", havingValue = "database")
class RuleVersionsConfiguration {

	@Bean
	RuleVersionStore ruleVersionStore(DataSource dataSource) {
		return new RuleVersionStore(dataSource);
	}

	@Bean
	AdmittedRules.Source databaseRuleSource(RuleVersionStore store, ObjectProvider<Flyway> flyway) {
		return new DatabaseRuleSource(store, flyway);
	}

	@Bean
	ActiveVersionWatcher activeVersionWatcher(DataSource dataSource, RuleVersionStore store, RuleBaseLoader loader,
			@Value("${backsafe.rules.poll-interval:5s}") Duration pollInterval) {
		return new ActiveVersionWatcher(dataSource, store, loader, pollInterval);
	}

	@Bean
	ActiveRuleVersionHealthIndicator activeRuleVersionHealthIndicator(ActiveVersionWatcher watcher,
			RuleBaseLoader loader) {
		return new ActiveRuleVersionHealthIndicator(watcher, loader);
	}

}
