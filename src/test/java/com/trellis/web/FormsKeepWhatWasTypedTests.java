package com.trellis.web;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Fixtures;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * No dead ends on page forms (issue 13 items 3 and 9): a value that cannot be read is
 * named on the page the form sits on, in one round with the form's other problems, the
 * text typed into it comes back in its field, and nothing is saved.
 */
@TrellisTest
class FormsKeepWhatWasTypedTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDisputedShareTypedAsAbcIsNamedOnTheDealPageWithTheMissingReasonAndNothingIsSaved() throws Exception {
		var world = this.fixtures.world("Dispute Typist");
		var partner = login(world.partnerUser());
		long before = this.fixtures.count("credit_dispute");

		var refused = this.mvc
			.perform(post("/opportunities/" + world.dealId() + "/credit-disputes").session(partner)
				.with(csrf())
				.param("proposedCreditType", "INFLUENCED")
				.param("proposedShare", "abc")
				.param("reason", ""))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/opportunities/" + world.dealId()))
			.andReturn();

		assertThat(this.fixtures.count("credit_dispute")).isEqualTo(before);
		var page = page(partner, "/opportunities/" + world.dealId(), refused);
		assertThat(page).contains("Proposed share: cannot be read")
			.contains("Reason: ")
			.contains("value=\"abc\"")
			.contains("<option value=\"INFLUENCED\" selected=\"selected\"");
	}

	@Test
	void anMdfRequestCostTypedAsAbcComesBackAsTyped() throws Exception {
		var world = this.fixtures.world("Mdf Typist");
		var partner = login(world.partnerUser());
		long before = this.fixtures.count("mdf_request");

		var refused = this.mvc
			.perform(post("/partners/" + world.partnerId() + "/mdf-requests").session(partner)
				.with(csrf())
				.param("activity", "Roadshow")
				.param("cost", "abc")
				.param("currency", "USD")
				.param("expectedPipeline", "10000")
				.param("partnerInvestment", "0"))
			.andExpect(status().is3xxRedirection())
			.andReturn();

		assertThat(this.fixtures.count("mdf_request")).isEqualTo(before);
		assertThat(page(partner, "/partners/" + world.partnerId() + "/incentives", refused)).contains("value=\"abc\"");
	}

	@Test
	void anApprovedMdfAmountTypedAsAbcIsNamedOnTheIncentivesPageAndDecidesNothing() throws Exception {
		var world = this.fixtures.world("Mdf Decider");
		long request = this.jdbc.sql("""
				INSERT INTO mdf_request (partner_id, activity, cost, currency, expected_pipeline, partner_investment,
				                         status, requested_by, requested_at)
				VALUES (?, 'Webinar', 1000, 'USD', 5000, 0, 'REQUESTED', ?, now()) RETURNING id
				""").params(world.partnerId(), world.partnerUser().userId()).query(Long.class).single();
		var pam = login(world.pam());

		var refused = this.mvc
			.perform(post("/partners/" + world.partnerId() + "/mdf-requests/" + request + "/decision").session(pam)
				.with(csrf())
				.param("approve", "true")
				.param("approvedAmount", "abc")
				.param("reason", "Fine"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/partners/" + world.partnerId() + "/incentives"))
			.andReturn();

		assertThat(this.jdbc.sql("SELECT status FROM mdf_request WHERE id = ?")
			.param(request)
			.query(String.class)
			.single()).isEqualTo("REQUESTED");
		assertThat(page(pam, "/partners/" + world.partnerId() + "/incentives", refused)).contains("value=\"abc\"")
			.contains("cannot be read");
	}

	@Test
	void aCompletionDateTypedAsSoonIsNamedOnTheEnablementPageAndRecordsNothing() throws Exception {
		var world = this.fixtures.world("Completion Typist");
		var partner = login(world.partnerUser());

		var refused = this.mvc
			.perform(post("/partners/" + world.partnerId() + "/enablement").session(partner)
				.with(csrf())
				.param("userId", String.valueOf(world.partnerUser().userId()))
				.param("item", "SALES_101")
				.param("completedOn", "soon"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/partners/" + world.partnerId() + "/enablement"))
			.andReturn();

		assertThat(refused.getFlashMap().get("error").toString()).contains("Completed on", "yyyy-mm-dd");
		assertThat(refused.getFlashMap().get("notice")).isNull();
	}

	@Test
	void aTierThresholdTypedAsAbcComesBackAsTypedBesideTheOthers() throws Exception {
		var admin = login(this.fixtures.user(Role.ADMIN));

		var refused = this.mvc
			.perform(post("/tiers/thresholds").session(admin)
				.with(csrf())
				.param("tier1Readiness", "abc")
				.param("tier1Behaviour", "70")
				.param("tier1Trust", "70")
				.param("tier2Readiness", "50")
				.param("tier2Behaviour", "50")
				.param("tier2Trust", "50")
				.param("weeksHeld", "2"))
			.andExpect(status().is3xxRedirection())
			.andReturn();

		assertThat(refused.getFlashMap().get("fieldErrors")).isNotNull();
		var page = page(admin, "/tiers", refused);
		assertThat(page).contains("name=\"tier1Readiness\" value=\"abc\"").contains("name=\"weeksHeld\" value=\"2\"");
	}

	@Test
	void aTierOverrideExpiryTypedAsSoonComesBackAsTyped() throws Exception {
		var world = this.fixtures.world("Tier Typist");
		var admin = login(this.fixtures.user(Role.ADMIN));

		var refused = this.mvc
			.perform(post("/partners/" + world.partnerId() + "/tier/override").session(admin)
				.with(csrf())
				.param("tier", "TIER_1_INVEST")
				.param("reason", "Strategic")
				.param("expiresOn", "soon"))
			.andExpect(status().is3xxRedirection())
			.andReturn();

		assertThat(page(admin, "/partners/" + world.partnerId() + "/tier", refused)).contains("value=\"soon\"");
	}

	/**
	 * A stage saved with a norm typed as "abc" and a checklist item too long names both,
	 * the item by the line it was typed on, a blank line before it counted (try15: "item
	 * 3" for line 4), and every field comes back as typed (the name, the owner, the exit
	 * criterion and the checklist read the saved stage again).
	 */
	@Test
	void aStageFormRefusedKeepsEveryTypedFieldAndNamesTheChecklistItemByLine() throws Exception {
		var admin = login(this.fixtures.user(Role.ADMIN));
		var saved = this.jdbc.sql("SELECT name FROM stage_definition WHERE code = 'QUALIFIED'")
			.query(String.class)
			.single();
		var response = this.mvc
			.perform(post("/process/stages/QUALIFIED").session(admin)
				.with(csrf())
				.param("name", "Qualified by typist")
				.param("ownerRole", "PAM")
				.param("exitCriterion", "Budget, authority and need named")
				.param("checklist", "Budget named\r\n\r\n" + "x".repeat(121))
				.param("normDays", "abc")
				.param("active", "true"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse();
		response.setCharacterEncoding("UTF-8");
		var page = response.getContentAsString();

		assertThat(page).contains("value=\"Qualified by typist\"")
			.contains("value=\"Budget, authority and need named\"")
			.contains("name=\"normDays\" value=\"abc\"")
			.contains("<option value=\"PAM\" selected=\"selected\"")
			.contains("Budget named\r\n\r\n" + "x".repeat(121) + "</textarea>")
			.contains("Checklist: line 3: ")
			.doesNotContain("item 2");
		assertThat(this.jdbc.sql("SELECT name FROM stage_definition WHERE code = 'QUALIFIED'")
			.query(String.class)
			.single()).isEqualTo(saved);
	}

	private String page(MockHttpSession session, String path, MvcResult refused) throws Exception {
		var response = this.mvc.perform(get(path).session(session).flashAttrs(refused.getFlashMap()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		response.setCharacterEncoding("UTF-8");
		return response.getContentAsString();
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		var result = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
