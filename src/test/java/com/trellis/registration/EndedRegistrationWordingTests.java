package com.trellis.registration;

import java.time.Duration;

import com.trellis.deals.Deals;
import com.trellis.deals.Stage;
import com.trellis.identity.Viewer;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A registration that ended with its won deal reads alike everywhere: "Ended: deal won"
 * in search, in the list and on its page (not the code in words, "Deal won"); and it
 * protects nothing and awaits no decision, so the API gives it no protection end and no
 * decision deadline, and its page says how its protection ended instead of a date.
 */
@TrellisTest
class EndedRegistrationWordingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Registrations registrations;

	@Autowired
	Deals deals;

	@Test
	void aWonRegistrationReadsEndedDealWonInSearchTheListAndItsPage() throws Exception {
		var world = this.fixtures.world("Ended Wording Partners");
		var registered = won(world, "Wrenhollow Dairies");

		new Api(this.mvc, this.fixtures.token(world.pam())).get("/api/v1/search?q=Wrenhollow")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.registrations[0].detail", endsWith(" · Ended: deal won")));
		var session = login(world.pam());
		var list = page(session, "/registrations?status=DEAL_WON&mine=false");
		assertThat(list).contains(">Ended: deal won</span>").doesNotContain(">Deal won<");
		var detail = page(session, "/registrations/" + registered.id());
		assertThat(detail).contains("id=\"registration-status\"")
			.contains(">Ended: deal won</span>")
			.contains("<dd id=\"protection\">Ended when the deal was won</dd>");
		var search = page(session, "/search?q=Wrenhollow");
		assertThat(search).contains("Ended: deal won").doesNotContain("Deal won");
	}

	@Test
	void anEndedRegistrationHasNoProtectionEndNorDecisionDeadlineInTheApi() throws Exception {
		var world = this.fixtures.world("Ended Deadline Partners");
		var registered = won(world, "Yarrowfield Mills");

		var api = new Api(this.mvc, this.fixtures.token(world.pam()));
		api.get("/api/v1/registrations/" + registered.id())
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DEAL_WON"))
			.andExpect(jsonPath("$.protectionEndsAt", nullValue()))
			.andExpect(jsonPath("$.slaDueAt", nullValue()));
		api.get("/api/v1/registrations?status=DEAL_WON&partnerId=" + world.partnerId())
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].id").value(registered.id()))
			.andExpect(jsonPath("$.items[0].protectionEndsAt", nullValue()))
			.andExpect(jsonPath("$.items[0].slaDueAt", nullValue()));
	}

	/** A registration of the customer, approved and its deal won. */
	private RegistrationView won(Fixtures.World world, String customer) {
		var registered = this.registrations.register(world.partnerUser(), RegistrationTests.command(customer, null));
		assertThat(registered.protectionEndsAt()).isNotNull();
		assertThat(registered.slaDueAt()).isNotNull();
		var approved = this.registrations.approve(world.pam(), registered.id(),
				new ApproveCommand(world.ae().userId(), null));
		this.deals.moveStage(world.ae(), approved.opportunityId(), Stage.REGISTERED, Stage.CLOSED_WON, "won", false);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.registrations.get(world.pam(), registered.id()).status() == RegistrationStatus.DEAL_WON);
		return registered;
	}

	private String page(MockHttpSession session, String url) throws Exception {
		return com.trellis.support.Readers.read(this.mvc, session, url);
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		return (MockHttpSession) this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

}
