package com.trellis.web;

import java.util.List;

import com.trellis.identity.Role;
import com.trellis.shared.ListSearch;
import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The text a list is filtered by ({@link ListSearch}) on every list with a {@code q}: its
 * page, its CSV export and its API. A {@code %} or {@code _} is a character to find
 * (try16: {@code q=%} listed every deal and partner), and a text over a hundred
 * characters is refused naming {@code q} (a 5,000-character text was read against every
 * row).
 */
@TrellisTest
class ListSearchTests {

	private static final List<String> PAGES = List.of("/partners", "/opportunities", "/accounts", "/admin/users",
			"/account-plans", "/plays", "/partners/export.csv", "/opportunities/export.csv", "/accounts/export.csv",
			"/admin/users/export.csv", "/account-plans/export.csv");

	private static final List<String> API = List.of("/api/v1/partners", "/api/v1/opportunities", "/api/v1/accounts",
			"/api/v1/users", "/api/v1/accounts/export.csv");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	@Test
	void aTextOverAHundredCharactersIsRefusedNamingQOnEveryListAndAHundredAreRead() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var session = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(admin);
		var token = this.fixtures.token(admin);
		var tooLong = "x".repeat(ListSearch.MAX + 1);
		// spaces of any kind around, and emoji counted as one character each (try16:
		// "(102)"
		// for 51 emoji)
		var longest = "\u00A0 " + "\uD83D\uDE00".repeat(ListSearch.MAX) + " \u3000";
		for (var path : PAGES) {
			var body = this.mvc.perform(get(path).param("q", tooLong).session(session))
				.andExpect(status().isBadRequest())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(body).as(path).contains("data-field=\"q\"").contains("at most 100 characters (it has 101)");
			this.mvc.perform(get(path).param("q", longest).session(session)).andExpect(status().isOk());
		}
		for (var path : API) {
			this.mvc.perform(api(path, token, tooLong))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("q"));
			this.mvc.perform(api(path, token, longest)).andExpect(status().isOk());
			// a control character, as the search box and every text field refuse it
			this.mvc.perform(api(path, token, "ab\u0001c"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("q"));
		}
	}

	@Test
	void aPercentSignOrAnUnderscoreIsACharacterToFindNotAWildcard() throws Exception {
		var exact = this.fixtures.world("Fifty_Fifty Lists s63");
		var other = this.fixtures.world("Fifty5Fifty Lists s63");
		for (var world : List.of(exact, other)) {
			this.jdbc.sql("UPDATE opportunity SET name = (SELECT name FROM partner WHERE id = :p) WHERE id = :d")
				.param("p", world.partnerId())
				.param("d", world.dealId())
				.update();
		}
		var admin = this.fixtures.user(Role.ADMIN);
		var token = this.fixtures.token(admin);
		var q = "Fifty_Fifty Lists s63";
		// a no-break space pasted after the name is trimmed as a space (try16)
		this.mvc.perform(api("/api/v1/partners", token, q + "\u00A0"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(exact.partnerId()));
		this.mvc.perform(api("/api/v1/accounts", token, q))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(exact.accountId()));
		this.mvc.perform(api("/api/v1/opportunities", token, q))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(exact.dealId()));
		var session = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(admin);
		assertThat(Readers.read(this.mvc, session, "/partners?q=Fifty_Fifty Lists s63"))
			.contains("Fifty_Fifty Lists s63")
			.doesNotContain("Fifty5Fifty Lists s63")
			// one found is one partner (try69c: "1 deals")
			.containsPattern(">1</span> <span>partner</span>");
		assertThat(Readers.read(this.mvc, session, "/opportunities?q=Fifty_Fifty Lists s63"))
			.containsPattern(">1</span> <span>deal</span>");
		assertThat(Readers.csv(this.mvc, session, "/opportunities/export.csv?q=Fifty_Fifty Lists s63"))
			.contains("Fifty_Fifty Lists s63")
			.doesNotContain("Fifty5Fifty Lists s63");
		// every name, not one: the count of rows holding a % sign as it is
		var tables = java.util.Map.of("partners", "partner", "opportunities", "opportunity", "accounts", "account");
		for (var list : tables.entrySet()) {
			var domain = list.getValue().equals("opportunity") ? "" : " OR strpos(web_domain, '%') > 0";
			long literal = this.jdbc
				.sql("SELECT count(*) FROM " + list.getValue() + " WHERE strpos(name, '%') > 0" + domain)
				.query(Long.class)
				.single();
			this.mvc.perform(api("/api/v1/" + list.getKey(), token, "%")).andExpect(jsonPath("$.total").value(literal));
		}
	}

	private static MockHttpServletRequestBuilder api(String path, String token, String q) {
		return get(path).param("q", q).header("Authorization", "Bearer " + token);
	}

}
