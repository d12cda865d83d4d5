package org.backsafe.kiosk;

import java.time.Clock;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The retention purge runs on Spring's scheduler, one replica at a time (ShedLock, its lock a row
 * of the shared database, timed by the database's clock so that the replicas' clocks do not matter),
 * and the server-side idle limit sits in front of
 * every kiosk page except the start screen. Declared as a bean here rather than a WebMvcConfigurer
 * class, so that web slice tests of other features do not pull the kiosk in.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class KioskConfiguration {

	@Bean
	LockProvider scheduledJobLocks(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build());
	}

	@Bean
	WebMvcConfigurer kioskIdleLimit(ObjectProvider<KioskVisit> visit, KioskProperties properties) {
		return new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(new KioskIdleLimit(visit, properties, Clock.systemUTC()))
					.addPathPatterns("/kiosk/**")
					.excludePathPatterns(KioskController.START, KioskController.RESET);
			}

		};
	}

}
