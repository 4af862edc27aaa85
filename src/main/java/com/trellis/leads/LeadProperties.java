package com.trellis.leads;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a rep has for the first follow-up of a routed lead.
 *
 * @param followUpDays the window, in days (default 2)
 * @param businessDays count only Monday to Friday (default true) or calendar days
 */
@ConfigurationProperties("trellis.leads")
record LeadProperties(@DefaultValue("2") int followUpDays, @DefaultValue("true") boolean businessDays) {

	LeadProperties {
		if (followUpDays < 0 || followUpDays > 60) {
			throw new IllegalArgumentException("trellis.leads.follow-up-days must be between 0 and 60");
		}
	}

}
