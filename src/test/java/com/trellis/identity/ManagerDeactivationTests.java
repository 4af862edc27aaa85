package com.trellis.identity;

import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A manager with active reps reporting to them is not deactivated (API 409 and the page's
 * error, naming the reports), so nobody reports to a deactivated manager; once the reps
 * have another manager (or are deactivated themselves) the manager is.
 */
@TrellisTest
class ManagerDeactivationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aManagerOfActiveRepsIsNotDeactivatedUntilTheyHaveAnotherManager() throws Exception {
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		var manager = this.fixtures.user(Role.SALES_MANAGER);
		var first = this.fixtures.user(Role.AE, null, manager.userId());
		var second = this.fixtures.user(Role.AE, null, manager.userId());
		admin.post("/api/v1/users/" + manager.userId() + "/deactivate", "")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("id"))
			.andExpect(jsonPath("$.errors[0].message",
					allOf(containsString("manager of 2 active users"), containsString(first.name()),
							containsString(second.name()), containsString("reassign their manager first"))));
		assertThat(active(manager.userId())).isTrue();

		var other = this.fixtures.user(Role.SALES_MANAGER);
		for (var rep : new Viewer[] { first, second }) {
			admin.put("/api/v1/users/" + rep.userId(), """
					{"email": "%s", "displayName": "%s", "role": "AE", "managerId": %d}
					""".formatted(this.fixtures.email(rep), rep.name(), other.userId())).andExpect(status().isOk());
		}
		admin.post("/api/v1/users/" + manager.userId() + "/deactivate", "").andExpect(status().isOk());
		assertThat(active(manager.userId())).isFalse();
	}

	@Test
	void thePageSaysWhyAManagerOfActiveRepsIsNotDeactivated() throws Exception {
		var manager = this.fixtures.user(Role.SALES_MANAGER);
		var rep = this.fixtures.user(Role.AE, null, manager.userId());
		var session = login(this.fixtures.email(this.fixtures.user(Role.ADMIN)));
		this.mvc.perform(post("/admin/users/" + manager.userId() + "/deactivate").session(session).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("error",
					allOf(containsString("Not deactivated: manager of 1 active user ("), containsString(rep.name()))));
		assertThat(active(manager.userId())).isTrue();
	}

	private boolean active(long id) {
		return this.jdbc.sql("SELECT enabled FROM app_user WHERE id = ?").param(id).query(Boolean.class).single();
	}

	private MockHttpSession login(String email) throws Exception {
		var result = this.mvc.perform(post("/login").param("username", email).param("password", "secret").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
