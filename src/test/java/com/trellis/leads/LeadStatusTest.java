package com.trellis.leads;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LeadStatusTest {

	/** Search words a lead's status with its message; the lead pages with its label. */
	@Test
	void eachStatusReadsTheSameInSearchAsOnTheLeadPages() throws IOException {
		var messages = new Properties();
		try (var in = getClass().getResourceAsStream("/messages.properties")) {
			messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		for (var status : LeadStatus.values()) {
			assertThat(messages.getProperty("leads.status." + status.name())).as(status.name())
				.isEqualTo(status.label());
		}
	}

}
