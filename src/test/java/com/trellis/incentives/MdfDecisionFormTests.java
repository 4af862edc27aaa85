package com.trellis.incentives;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;

import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * The MDF decision form of a request row comes back as it was sent when refused: the
 * approved amount and the reason as typed, each error next to its field (marked invalid),
 * and nothing is decided (fix93: an amount with three decimals came back empty with the
 * reason lost, and a decline without a reason was named only in the banner).
 */
@TrellisTest
class MdfDecisionFormTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void anApprovedAmountWithThreeDecimalsComesBackAsTypedWithTheReason() throws Exception {
		var world = this.fixtures.world("Mdf Decision Typists");
		long request = request(world.partnerId(), world.partnerUser().userId());
		var pam = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(world.pam());

		var refused = decide(pam, world.partnerId(), request, "true", "12.345", "good campaign");

		assertThat(refused.getFlashMap().get("error").toString()).contains("at most 2 decimals");
		var form = decisionForm(page(pam, world.partnerId(), refused), request);
		assertThat(form).contains("name=\"approvedAmount\"")
			.contains("value=\"12.345\"")
			.contains("value=\"good campaign\"")
			.contains("at most 2 decimals")
			.contains("aria-invalid=\"true\"");
		assertThat(status(request)).isEqualTo("REQUESTED");
		// grouped as the reader typed it, not as the number read (s59: "1,500.5" came
		// back as "1500.5")
		var grouped = decide(pam, world.partnerId(), request, "true", "1,500.005", "good campaign");
		assertThat(decisionForm(page(pam, world.partnerId(), grouped), request)).contains("value=\"1,500.005\"");
	}

	@Test
	void aDeclineWithoutAReasonIsNamedNextToTheReason() throws Exception {
		var world = this.fixtures.world("Mdf Decline Typists");
		long request = request(world.partnerId(), world.partnerUser().userId());
		var pam = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(world.pam());

		var refused = decide(pam, world.partnerId(), request, "false", "", "");

		var form = decisionForm(page(pam, world.partnerId(), refused), request);
		assertThat(form).containsPattern("name=\"reason\"[^>]*aria-invalid=\"true\"")
			.contains("<small class=\"error\">a reason is required to decline</small>");
		assertThat(status(request)).isEqualTo("REQUESTED");
	}

	@Test
	void aDecisionThatIsNeitherApproveNorDeclineIsNamedNextToItsButtons() throws Exception {
		var world = this.fixtures.world("Mdf Undecided Typists");
		long request = request(world.partnerId(), world.partnerUser().userId());
		var pam = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(world.pam());

		var refused = decide(pam, world.partnerId(), request, "", "50", "half of it");

		var form = decisionForm(page(pam, world.partnerId(), refused), request);
		assertThat(form).contains("<small class=\"error\">choose approve or decline</small>")
			.contains("value=\"50\"")
			.contains("value=\"half of it\"");
		assertThat(status(request)).isEqualTo("REQUESTED");
	}

	private MvcResult decide(MockHttpSession session, long partnerId, long request, String approve, String amount,
			String reason) throws Exception {
		return this.mvc
			.perform(post("/partners/" + partnerId + "/mdf-requests/" + request + "/decision").session(session)
				.with(csrf())
				.param("approve", approve)
				.param("approvedAmount", amount)
				.param("reason", reason))
			.andExpect(redirectedUrl("/partners/" + partnerId + "/incentives"))
			.andReturn();
	}

	/** The request row's decision form, from its action to its end. */
	private static String decisionForm(String page, long request) {
		int start = page.indexOf("/mdf-requests/" + request + "/decision");
		assertThat(start).as("the row's decision form").isPositive();
		return page.substring(start, page.indexOf("</form>", start));
	}

	private String page(MockHttpSession session, long partnerId, MvcResult refused) throws Exception {
		var response = this.mvc
			.perform(get("/partners/" + partnerId + "/incentives").session(session).flashAttrs(refused.getFlashMap()))
			.andReturn()
			.getResponse();
		response.setCharacterEncoding("UTF-8");
		return response.getContentAsString();
	}

	private String status(long request) {
		return this.jdbc.sql("SELECT status FROM mdf_request WHERE id = ?").param(request).query(String.class).single();
	}

	private long request(long partnerId, long requestedBy) {
		return this.jdbc.sql("""
				INSERT INTO mdf_request (partner_id, activity, cost, currency, expected_pipeline, partner_investment,
				                         status, requested_by, requested_at)
				VALUES (:partner, 'Trade fair', 100, 'EUR', 1000, 0, 'REQUESTED', :by, :now) RETURNING id
				""")
			.params(Map.of("partner", partnerId, "by", requestedBy, "now", Timestamp.from(this.clock.instant())))
			.query(Long.class)
			.single();
	}

}
