package com.trellis.cosell;

import java.nio.charset.StandardCharsets;

import com.trellis.identity.Viewer;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The co-sell loop through the pages: a partner uploads its list, the AE sees the partner
 * on the deal's account and asks for help, the partner answers, the AE reads the answer.
 */
@TrellisTest
class CoSellPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void anAccountExecutiveAsksAPartnerPresentAtTheDealsAccountAndReadsItsAnswerOnTheDeal() throws Exception {
		var seller = this.fixtures.world("Page Co-sell Sellers");
		var helper = this.fixtures.world("Page Co-sell Helpers");
		long account = this.fixtures.account("Northwind Traders Ltd", "northwind-traders.com", seller.ae().userId());
		long deal = this.fixtures.partnerDeal(account, seller.ae().userId(), seller.partnerId(), "80000.00");
		var partner = login(helper.partnerUser());
		this.mvc
			.perform(multipart("/partners/" + helper.partnerId() + "/account-list").file(csv(
					"company_name,web_domain,country,status\nNorthwind Traders,www.northwind-traders.com,,customer\n"))
				.session(partner)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", containsString("1 row;")));

		var ae = login(seller.ae());
		this.mvc.perform(get("/opportunities/" + deal + "/cosell").session(ae))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Page Co-sell Helpers")))
			.andExpect(content().string(containsString("Their customer")));
		this.mvc
			.perform(post("/opportunities/" + deal + "/cosell-requests").param("partnerId", "abc")
				.param("ask", "Intro please")
				.session(ae)
				.with(csrf()))
			.andExpect(flash().attribute("error", containsString("Partner: must be a partner id")));
		this.mvc
			.perform(post("/opportunities/" + deal + "/cosell-requests").param("partnerId", "" + helper.partnerId())
				.param("ask", "Can you introduce us to their CFO?")
				.session(ae)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", "Co-sell request sent"));
		// s56: a refused ask came back as an empty panel, the message lost
		var again = login(seller.ae());
		// a long ask in another script: carried in the panel's address it made it too
		// long to load (414, s56)
		var typed = "Could you also join the security review? " + "é".repeat(1900);
		this.mvc
			.perform(post("/opportunities/" + deal + "/cosell-requests").param("partnerId", "" + helper.partnerId())
				.param("ask", typed)
				.session(again)
				.with(csrf()))
			.andExpect(flash().attribute("error", containsString("open co-sell request")));
		this.mvc.perform(get("/opportunities/" + deal).session(again)).andExpect(status().isOk());
		this.mvc.perform(get("/opportunities/" + deal + "/cosell").session(again))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"" + typed + "\"")));
		// kept for the one panel that follows the refusal, not for ever
		this.mvc.perform(get("/opportunities/" + deal + "/cosell").session(again))
			.andExpect(content().string(not(containsString("security review"))));

		this.mvc.perform(get("/cosell").session(login(seller.partnerUser())))
			.andExpect(content().string(not(containsString("introduce us to their CFO"))));
		var listed = this.mvc.perform(get("/cosell").session(partner))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Can you introduce us to their CFO?")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		var id = listed.replaceAll("(?s).*action=\"/cosell/(\\d+)/answer\".*", "$1");
		assertThat(id).matches("\\d+");
		this.mvc.perform(post("/cosell/" + id + "/answer").param("accept", "maybe").session(partner).with(csrf()))
			.andExpect(flash().attribute("error", containsString("Accept: must be yes or no")));
		this.mvc
			.perform(post("/cosell/" + id + "/answer").param("accept", "true")
				.param("note", "Our founder knows her; Thursday works")
				.session(partner)
				.with(csrf()))
			.andExpect(flash().attribute("notice", "Answer sent"));
		this.mvc.perform(post("/cosell/" + id + "/answer").param("accept", "true").session(ae).with(csrf()))
			.andExpect(status().isForbidden());

		this.mvc.perform(get("/opportunities/" + deal + "/cosell").session(ae))
			.andExpect(content().string(containsString("Accepted")))
			.andExpect(content().string(containsString("Our founder knows her; Thursday works")));
		this.mvc.perform(get("/opportunities/" + deal + "/cosell").session(partner)).andExpect(status().isForbidden());
	}

	@Test
	void aPartnersUploadWithBadRowsShowsEachRowAndColumnOnThePageAndKeepsTheOldList() throws Exception {
		var world = this.fixtures.world("Page Upload Partners");
		var partner = login(world.partnerUser());
		var page = "/partners/" + world.partnerId() + "/account-list";
		this.mvc
			.perform(multipart(page)
				.file(csv("company_name,web_domain,country,status\nUpload Keeper Zq,uploadkeeperzq.com,US,customer\n"))
				.session(partner)
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		var bad = this.mvc
			.perform(multipart(page)
				.file(csv("company_name,web_domain,country,status\n,uploadkeeperzq.com,Atlantis,friend\n"))
				.session(partner)
				.with(csrf()))
			.andReturn();
		this.mvc.perform(get(page).session(partner).flashAttrs(bad.getFlashMap()))
			.andExpect(content().string(containsString("row 2: country")))
			.andExpect(content().string(containsString("row 2: status")))
			.andExpect(content().string(containsString("Upload Keeper Zq")));
		this.mvc.perform(get(page).session(login(this.fixtures.world("Page Upload Others").partnerUser())))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/partners/" + world.partnerId() + "/overlaps").session(partner))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(get("/partners/" + world.partnerId() + "/overlaps?cell=GREENFIELD").session(login(world.pam())))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/partners/" + world.partnerId()).session(login(world.pam())))
			.andExpect(content().string(containsString("/partners/" + world.partnerId() + "/overlaps")));
		this.mvc.perform(get("/partners/" + world.partnerId() + "/overlaps").session(login(world.pam())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"cell-GREENFIELD\">1<")));
	}

	@Test
	void theDemoStartsWithPartnerListsThatOverlapOurAccounts() {
		var lists = this.jdbc.sql("""
				SELECT count(DISTINCT l.partner_id) AS partners,
				       count(*) FILTER (WHERE a.match_confidence = 'AUTOMATIC') AS matched,
				       count(*) FILTER (WHERE a.account_id IS NULL) AS greenfield,
				       count(*) FILTER (WHERE a.match_confidence = 'POSSIBLE') AS possible
				FROM partner_account a JOIN partner_account_list l ON l.id = a.list_id AND l.current
				""")
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4) })
			.single();
		System.out.printf("demo lists: %d partners, %d matched, %d greenfield, %d possible%n", lists[0], lists[1],
				lists[2], lists[3]);
		assertThat(lists[0]).isGreaterThanOrEqualTo(3);
		assertThat(lists[1]).isGreaterThan(10);
		assertThat(lists[2]).isGreaterThan(3);
	}

	private static MockMultipartFile csv(String text) {
		return new MockMultipartFile("file", "list.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void theAdminPagesThroughEveryCoSellRequest() throws Exception {
		var admin = login(this.fixtures.user(com.trellis.identity.Role.ADMIN));
		long requests = this.jdbc.sql("SELECT count(*) FROM cosell_request").query(Long.class).single();
		org.junit.jupiter.api.Assumptions.assumeTrue(requests > 25, "more requests than one page holds");
		var first = this.mvc.perform(get("/cosell").session(admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(first).containsPattern("href=\"/cosell\\?[^\"]*page=1\"").doesNotContain("← Previous");
		var second = this.mvc.perform(get("/cosell?page=1").session(admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(second).containsPattern("href=\"/cosell\\?[^\"]*page=0\"").contains("← Previous");
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		var result = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
