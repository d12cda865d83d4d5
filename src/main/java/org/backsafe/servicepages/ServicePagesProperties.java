package org.backsafe.servicepages;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the pages every service has.
 *
 * @param contact where a patient reports a problem or asks about their answers: an email address, a
 * web address or a phone number, shown on the privacy notice and the accessibility statement. Empty
 * (the default), the pages say to ask the clinic or whoever runs the service, as only they know who
 * answers.
 */
@ConfigurationProperties("backsafe.service")
public record ServicePagesProperties(@DefaultValue("") String contact) {

	/** The contact as text and, for an email or web address, a link; null when none is set. */
	Contact contactLink() {
		String text = (this.contact == null) ? "" : this.contact.strip();
		if (text.isEmpty()) {
			return null;
		}
		if (text.startsWith("https://") || text.startsWith("http://")) {
			return new Contact(text, text);
		}
		if (text.matches("[^@\\s]+@[^@\\s]+")) {
			return new Contact(text, "mailto:" + text);
		}
		if (text.matches("\\+?[0-9 ()-]{5,}")) {
			return new Contact(text, "tel:" + text.replaceAll("[ ()-]", ""));
		}
		return new Contact(text, null);
	}

	/** What a page shows: the text, and where it links (null for plain text). */
	record Contact(String text, String href) {
	}

}
