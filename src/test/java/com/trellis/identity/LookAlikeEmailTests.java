package com.trellis.identity;

import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An e-mail address with a space of any kind or an invisible character is refused naming
 * {@code email} (s56: "new1" with a zero-width space, or with a trailing no-break space,
 * was a second user who looks like "new1@example.com", for vendor users and partner
 * invitations alike), on creation and on a change.
 */
@TrellisTest
class LookAlikeEmailTests {

	private static final String[] LOOK_ALIKES = { "look1\u200b@example.com", "\u200blook1@example.com",
			"look1@example.com\u00a0", "look1@exa\u202emple.com", "look1@example.com\u2060", "look\u31641@example.com",
			"look1\u00ad@example.com",
			// s57, try72: a Cyrillic letter among Latin ones, in the name or the domain,
			// and
			// a domain without a dot
			"l\u043eok1@example.com", "look1@ex\u0430mple.com", "look1@example.c\u03bfm", "look1@example" };

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void vendorUsersAndInvitationsRefuseAddressesWithInvisibleCharacters() throws Exception {
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		var world = this.fixtures.world("Look Alike Partners");
		long users = this.fixtures.count("app_user");
		for (var email : LOOK_ALIKES) {
			admin
				.post("/api/v1/users",
						"""
								{"email": "%s", "displayName": "Look Alike", "role": "AE", "initialPassword": "ONE_TIME_PASSWORD"}
								"""
							.formatted(email))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field").value(hasItem("email")));
		}
		for (var email : LOOK_ALIKES) {
			admin.post("/api/v1/partners/" + world.partnerId() + "/invitations", "{\"email\": \"%s\"}".formatted(email))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field").value(hasItem("email")));
		}
		assertThat(this.fixtures.count("app_user")).isEqualTo(users);
		// how some languages write stays open: one alphabet, or Han with kana
		admin.post("/api/v1/users", """
				{"email": "%s", "displayName": "Yamada", "role": "AE", "initialPassword": "ONE_TIME_PASSWORD"}
				""".formatted("\u3084\u307e\u3060\u592a\u90ce" + System.nanoTime() + "@example.jp"))
			.andExpect(status().isCreated());
		var existing = this.fixtures.user(Role.AE);
		admin.put("/api/v1/users/" + existing.userId(), """
				{"email": "%s", "displayName": "Changed", "role": "AE"}""".formatted(LOOK_ALIKES[2]))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("email")));
	}

}
