package com.trellis.credit;

import java.math.BigDecimal;

import com.trellis.deals.CreditType;
import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * The deal page's dispute forms come back as they were sent when refused, each error next
 * to its field (marked invalid), and nothing changes (fix93): the decision form, though
 * its panel is loaded apart from the page, keeps the reason typed; the raise form keeps a
 * share that cannot be read as typed.
 */
@TrellisTest
class DisputeFormPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CreditDisputes disputes;

	@Test
	void aDecisionWithoutUpholdOrDismissComesBackInThePanelWithTheReasonTyped() throws Exception {
		var world = this.fixtures.world("Panel Deciders");
		var dispute = this.disputes.raise(world.partnerUser(), world.dealId(),
				new RaiseDispute(CreditType.INFLUENCED, new BigDecimal("10"), "The partner only helped"));
		var pam = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(world.pam());

		this.mvc
			.perform(post("/credit-disputes/" + dispute.id() + "/decision").session(pam)
				.with(csrf())
				.param("reason", "decided without choice"))
			.andExpect(redirectedUrl("/opportunities/" + world.dealId()));

		// as a browser does: the page the form was sent back to, then its panel
		assertThat(Readers.read(this.mvc, pam, "/opportunities/" + world.dealId()))
			.contains("Uphold: choose uphold or dismiss");
		var panel = Readers.read(this.mvc, pam, "/opportunities/" + world.dealId() + "/credit");
		assertThat(panel).containsPattern("name=\"reason\"[^>]*value=\"decided without choice\"")
			.contains("choose uphold or dismiss");
		assertThat(this.jdbc.sql("SELECT status FROM credit_dispute WHERE id = ?")
			.param(dispute.id())
			.query(String.class)
			.single()).isEqualTo("OPEN");

		// shown once: the panel loaded again is the plain one
		assertThat(Readers.read(this.mvc, pam, "/opportunities/" + world.dealId() + "/credit"))
			.doesNotContain("decided without choice")
			.doesNotContain("choose uphold or dismiss");
	}

	@Test
	void aDecisionWithoutAReasonIsNamedNextToTheReasonInThePanel() throws Exception {
		var world = this.fixtures.world("Panel Reasonless");
		var dispute = this.disputes.raise(world.partnerUser(), world.dealId(),
				new RaiseDispute(CreditType.INFLUENCED, new BigDecimal("10"), "The partner only helped"));
		var pam = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(world.pam());

		this.mvc
			.perform(post("/credit-disputes/" + dispute.id() + "/decision").session(pam)
				.with(csrf())
				.param("uphold", "true")
				.param("reason", " "))
			.andExpect(redirectedUrl("/opportunities/" + world.dealId()));

		Readers.read(this.mvc, pam, "/opportunities/" + world.dealId());
		var panel = Readers.read(this.mvc, pam, "/opportunities/" + world.dealId() + "/credit");
		assertThat(panel).containsPattern("name=\"reason\"[^>]*aria-invalid=\"true\"")
			.contains("a reason is required for the decision");
	}

	@Test
	void aShareThatCannotBeReadComesBackAsTypedAndMarkedInvalid() throws Exception {
		var world = this.fixtures.world("Share Typists");
		var partner = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(world.partnerUser());
		long before = this.fixtures.count("credit_dispute");

		this.mvc
			.perform(post("/opportunities/" + world.dealId() + "/credit-disputes").session(partner)
				.with(csrf())
				.param("proposedCreditType", "SOURCED")
				.param("proposedShare", "abc")
				.param("reason", "mine"))
			.andExpect(redirectedUrl("/opportunities/" + world.dealId()));

		// the page the form was sent back to, in the same session
		var page = Readers.read(this.mvc, partner, "/opportunities/" + world.dealId());
		assertThat(page).containsPattern("name=\"proposedShare\"[^>]*value=\"abc\"[^>]*aria-invalid=\"true\"")
			.contains("cannot be read")
			.containsPattern("name=\"reason\"[^>]*value=\"mine\"")
			.contains("<option value=\"SOURCED\" selected=\"selected\"");
		assertThat(this.fixtures.count("credit_dispute")).isEqualTo(before);
	}

}
