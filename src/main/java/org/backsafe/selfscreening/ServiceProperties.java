package org.backsafe.selfscreening;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service that runs this Backsafe, as the printable summary names it, so a therapist or doctor
 * reading it knows where it comes from.
 *
 * @param name the service's name (for example a clinic's)
 * @param address its address, on one line; left off the summary when empty
 */
@ConfigurationProperties("backsafe.service")
public record ServiceProperties(@DefaultValue("Backsafe") String name, @DefaultValue("") String address) {

	public boolean hasAddress() {
		return this.address != null && !this.address.isBlank();
	}

}
