package com.trellis.registration;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import com.trellis.identity.Viewer;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A decision the registration's current state refuses (a second approval, a second
 * rejection, lifting a hold it is not under) is a conflict: 409 saying it was done
 * already, not a 400 naming {@code status} as if the request were malformed (try-out).
 * Nothing changes. Bad input stays 400, naming the state with it; who may decide is still
 * checked first (403).
 */
@TrellisTest
class DecisionConflictTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Registrations registrations;

	@Test
	void aSecondApprovalIsAConflictAndOpensNoSecondDeal() throws Exception {
		var world = this.fixtures.world("Twice Approving Partners");
		long id = registered(world, "Twice Approved Freight");
		var pam = new Api(this.mvc, this.fixtures.token(world.pam()));
		var approve = "/api/v1/registrations/" + id + "/approve";
		var owner = "{\"ownerId\": %d}".formatted(world.ae().userId());
		pam.post(approve, owner).andExpect(status().isOk());
		long deals = this.fixtures.count("opportunity");
		long history = this.fixtures.count("registration_history");

		pam.post(approve, owner)
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.title").value("Conflict"))
			.andExpect(jsonPath("$.errors[0].field").value("status"))
			.andExpect(jsonPath("$.errors[0].message")
				.value("the registration is already approved and its deal is open; nothing was changed"));

		assertThat(this.fixtures.count("opportunity")).isEqualTo(deals);
		assertThat(this.fixtures.count("registration_history")).isEqualTo(history);
		assertThat(statusOf(id)).isEqualTo("APPROVED");
	}

	@Test
	void aSecondApprovalOnThePageSaysItWasApprovedAlready() throws Exception {
		var world = this.fixtures.world("Twice Approving Page Partners");
		long id = registered(world, "Twice Approved Paper");
		var session = login(world.pam());
		var owner = String.valueOf(world.ae().userId());
		this.mvc
			.perform(post("/registrations/" + id + "/approve").session(session).with(csrf()).param("ownerId", owner))
			.andExpect(redirectedUrl("/registrations/" + id))
			.andExpect(flash().attribute("notice", "Approved"));
		long deals = this.fixtures.count("opportunity");

		var again = this.mvc
			.perform(post("/registrations/" + id + "/approve").session(session).with(csrf()).param("ownerId", owner))
			.andExpect(redirectedUrl("/registrations/" + id))
			.andReturn();

		assertThat(again.getFlashMap().get("error"))
			.isEqualTo("Status: the registration is already approved and its deal is open; nothing was changed");
		assertThat(again.getFlashMap().keySet()).doesNotContain("fieldErrors", "notice");
		assertThat(this.fixtures.count("opportunity")).isEqualTo(deals);
	}

	@Test
	void theOtherDecisionsTwiceAreConflictsToo() throws Exception {
		var world = this.fixtures.world("Twice Deciding Partners");
		var pam = new Api(this.mvc, this.fixtures.token(world.pam()));
		var reason = "{\"reason\": \"Not a fit for the program\"}";

		long rejected = registered(world, "Twice Rejected Mills");
		pam.post("/api/v1/registrations/" + rejected + "/reject", reason).andExpect(status().isOk());
		conflict(pam.post("/api/v1/registrations/" + rejected + "/reject", reason),
				"the registration was already rejected; nothing was changed");

		long sentBack = registered(world, "Twice Sent Back Mills");
		pam.post("/api/v1/registrations/" + sentBack + "/send-back", reason).andExpect(status().isOk());
		conflict(pam.post("/api/v1/registrations/" + sentBack + "/send-back", reason),
				"the registration was already sent back for more information; nothing was changed");

		long pending = registered(world, "Never Held Mills");
		conflict(pam.post("/api/v1/registrations/" + pending + "/override-hold", reason),
				"the registration is awaiting approval; only a registration on hold can be released from a hold");
		assertThat(statusOf(pending)).isEqualTo("PENDING");

		var partner = new Api(this.mvc, this.fixtures.token(world.partnerUser()));
		long withdrawn = registered(world, "Twice Withdrawn Mills");
		partner.post("/api/v1/registrations/" + withdrawn + "/withdraw", "").andExpect(status().isOk());
		conflict(partner.post("/api/v1/registrations/" + withdrawn + "/withdraw", ""),
				"the registration was already withdrawn; nothing was changed");

		assertThat(List.of(statusOf(rejected), statusOf(sentBack), statusOf(withdrawn))).containsExactly("REJECTED",
				"NEEDS_INFO", "WITHDRAWN");
	}

	/** A blank reason is bad input whatever the state: 400, naming the state with it. */
	@Test
	void badInputOnADecidedRegistrationStaysBadInput() throws Exception {
		var world = this.fixtures.world("Bad Input Deciding Partners");
		long id = registered(world, "Bad Input Rejected Mills");
		var pam = new Api(this.mvc, this.fixtures.token(world.pam()));
		pam.post("/api/v1/registrations/" + id + "/reject", "{\"reason\": \"Not a fit\"}").andExpect(status().isOk());

		var refused = pam.post("/api/v1/registrations/" + id + "/reject", "{\"reason\": \" \"}")
			.andExpect(status().isBadRequest());
		assertThat(fields(refused)).containsExactly("reason", "status");

		var approval = pam
			.post("/api/v1/registrations/" + id + "/approve", "{\"ownerId\": %d}".formatted(world.pam().userId()))
			.andExpect(status().isBadRequest());
		assertThat(fields(approval)).containsExactly("ownerId", "status");
		assertThat(statusOf(id)).isEqualTo("REJECTED");
	}

	@Test
	void aRegistrationOfAPartnerSunsetWhileItWaitedIsNotApproved() throws Exception {
		var world = this.fixtures.world("Sunset While Waiting Partners");
		long id = registered(world, "Sunset Waiting Looms");
		this.jdbc.sql("UPDATE partner SET lifecycle_status = 'SUNSET' WHERE id = ?").param(world.partnerId()).update();
		long deals = this.fixtures.count("opportunity");

		new Api(this.mvc, this.fixtures.token(world.pam()))
			.post("/api/v1/registrations/" + id + "/approve", "{\"ownerId\": %d}".formatted(world.ae().userId()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("partnerId"))
			.andExpect(jsonPath("$.errors[0].message").value("a sunset partner cannot register deals"));
		assertThat(statusOf(id)).isEqualTo("PENDING");
		assertThat(this.fixtures.count("opportunity")).isEqualTo(deals);
	}

	@Test
	void whoMayDecideIsCheckedBeforeTheState() throws Exception {
		var world = this.fixtures.world("Forbidden Deciding Partners");
		var other = this.fixtures.world("Other Book Partners");
		long id = registered(world, "Forbidden Approved Looms");
		this.registrations.approve(world.pam(), id, new ApproveCommand(world.ae().userId(), null));

		new Api(this.mvc, this.fixtures.token(world.partnerUser()))
			.post("/api/v1/registrations/" + id + "/approve", "{}")
			.andExpect(status().isForbidden());
		var outsider = new Api(this.mvc, this.fixtures.token(other.pam()))
			.post("/api/v1/registrations/" + id + "/approve", "{\"ownerId\": \"bob\"}")
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(outsider).isIn(403, 404);
	}

	private static void conflict(ResultActions answer, String message) throws Exception {
		answer.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("status"))
			.andExpect(jsonPath("$.errors[0].message").value(message));
	}

	private long registered(Fixtures.World world, String customer) {
		return this.registrations
			.register(world.partnerUser(), RegistrationTests.command(customer + " " + world.partnerId(),
					"conflict-" + world.partnerId() + "-" + System.nanoTime() + ".com"))
			.id();
	}

	private String statusOf(long id) {
		return this.jdbc.sql("SELECT status FROM deal_registration WHERE id = ?")
			.param(id)
			.query(String.class)
			.single();
	}

	private static List<String> fields(ResultActions result) throws Exception {
		return JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.errors[*].field");
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		return (MockHttpSession) this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

}
