package com.trellis.web;

import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import com.trellis.shared.FormOnce;
import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A create form sent twice (Back and send, a double click, two instances) creates its
 * record once: the second send goes to the record the first created and says nothing was
 * added again; a refused send can be corrected and sent with the same form; another
 * user's form is refused.
 */
@TrellisTest
class FormSentOnceTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aNewDealFormSentTwiceOpensOneDealAndTheSecondSendShowsIt() throws Exception {
		var world = this.fixtures.world("Once Deal Form");
		var ae = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(world.ae());
		var token = token(ae, "/opportunities/new");
		var first = deal(ae, token, world.accountId(), world.ae().userId(), "Once deal", "12000");
		var second = deal(ae, token, world.accountId(), world.ae().userId(), "Once deal", "12000");
		assertThat(first.getStatus()).isEqualTo(302);
		assertThat(second.getStatus()).isEqualTo(302);
		assertThat(second.getRedirectedUrl()).isEqualTo(first.getRedirectedUrl());
		assertThat(second.getRedirectedUrl()).startsWith("/opportunities/");
		assertThat(deals("Once deal")).isEqualTo(1);
		var shown = this.mvc.perform(get(second.getRedirectedUrl()).session(ae).flashAttr("notice", FormOnce.REPEATED))
			.andReturn()
			.getResponse();
		assertThat(shown.getStatus()).isEqualTo(200);
	}

	@Test
	void aRefusedSendIsCorrectedAndSentWithTheSameFormAndCreatesOnce() throws Exception {
		var world = this.fixtures.world("Once Corrected Form");
		var ae = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(world.ae());
		var token = token(ae, "/opportunities/new");
		var refused = deal(ae, token, world.accountId(), world.ae().userId(), "Once corrected", "-5");
		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(refused.getContentAsString()).contains("name=\"once\"");
		assertThat(deals("Once corrected")).isZero();
		var corrected = deal(ae, token, world.accountId(), world.ae().userId(), "Once corrected", "5000");
		assertThat(corrected.getStatus()).isEqualTo(302);
		assertThat(deals("Once corrected")).isEqualTo(1);
	}

	@Test
	void twoSendsAtOnceOpenOneDeal() throws Exception {
		var world = this.fixtures.world("Once Concurrent Form");
		var ae = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(world.ae());
		var token = token(ae, "/opportunities/new");
		Callable<MockHttpServletResponse> send = () -> deal(ae, token, world.accountId(), world.ae().userId(),
				"Once at once", "7000");
		var pool = Executors.newFixedThreadPool(2);
		try {
			var a = pool.submit(send);
			var b = pool.submit(send);
			assertThat(a.get().getRedirectedUrl()).isEqualTo(b.get().getRedirectedUrl());
		}
		finally {
			pool.shutdown();
		}
		assertThat(deals("Once at once")).isEqualTo(1);
	}

	@Test
	void anotherUsersFormIsRefusedAndCreatesNothing() throws Exception {
		var world = this.fixtures.world("Once Other User");
		var readers = new Readers(this.mvc, this.jdbc, this.fixtures);
		var ae = readers.signIn(world.ae());
		var token = token(ae, "/opportunities/new");
		deal(ae, token, world.accountId(), world.ae().userId(), "Once theirs", "3000");
		var admin = readers.signIn(this.fixtures.user(com.trellis.identity.Role.ADMIN));
		var refused = deal(admin, token, world.accountId(), world.ae().userId(), "Once mine", "3000");
		assertThat(refused.getStatus()).isEqualTo(409);
		assertThat(refused.getErrorMessage()).isEqualTo("Once: this form was sent by someone else");
		assertThat(deals("Once mine")).isZero();
	}

	@Test
	void aLeadFormSentTwiceSubmitsOneLead() throws Exception {
		var world = this.fixtures.world("Once Lead Form");
		var partner = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(world.partnerUser());
		var token = token(partner, "/leads");
		for (int i = 0; i < 2; i++) {
			var sent = this.mvc
				.perform(post("/leads").param("companyName", "Once Lead Company")
					.param("contactName", "Ada Once")
					.param(FormOnce.FIELD, token)
					.session(partner)
					.with(csrf()))
				.andReturn();
			assertThat(sent.getResponse().getStatus()).isEqualTo(302);
			assertThat(sent.getFlashMap().get("notice")).isEqualTo(i == 0 ? "Lead submitted" : FormOnce.REPEATED);
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM partner_lead WHERE company_name = 'Once Lead Company'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anIncentiveProgramFormSentTwiceDefinesOneProgram() throws Exception {
		// s57, try71: two programs from one form, each earning at the quarter's close
		var admin = new Readers(this.mvc, this.jdbc, this.fixtures)
			.signIn(this.fixtures.user(com.trellis.identity.Role.ADMIN));
		var token = token(admin, "/incentives/programs/new");
		var name = "Once rebate " + System.nanoTime();
		for (int i = 0; i < 2; i++) {
			var sent = this.mvc
				.perform(post("/incentives/programs/new").param("name", name)
					.param("kind", "QUARTERLY_REBATE")
					.param("currency", "EUR")
					.param("startsOn", "2026-10-01")
					.param("tiers", "1000: 2\n5000: 3")
					.param(FormOnce.FIELD, token)
					.session(admin)
					.with(csrf()))
				.andReturn();
			assertThat(sent.getResponse().getStatus()).isEqualTo(302);
			assertThat(sent.getFlashMap().get("notice"))
				.isEqualTo(i == 0 ? "Program " + name + " created" : FormOnce.REPEATED);
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM incentive_program WHERE name = :name")
			.param("name", name)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private String token(MockHttpSession session, String page) throws Exception {
		var html = this.mvc.perform(get(page).session(session)).andReturn().getResponse().getContentAsString();
		var token = html.replaceAll("(?s).*name=\"once\" value=\"([0-9a-f-]{36})\".*", "$1");
		assertThat(token).hasSize(36);
		return token;
	}

	private MockHttpServletResponse deal(MockHttpSession session, String token, long account, long owner, String name,
			String amount) throws Exception {
		return this.mvc
			.perform(post("/opportunities/new").param("accountId", String.valueOf(account))
				.param("name", name)
				.param("amount", amount)
				.param("currency", "USD")
				.param("stage", "QUALIFIED")
				.param("closeDate", "2027-03-26")
				.param("ownerId", String.valueOf(owner))
				.param(FormOnce.FIELD, token)
				.session(session)
				.with(csrf()))
			.andReturn()
			.getResponse();
	}

	private long deals(String name) {
		return this.jdbc.sql("SELECT count(*) FROM opportunity WHERE name = :name")
			.param("name", name)
			.query(Long.class)
			.single();
	}

}
