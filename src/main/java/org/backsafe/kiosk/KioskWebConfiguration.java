package org.backsafe.kiosk;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the server-side idle limit in front of every kiosk page except the start screen. */
@Configuration(proxyBeanMethods = false)
class KioskWebConfiguration implements WebMvcConfigurer {

	private final ObjectProvider<KioskVisit> visit;

	private final KioskProperties properties;

	KioskWebConfiguration(ObjectProvider<KioskVisit> visit, KioskProperties properties) {
		this.visit = visit;
		this.properties = properties;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new KioskIdleLimit(this.visit, this.properties, Clock.systemUTC()))
			.addPathPatterns("/kiosk/**")
			.excludePathPatterns(KioskController.START, KioskController.RESET);
	}

}
