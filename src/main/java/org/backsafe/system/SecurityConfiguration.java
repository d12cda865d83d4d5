package org.backsafe.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Screening is anonymous: every page and the API are open. Forms carry CSRF tokens; the JSON API is
 * exempt, as it uses no cookies or session to authenticate.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain publicScreening(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/api/**"));
		return http.build();
	}

}
