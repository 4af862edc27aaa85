package com.trellis.web;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A partner's MDF and enablement pages show a form only to whoever may send it (try-out
 * s52: an AE, an executive or another partner's PAM filled in the MDF request form, and
 * another PAM the completion forms, and were refused on sending).
 */
@TrellisTest
class FormsForWhoMaySendThemTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theMdfFormsAreShownToThePartnerItsPamAndAdminsOnly() throws Exception {
		var world = this.fixtures.world("Form Shown Partners");
		var request = "action=\"/partners/" + world.partnerId() + "/mdf-requests\"";
		var page = "/partners/" + world.partnerId() + "/incentives";
		assertThat(html(world.partnerUser(), page)).contains(request);
		assertThat(html(world.pam(), page)).contains(request);
		assertThat(html(this.fixtures.user(Role.ADMIN), page)).contains(request);
		for (var other : new Viewer[] { world.ae(), this.fixtures.user(Role.EXECUTIVE), this.fixtures.user(Role.PAM),
				this.fixtures.user(Role.SALES_MANAGER) }) {
			assertThat(html(other, page)).as(other.role().name()).doesNotContain(request);
		}
	}

	@Test
	void theCompletionFormsAreShownToThePartnersPamNotAnotherPam() throws Exception {
		var world = this.fixtures.world("Completion Form Partners");
		var form = "action=\"/partners/" + world.partnerId() + "/enablement\"";
		var page = "/partners/" + world.partnerId() + "/enablement";
		assertThat(html(world.pam(), page)).contains(form);
		assertThat(html(this.fixtures.user(Role.PAM), page)).doesNotContain(form);
	}

	private String html(Viewer viewer, String path) throws Exception {
		var session = readers().signIn(viewer);
		var answer = this.mvc.perform(get(path).session(session)).andReturn().getResponse();
		assertThat(answer.getStatus()).as(viewer.role() + " " + path).isEqualTo(200);
		return answer.getContentAsString();
	}

	private Readers readers() {
		return new Readers(this.mvc, this.jdbc, this.fixtures);
	}

}
