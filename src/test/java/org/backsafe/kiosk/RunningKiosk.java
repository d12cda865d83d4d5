package org.backsafe.kiosk;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.backsafe.support.StaffLogin;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The whole app on a random loopback port, with a known staff user and a short kiosk idle time and
 * handoff time (the warning keeps its 20 second minimum). One annotation, so the browser and load
 * tests share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { StaffLogin.PROPERTY, "backsafe.kiosk.idle-timeout=6s", "backsafe.kiosk.warning=20s",
				"backsafe.kiosk.handoff-time=45s",
				"server.address=127.0.0.1", "backsafe.staff.refresh=1s" })
@interface RunningKiosk {

}
