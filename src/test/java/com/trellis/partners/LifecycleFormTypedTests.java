package com.trellis.partners;

import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The lifecycle form on a partner's page, refused, shows the reason and status as typed
 * (try-out s52: the reason was emptied).
 */
@TrellisTest
class LifecycleFormTypedTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRefusedLifecycleChangeKeepsItsReason() throws Exception {
		var world = this.fixtures.world("Lifecycle Typed Partners");
		var pam = this.readers().signIn(world.pam());
		var page = "/partners/" + world.partnerId();
		var status = this.mvc.perform(get(page).session(pam))
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll("(?s).*?<select name=\"toStatus\"[^>]*>\\s*<option value=\"([A-Z_]+)\".*", "$1");
		var reason = "Quarter review: " + "long ".repeat(1000);
		var refused = this.mvc.perform(
				post(page + "/lifecycle").session(pam).with(csrf()).param("toStatus", status).param("reason", reason))
			.andReturn();
		assertThat(refused.getFlashMap().get("error")).as("refused").isNotNull();
		var shown = this.mvc.perform(get(page).session(pam).flashAttrs(refused.getFlashMap()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(shown).contains("value=\"" + reason.strip());
	}

	private Readers readers() {
		return new Readers(this.mvc, this.jdbc, this.fixtures);
	}

}
