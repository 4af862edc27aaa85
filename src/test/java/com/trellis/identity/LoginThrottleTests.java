package com.trellis.identity;

import java.time.Duration;

import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

@TrellisTest
class LoginThrottleTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Test
	void locksASignInNameAfterFiveWrongPasswordsForFifteenMinutes() throws Exception {
		var email = this.fixtures.email(this.fixtures.user(Role.AE));
		for (int i = 0; i < 5; i++) {
			assertThat(signIn(email, "wrong")).endsWith("/login?error");
		}
		assertThat(signIn(email, "secret")).as("locked even with the right password").endsWith("/login?error");

		this.clock.advance(Duration.ofMinutes(16));
		assertThat(signIn(email, "secret")).doesNotContain("error");
	}

	private String signIn(String email, String password) throws Exception {
		return this.mvc.perform(post("/login").param("username", email).param("password", password).with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

}
