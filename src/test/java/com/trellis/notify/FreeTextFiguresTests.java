package com.trellis.notify;

import java.math.BigDecimal;
import java.time.Duration;

import com.trellis.credit.CreditDisputes;
import com.trellis.credit.RaiseDispute;
import com.trellis.deals.CreditType;
import com.trellis.identity.Viewer;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * low31: free text a user wrote (a dispute reason, a decision's reason) and a name (a
 * deal's, a partner's) embedded in a stored text read through
 * {@link com.trellis.shared.StoredFigures} read back exactly as written: a reason
 * "{percent:5}" showed as "5.0 %" in the inbox, on the page and in the API.
 */
@TrellisTest
class FreeTextFiguresTests {

	private static final String FORGED = "{percent:5} and a lone {";

	@Autowired
	StaffNotices staff;

	@Autowired
	CreditDisputes disputes;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void aDisputeReasonAndADealNameHoldingFigurePartsReadAsWrittenInEveryInbox() throws Exception {
		var world = this.fixtures.world("Forge {money:USD 1.00} Partners {");
		this.jdbc.sql("UPDATE opportunity SET name = 'Deal {number:9} {' WHERE id = ?").param(world.dealId()).update();

		var dispute = this.disputes.raise(world.partnerUser(), world.dealId(),
				new RaiseDispute(CreditType.INFLUENCED, new BigDecimal("10"), "Ours: " + FORGED));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.staff.inbox(world.pam(), 10)).singleElement().satisfies(n -> {
				assertThat(n.subject()).isEqualTo("Credit dispute on Deal {number:9} {");
				assertThat(n.body()).isEqualTo("The partner credit of Deal {number:9} { is disputed: proposed "
						+ "influenced at 10.0 %. Ours: " + FORGED);
			}));
		api(world.pam()).get("/api/v1/me/notifications")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].subject").value("Credit dispute on Deal {number:9} {"))
			.andExpect(jsonPath("$[0].body").value(org.hamcrest.Matchers.endsWith(". Ours: " + FORGED)));

		this.disputes.decide(world.pam(), dispute.id(), false, "No: " + FORGED);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> api(world.partnerUser()).get("/api/v1/partners/" + world.partnerId() + "/notifications")
						.andExpect(status().isOk())
						.andExpect(jsonPath("$[0].body").value(org.hamcrest.Matchers.endsWith(". No: " + FORGED))));
		var page = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/notifications")
				.session(new Readers(this.mvc, this.jdbc, this.fixtures).signIn(world.partnerUser())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(HtmlUtils.htmlUnescape(page)).contains("No: " + FORGED).doesNotContain("5.0 %");
	}

	private Api api(Viewer viewer) {
		return new Api(this.mvc, this.fixtures.token(viewer));
	}

}
