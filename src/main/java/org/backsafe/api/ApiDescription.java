package org.backsafe.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.backsafe.screening.Vocabulary;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description's title, version and, when set, licence (springdoc, {@code /v3/api-docs}). Its version
 * is the vocabulary's: what a client depends on is the set of codes and fields, and the vocabulary's
 * version changes exactly when that does ({@code GET /api/v1/vocabulary} reports the same number).
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

	static final String TITLE = "Backsafe screening API";

	@Bean
	OpenAPI backsafeOpenApi(@Value("${backsafe.api.licence.name:}") String licence,
			@Value("${backsafe.api.licence.url:}") String licenceUrl) {
		Info info = new Info().title(TITLE)
			.version(String.valueOf(Vocabulary.VERSION))
			.description("Screens a person's answers about their back pain and health for massage safety: whether to"
					+ " see a doctor first, and which massage techniques suit them. The same rules as the web pages."
					+ " Nothing sent is stored. Errors are RFC 9457 problem details (application/problem+json).");
		// named only when the deployment says which: the description must not claim a licence nobody chose
		if (!licence.isBlank()) {
			info.license(new License().name(licence).url(licenceUrl.isBlank() ? null : licenceUrl));
		}
		return new OpenAPI().info(info);
	}

}
