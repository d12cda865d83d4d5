package org.backsafe.screening;

import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The number an urgent result tells the person to call, shown as a tap-to-call link. 112 reaches
 * the emergency services across Europe and from most mobile phones elsewhere; set
 * {@code backsafe.emergency-number} to the local one (911, 999, 000).
 *
 * @param emergencyNumber digits only, 2 to 6 of them
 */
@ConfigurationProperties("backsafe")
public record EmergencyNumber(@DefaultValue("112") String emergencyNumber) {

	private static final Pattern DIGITS = Pattern.compile("[0-9]{2,6}");

	public EmergencyNumber {
		if (emergencyNumber == null || !DIGITS.matcher(emergencyNumber).matches()) {
			throw new IllegalArgumentException(
					"backsafe.emergency-number must be 2 to 6 digits, such as 112 or 911, was " + emergencyNumber);
		}
	}

	/** The link that dials the number from a phone. */
	public String telUri() {
		return "tel:" + this.emergencyNumber;
	}

}
