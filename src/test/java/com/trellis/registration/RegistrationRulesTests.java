package com.trellis.registration;

import java.time.Duration;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@TrellisTest
class RegistrationRulesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Registrations registrations;

	@Test
	void theAdminSetsTheProtectionPeriodAndBadValuesChangeNothing() throws Exception {
		var original = this.registrations.rules();
		var admin = this.fixtures.user(Role.ADMIN);
		try {
			var session = login(admin);
			this.mvc.perform(form(session, "0")).andExpect(status().isBadRequest());
			assertThat(this.registrations.rules()).isEqualTo(original);

			this.mvc.perform(form(session, "60")).andExpect(status().is3xxRedirection());
			assertThat(this.registrations.rules().protectionDays()).isEqualTo(60);
			var world = this.fixtures.world("Short Protection Partners");
			var registered = this.registrations.register(world.partnerUser(),
					RegistrationTests.command("Pelican Air", "pelican-air.com"));
			assertThat(registered.protectionEndsAt()).isEqualTo(registered.submittedAt().plus(Duration.ofDays(60)));

			this.mvc.perform(form(login(this.fixtures.user(Role.PAM)), "10")).andExpect(status().isForbidden());
			assertThat(this.registrations.rules().protectionDays()).isEqualTo(60);
		}
		finally {
			this.registrations.changeRules(admin, original);
		}
	}

	/**
	 * A share with more than two decimals was rounded as the database stored it (0.001
	 * became 0, 99.999 became 100) while the audit kept what was sent: refused on both
	 * paths, naming the field, and nothing changes.
	 */
	@Test
	void aShareFinerThanAHundredthIsRefusedNotRounded() throws Exception {
		var original = this.registrations.rules();
		var admin = this.fixtures.user(Role.ADMIN);
		try {
			new com.trellis.support.Api(this.mvc, this.fixtures.token(admin)).put("/api/v1/registration-rules", """
					{"protectionDays":90,"laterRegistration":"HOLD","approvalSlaBusinessDays":2,"extensionDays":30,
					 "sourcedShare":20,"influencedShare":99.999,"coSellShare":0.001}""")
				.andExpect(status().isBadRequest())
				.andExpect(
						org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.errors[*].field",
								org.hamcrest.Matchers.containsInAnyOrder("influencedShare", "coSellShare")));
			this.mvc.perform(form(login(admin), "90", "15.555"))
				.andExpect(status().isBadRequest())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.model()
					.attribute("errors", org.hamcrest.Matchers.hasKey("coSellShare")));
			assertThat(this.registrations.rules()).isEqualTo(original);
		}
		finally {
			this.registrations.changeRules(admin, original);
		}
	}

	/**
	 * A whole number too large or too small for its Java type is told the field's own
	 * bound, as 731 is, on the page form and in the API alike, and the form keeps what
	 * was typed (try68: the form said "must be a number" of a number; try68b: then both
	 * told the range of an int).
	 */
	@Test
	void aNumberBeyondItsTypeIsToldTheFieldsOwnBoundOnTheFormAndTheApi() throws Exception {
		var original = this.registrations.rules();
		var admin = this.fixtures.user(Role.ADMIN);
		for (var typed : java.util.Map
			.of("99999999999", "must be less than or equal to 730", "731", "must be less than or equal to 730",
					"-99999999999", "must be greater than or equal to 1")
			.entrySet()) {
			this.mvc.perform(form(login(admin), typed.getKey()))
				.andExpect(status().isBadRequest())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.model()
					.attribute("errors", org.hamcrest.Matchers.hasEntry("protectionDays", typed.getValue())))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
					.string(org.hamcrest.Matchers.containsString("value=\"" + typed.getKey() + "\"")));
			new com.trellis.support.Api(this.mvc, this.fixtures.token(admin)).put("/api/v1/registration-rules", """
					{"protectionDays":%s,"laterRegistration":"HOLD","approvalSlaBusinessDays":2,"extensionDays":30,
					 "sourcedShare":20,"influencedShare":10,"coSellShare":15}""".formatted(typed.getKey()))
				.andExpect(status().isBadRequest())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
					.jsonPath("$.errors[?(@.field == 'protectionDays')].message")
					.value(typed.getValue()));
		}
		assertThat(this.registrations.rules()).isEqualTo(original);
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder form(MockHttpSession session,
			String protectionDays) {
		return form(session, protectionDays, "15");
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder form(MockHttpSession session,
			String protectionDays, String coSellShare) {
		return post("/registrations/rules").session(session)
			.with(csrf())
			.param("protectionDays", protectionDays)
			.param("laterRegistration", "HOLD")
			.param("approvalSlaBusinessDays", "2")
			.param("extensionDays", "30")
			.param("sourcedShare", "20")
			.param("influencedShare", "10")
			.param("coSellShare", coSellShare);
	}

	private MockHttpSession login(com.trellis.identity.Viewer viewer) throws Exception {
		return (MockHttpSession) this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

}
