package org.backsafe.rulebase;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The holder is made by its loader, so that whatever first needs the serving rules (early in the
 * start-up) also makes the loader, and the first load starts then.
 */
@Configuration(proxyBeanMethods = false)
class RuleBaseConfiguration {

	@Bean
	CurrentRuleBase currentRuleBase(RuleBaseLoader loader) {
		return loader.holder();
	}

}
