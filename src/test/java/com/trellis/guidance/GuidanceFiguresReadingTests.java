package com.trellis.guidance;

import java.math.BigDecimal;

import com.trellis.identity.Role;
import com.trellis.scoring.HighPotentialLine;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A recommendation's reason (written by the daily guidance job with an amount in it)
 * reads in each reader's notation on the guidance page and in the API; the JVM's default
 * locale (German here) decides nothing.
 */
@TrellisTest
class GuidanceFiguresReadingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	GuidanceStore store;

	@Autowired
	com.trellis.shared.BusinessCalendar calendar;

	@RegisterExtension
	static final Readers.GermanJvm jvm = new Readers.GermanJvm();

	@Test
	void aRecommendationsAmountReadsInEachReadersNotation() throws Exception {
		var pam = this.fixtures.user(Role.PAM);
		long partner = this.fixtures.partner("Notation Guidance Partners", pam.userId());
		var line = new HighPotentialLine(partner, "Notation Guidance Partners", new BigDecimal("81.0"),
				new BigDecimal("77.5"), new BigDecimal("40.0"), new BigDecimal("89182.00"), "Little pipeline.", null);
		this.store.show(pam.userId(), PamRules.readyForIntroduction(line),
				GuidanceShowDay.of(this.jdbc, this.store, this.calendar));

		var api = new Api(this.mvc, this.fixtures.token(pam));
		var session = readers().signIn(pam);
		api.get("/api/v1/guidance")
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Pipeline in the last 180 days: USD 89,182.00.")));
		readers().page(session, "/guidance", "Pipeline in the last 180 days: USD 89,182.00.");
		readers().german(pam);
		api.get("/api/v1/guidance")
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Pipeline in the last 180 days: USD 89.182,00.")));
		readers().page(session, "/guidance", "Pipeline in the last 180 days: USD 89.182,00.");
	}

	private Readers readers() {
		return new Readers(this.mvc, this.jdbc, this.fixtures);
	}

}
