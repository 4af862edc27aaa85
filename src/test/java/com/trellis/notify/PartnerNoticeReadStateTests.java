package com.trellis.notify;

import java.sql.Timestamp;
import java.time.Instant;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A partner's notice tells the truth about being read (issue 15 notes: the API listed a
 * new notice with "unread": false on its first read). Listing marks nothing; a user of
 * the partner marks a notice read (POST .../read, or the inbox page), for all the
 * partner's users; the vendor's staff and another partner's user change nothing.
 */
@TrellisTest
class PartnerNoticeReadStateTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	Fixtures.World a;

	Fixtures.World b;

	long notice;

	@BeforeEach
	void aNewNoticeForA() {
		this.a = this.fixtures.world("Read State Alpha");
		this.b = this.fixtures.world("Read State Beta");
		this.notice = this.jdbc.sql("""
				INSERT INTO notification (notice_key, partner_id, kind, subject, body, created_at)
				VALUES (:key, :partner, 'REGISTRATION_APPROVED', 'Registration approved', 'Approved.', :at) RETURNING id
				""")
			.param("key", "read-state-" + this.a.partnerId())
			.param("partner", this.a.partnerId())
			.param("at", Timestamp.from(Instant.parse("2026-11-20T10:00:00Z")))
			.query(Long.class)
			.single();
	}

	@Test
	void thePartnersUserListsItsNewNoticeAsUnreadUntilItMarksItRead() throws Exception {
		var api = api(this.a.partnerUser());
		for (int read = 0; read < 2; read++) {
			api.get(list(this.a))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[0].id").value(this.notice))
				.andExpect(jsonPath("$[0].unread").value(true));
		}
		api.post(list(this.a) + "/" + this.notice + "/read", "")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(this.notice))
			.andExpect(jsonPath("$.unread").value(false));
		var readAt = readAt();
		assertThat(readAt).isNotNull();
		api.get(list(this.a)).andExpect(jsonPath("$[0].unread").value(false));
		api.post(list(this.a) + "/" + this.notice + "/read", "").andExpect(status().isOk());
		assertThat(readAt()).as("marked once").isEqualTo(readAt);
		var another = this.fixtures.user(Role.PARTNER, this.a.partnerId(), null);
		api(another).get(list(this.a)).andExpect(jsonPath("$[0].unread").value(false));
	}

	@Test
	void anotherPartnersUserGetsNotFoundAndChangesNothing() throws Exception {
		var api = api(this.b.partnerUser());
		api.post(list(this.a) + "/" + this.notice + "/read", "").andExpect(status().isNotFound());
		api.post(list(this.b) + "/" + this.notice + "/read", "").andExpect(status().isNotFound());
		api.get(list(this.a)).andExpect(status().isNotFound());
		assertThat(readAt()).isNull();
		api(this.a.partnerUser()).get(list(this.a)).andExpect(jsonPath("$[0].unread").value(true));
	}

	@Test
	void theVendorsStaffReadTheStateAndCannotMarkIt() throws Exception {
		for (var staff : new Viewer[] { this.a.pam(), this.fixtures.user(Role.ADMIN),
				this.fixtures.user(Role.EXECUTIVE) }) {
			var api = api(staff);
			api.get(list(this.a)).andExpect(status().isOk()).andExpect(jsonPath("$[0].unread").value(true));
			api.post(list(this.a) + "/" + this.notice + "/read", "").andExpect(status().isForbidden());
			var page = this.mvc
				.perform(get("/notifications").param("partnerId", "" + this.a.partnerId()).session(login(staff)))
				.andReturn()
				.getResponse();
			assertThat(page.getStatus()).isEqualTo(200);
		}
		assertThat(readAt()).isNull();
	}

	/** try30: the page answered an unknown partner's inbox as an empty one. */
	@Test
	void theInboxPageOfAnUnknownPartnerIsNotFoundAsInTheApi() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		api(admin).get("/api/v1/partners/999999999/notifications").andExpect(status().isNotFound());
		this.mvc.perform(get("/notifications").param("partnerId", "999999999").session(login(admin)))
			.andExpect(status().isNotFound());
	}

	@Test
	void thePartnersInboxPageShowsTheNoticeAsNewOnceThenRead() throws Exception {
		var session = login(this.a.partnerUser());
		var first = this.mvc.perform(get("/notifications").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(first).contains("Registration approved").contains("class=\"notice-item unread\"");
		assertThat(readAt()).isNotNull();
		assertThat(
				this.mvc.perform(get("/notifications").session(session)).andReturn().getResponse().getContentAsString())
			.doesNotContain("notice-item unread");
		api(this.a.partnerUser()).get(list(this.a)).andExpect(jsonPath("$[0].unread").value(false));
	}

	private Instant readAt() {
		var at = this.jdbc.sql("SELECT read_at FROM notification WHERE id = :id")
			.param("id", this.notice)
			.query(Timestamp.class)
			.optional();
		return at.map(Timestamp::toInstant).orElse(null);
	}

	private static String list(Fixtures.World world) {
		return "/api/v1/partners/" + world.partnerId() + "/notifications";
	}

	private Api api(Viewer viewer) {
		return new Api(this.mvc, this.fixtures.token(viewer));
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		return (MockHttpSession) this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

}
