package org.backsafe.kiosk;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The retention purge runs on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class KioskConfiguration {

}
