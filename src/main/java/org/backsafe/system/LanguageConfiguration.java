package org.backsafe.system;

import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The languages of the pages. The first visit takes the browser's preferred language when it is
 * one we have, English otherwise; {@code ?lang=es} on any page switches and the choice lasts for
 * the session (a kiosk reset, which ends the session, goes back to the default). The API keeps no
 * session: {@code ?lang=} or Accept-Language words each answer. Only languages with complete
 * message bundles are accepted, so a page never claims a language it is not in.
 */
@Configuration(proxyBeanMethods = false)
public class LanguageConfiguration implements WebMvcConfigurer {

	/** The languages every message bundle is complete in; the first is the default. */
	public static final List<String> LANGUAGES = List.of("en", "es");

	static final String PARAMETER = "lang";

	@Bean
	LocaleResolver localeResolver() {
		SessionLocaleResolver resolver = new SessionLocaleResolver();
		resolver.setDefaultLocaleFunction(LanguageConfiguration::preferredLanguage);
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		// The API, FHIR and CDS Hooks keep no session: there ?lang= words that one answer (preferredLanguage).
		registry.addInterceptor(new LanguageSwitch()).excludePathPatterns(SecurityConfiguration.STATELESS_PATHS);
	}

	/**
	 * The language when none is chosen for the session: {@code ?lang=} when it is one we have, then
	 * the browser's preferred one, then English.
	 */
	static Locale preferredLanguage(HttpServletRequest request) {
		String asked = request.getParameter(PARAMETER);
		if (asked != null && LANGUAGES.contains(asked)) {
			return Locale.forLanguageTag(asked);
		}
		if (request.getHeader("Accept-Language") != null) {
			for (Locale locale : Collections.list(request.getLocales())) {
				if (LANGUAGES.contains(locale.getLanguage())) {
					return Locale.forLanguageTag(locale.getLanguage());
				}
			}
		}
		return Locale.forLanguageTag(LANGUAGES.get(0));
	}

	/** Switches language on {@code ?lang=xx}, ignoring languages we do not have. */
	static final class LanguageSwitch implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			String language = request.getParameter(PARAMETER);
			if (language != null && LANGUAGES.contains(language)) {
				LocaleResolver resolver = RequestContextUtils.getLocaleResolver(request);
				if (resolver != null) {
					resolver.setLocale(request, response, Locale.forLanguageTag(language));
				}
			}
			return true;
		}

	}

}
