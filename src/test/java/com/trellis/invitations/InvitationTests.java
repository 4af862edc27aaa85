package com.trellis.invitations;

import com.icegreen.greenmail.util.GreenMail;
import com.trellis.identity.OneTimeLink;
import com.trellis.identity.Role;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.Fixtures.World;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static com.trellis.invitations.Invitees.PASSWORD;
import static com.trellis.invitations.Invitees.invitations;
import static com.trellis.invitations.Invitees.invite;
import static com.trellis.invitations.Invitees.invitee;
import static com.trellis.invitations.Invitees.join;
import static com.trellis.invitations.Invitees.linkSentTo;
import static com.trellis.invitations.Invitees.userCount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A partner's PAM (or an admin) invites a person, who sets a password through the link in
 * the e-mail and signs in as the partner's user; nobody else invites, and bad input is
 * named.
 */
@TrellisTest
class InvitationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	GreenMail mail;

	@Autowired
	JdbcClient jdbc;

	World world;

	Api pam;

	@BeforeEach
	void partnerWithItsPam() {
		this.world = this.fixtures.world("Invitation Partners " + System.nanoTime());
		this.pam = new Api(this.mvc, this.fixtures.token(this.world.pam()));
	}

	@Test
	void aPamInvitesAPersonWhoSetsAPasswordAndSignsInAsTheirPartnersUser() throws Exception {
		var email = invitee();
		this.pam.post(invitations(this.world.partnerId()), invite("Jo Partner", email))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("PENDING"))
			.andExpect(jsonPath("$.email").value(email));
		var link = linkSentTo(this.mail, email);
		assertThat(this.jdbc.sql("SELECT token_hash FROM partner_invitation WHERE email = ?")
			.param(email)
			.query(String.class)
			.single()).as("only the hash of the link is stored")
			.isEqualTo(OneTimeLink.hash(link.substring("/join/".length())));

		var page = this.mvc.perform(get(link)).andReturn().getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("Jo Partner").contains("Invitation Partners");

		var joined = join(this.mvc, link, PASSWORD);
		assertThat(joined.getRedirectedUrl()).isEqualTo("/login?joined");
		var user = this.jdbc.sql("SELECT role, partner_id, enabled FROM app_user WHERE email = ?")
			.param(email)
			.query((rs, n) -> rs.getString("role") + " " + rs.getLong("partner_id") + " " + rs.getBoolean("enabled"))
			.single();
		assertThat(user).isEqualTo("PARTNER " + this.world.partnerId() + " true");
		var signIn = this.mvc.perform(post("/login").param("username", email).param("password", PASSWORD).with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(signIn.getRedirectedUrl()).doesNotContain("error");
		this.pam.get(invitations(this.world.partnerId())).andExpect(jsonPath("$[0].status").value("ACCEPTED"));
		assertThat(audited("invited")).isEqualTo(1);
		assertThat(audited("accepted")).isEqualTo(1);
	}

	@Test
	void onlyThePartnersPamOrAnAdminInvites() throws Exception {
		var otherPam = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.PAM)));
		var partnerUser = new Api(this.mvc, this.fixtures.token(this.world.partnerUser()));
		var ae = new Api(this.mvc, this.fixtures.token(this.world.ae()));
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		var email = invitee();
		otherPam.post(invitations(this.world.partnerId()), invite("Not Yours", email))
			.andExpect(status().isForbidden());
		otherPam.get(invitations(this.world.partnerId())).andExpect(status().isForbidden());
		// a partner user invites colleagues to their own partner (page and API alike)
		partnerUser.post(invitations(this.world.partnerId()), invite("Colleague", invitee()))
			.andExpect(status().isCreated());
		ae.post(invitations(this.world.partnerId()), invite("Colleague", email)).andExpect(status().isForbidden());
		assertThat(this.mail.getReceivedMessagesForDomain(email)).isEmpty();
		admin.post(invitations(this.world.partnerId()), invite("By The Admin", email)).andExpect(status().isCreated());
	}

	@Test
	void badInputIsRefusedNamingTheFieldAndNothingIsSent() throws Exception {
		long before = this.fixtures.count("partner_invitation");
		this.pam.post(invitations(this.world.partnerId()), "{\"name\": \"No Mail\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("email"));
		this.pam.post(invitations(this.world.partnerId()), invite("Bad Mail", "not-an-address"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("email"));
		this.pam.post(invitations(this.world.partnerId()), invite("", invitee()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
		this.pam.post(invitations(this.world.partnerId()), invite("A Vendor", this.fixtures.email(this.world.ae())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("email"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("vendor user")));
		this.pam
			.post(invitations(this.world.partnerId()),
					invite("Already Here", this.fixtures.email(this.world.partnerUser())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("email"));
		assertThat(this.fixtures.count("partner_invitation")).isEqualTo(before);
	}

	/**
	 * A partner user inviting an address of the vendor, of another partner or with
	 * another partner's pending invitation is refused without being told whose it is
	 * (try-out s52: "belongs to a user of another partner" told them).
	 */
	@Test
	void aPartnerUserIsNotToldWhoseAnAddressElsewhereIs() throws Exception {
		var partnerUser = new Api(this.mvc, this.fixtures.token(this.world.partnerUser()));
		var other = this.fixtures.world("Invitation Elsewhere Partners");
		var pending = invitee();
		new Api(this.mvc, this.fixtures.token(other.pam()))
			.post(invitations(other.partnerId()), invite("Theirs", pending))
			.andExpect(status().isCreated());
		long before = this.fixtures.count("partner_invitation");
		for (var email : new String[] { this.fixtures.email(this.world.ae()), this.fixtures.email(other.partnerUser()),
				pending }) {
			partnerUser.post(invitations(this.world.partnerId()), invite("Someone", email))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("email"))
				.andExpect(jsonPath("$.errors[0].message").value(Invitations.ELSEWHERE));
		}
		assertThat(this.fixtures.count("partner_invitation")).isEqualTo(before);
	}

	@Test
	void aSecondInvitationForAPendingEmailIsRefused() throws Exception {
		var email = invitee();
		this.pam.post(invitations(this.world.partnerId()), invite("Twice", email)).andExpect(status().isCreated());
		this.pam.post(invitations(this.world.partnerId()), invite("Twice", email.toUpperCase()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("email"));
	}

	/**
	 * An address that reaches an existing user or invitation, however its letters are
	 * written (a capital dotted I for an i), is that user's or invitation's: refused
	 * naming {@code email}, never sent or left to fail on joining.
	 */
	@Test
	void aLookAlikeSpellingOfAUsersOrAPendingAddressIsRefused() throws Exception {
		var existing = this.fixtures.email(this.world.partnerUser());
		assertThat(existing).contains("i");
		this.pam.post(invitations(this.world.partnerId()), invite("Twin", existing.replaceFirst("i", "\u0130")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("email"));
		var pending = "pending" + System.nanoTime() + "@invitees.test";
		this.pam.post(invitations(this.world.partnerId()), invite("Pending", pending)).andExpect(status().isCreated());
		this.pam.post(invitations(this.world.partnerId()), invite("Pending twin", pending.replaceFirst("i", "\u0130")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("email"));
	}

	@Test
	void thePamInvitesFromThePartnersPageAndSeesThePendingInvitation() throws Exception {
		var session = this.mvc
			.perform(post("/login").param("username", this.fixtures.email(this.world.pam()))
				.param("password", "secret")
				.with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
		var email = invitee();
		var sent = this.mvc
			.perform(post("/partners/" + this.world.partnerId() + "/invitations")
				.session((org.springframework.mock.web.MockHttpSession) session)
				.with(csrf())
				.param("name", "From The Page")
				.param("email", email))
			.andReturn()
			.getResponse();
		assertThat(sent.getRedirectedUrl()).isEqualTo("/partners/" + this.world.partnerId());
		linkSentTo(this.mail, email);
		var section = this.mvc
			.perform(get("/partners/" + this.world.partnerId() + "/invitations")
				.session((org.springframework.mock.web.MockHttpSession) session)
				.header("HX-Request", "true"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(section).contains("From The Page").contains(email).contains("Pending");
	}

	@Test
	void aPasswordOfMoreThanSeventyTwoBytesIsRefusedNamingTheFieldAndTheLinkStaysOpen() throws Exception {
		var email = invitee();
		this.pam.post(invitations(this.world.partnerId()), invite("Byte Counter", email))
			.andExpect(status().isCreated());
		var link = linkSentTo(this.mail, email);
		var refused = join(this.mvc, link, "€".repeat(25));
		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(refused.getContentAsString()).contains("72 bytes");
		assertThat(
				this.jdbc.sql("SELECT count(*) FROM app_user WHERE email = ?").param(email).query(Long.class).single())
			.isZero();
		assertThat(join(this.mvc, link, PASSWORD).getRedirectedUrl()).isEqualTo("/login?joined");
	}

	@Test
	void aDeactivatedUserOfThePartnerIsReactivatedByAnInvitation() throws Exception {
		var leaver = this.world.partnerUser();
		var email = this.fixtures.email(leaver);
		this.jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE id = ?").param(leaver.userId()).update();
		this.pam.post(invitations(this.world.partnerId()), invite("Back Again", email)).andExpect(status().isCreated());
		assertThat(join(this.mvc, linkSentTo(this.mail, email), PASSWORD).getRedirectedUrl())
			.isEqualTo("/login?joined");
		assertThat(this.jdbc.sql("SELECT display_name || ' ' || enabled FROM app_user WHERE id = ?")
			.param(leaver.userId())
			.query(String.class)
			.single()).isEqualTo("Back Again true");
		assertThat(userCount(this.jdbc, email)).isEqualTo(1);
	}

	@Test
	void aUserAnAdminDeactivatedIsNotBroughtBackByAnInvitationNorIsASunsetPartnersColleague() throws Exception {
		// s56: a partner user's invitation of a colleague undid the admin's deactivation
		var leaver = this.fixtures.user(com.trellis.identity.Role.PARTNER, this.world.partnerId(), null);
		var email = this.fixtures.email(leaver);
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(com.trellis.identity.Role.ADMIN)));
		admin.post("/api/v1/users/" + leaver.userId() + "/deactivate", "").andExpect(status().isOk());
		var colleague = new Api(this.mvc, this.fixtures.token(this.world.partnerUser()));
		for (var inviter : new Api[] { colleague, this.pam }) {
			inviter.post(invitations(this.world.partnerId()), invite("Back Again", email))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("email"))
				.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("deactivated")));
		}
		assertThat(this.jdbc.sql("SELECT enabled FROM app_user WHERE id = ?")
			.param(leaver.userId())
			.query(Boolean.class)
			.single()).isFalse();
		this.jdbc.sql("UPDATE partner SET lifecycle_status = 'SUNSET' WHERE id = ?")
			.param(this.world.partnerId())
			.update();
		this.pam
			.post(invitations(this.world.partnerId()), invite("New Person", "new" + System.nanoTime() + "@x.example"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("partnerId"));
		// its own users no longer get in at all (s57, SunsetPartnerAccessTests)
		colleague
			.post(invitations(this.world.partnerId()), invite("New Person", "new" + System.nanoTime() + "@x.example"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void theInviteFormNamesABadFieldAndSendsNothing() throws Exception {
		var session = (org.springframework.mock.web.MockHttpSession) this.mvc
			.perform(post("/login").param("username", this.fixtures.email(this.world.pam()))
				.param("password", "secret")
				.with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
		long before = this.fixtures.count("partner_invitation");
		var refused = this.mvc
			.perform(post("/partners/" + this.world.partnerId() + "/invitations").session(session)
				.with(csrf())
				.param("name", "No Address")
				.param("email", "no-at-sign"))
			.andReturn();
		assertThat(refused.getFlashMap().get("error").toString()).startsWith("Email:");
		assertThat(this.fixtures.count("partner_invitation")).isEqualTo(before);
	}

	private long audited(String action) {
		return this.jdbc.sql("""
				SELECT count(*) FROM audit_entry WHERE entity_type = 'partner-invitation' AND action = ?
				  AND entity_id IN (SELECT CAST(id AS TEXT) FROM partner_invitation WHERE partner_id = ?)
				""").param(action).param(this.world.partnerId()).query(Long.class).single();
	}

}
