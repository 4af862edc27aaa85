package com.trellis.web;

import java.util.regex.Pattern;

import com.trellis.identity.Viewer;
import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The deal edit form (try-out s52): a form opened before someone else saved no longer
 * undoes their change unseen, and the account, read-only on the form, cannot be changed
 * by posting another.
 */
@TrellisTest
class DealEditConflictTests {

	private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aStaleEditFormIsRefusedKeepingWhatWasTypedAndASecondSaveWins() throws Exception {
		var world = this.fixtures.world("Stale Edit Partners");
		var deal = world.dealId();
		var first = login(world.ae());
		var second = login(world.ae());
		var seenByFirst = version(first, deal);
		var seenBySecond = version(second, deal);

		this.mvc.perform(save(second, deal, seenBySecond, "99999.00", "Changed by the second"))
			.andExpect(redirectedUrl("/opportunities/" + deal));
		var page = this.mvc.perform(save(first, deal, seenByFirst, "18250.00", "Typed by the first"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("someone changed this deal since you opened the form")))
			.andExpect(content().string(containsString("Typed by the first")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(name(deal)).isEqualTo("Changed by the second");

		// saved again from the refused form (it now carries the current version): it wins
		var matcher = VERSION.matcher(page);
		assertThat(matcher.find()).isTrue();
		this.mvc.perform(save(first, deal, matcher.group(1), "18250.00", "Typed by the first"))
			.andExpect(redirectedUrl("/opportunities/" + deal));
		assertThat(name(deal)).isEqualTo("Typed by the first");

		// a form that says no version, or an unreadable one, is refused as stale, not
		// saved
		// unchecked (re-check s52)
		for (var version : new String[] { "", "abc" }) {
			var request = save(first, deal, "", "18250.00", "No version " + version);
			if (!version.isEmpty()) {
				request.param("version", version);
			}
			this.mvc.perform(request)
				.andExpect(status().isConflict())
				.andExpect(content().string(containsString(">someone changed this deal since you opened the form")));
		}
		assertThat(name(deal)).isEqualTo("Typed by the first");
	}

	@Test
	void theAccountOfAnEditedDealCannotBeChangedByPostingAnother() throws Exception {
		var world = this.fixtures.world("Account Swap Partners");
		var other = this.fixtures.account("Account Swap Other", "account-swap-other.example", world.ae().userId());
		var ae = login(world.ae());
		var request = save(ae, world.dealId(), version(ae, world.dealId()), "18250.00", "Swapped");
		this.mvc.perform(request.with(swapped -> {
			swapped.setParameter("accountId", String.valueOf(other));
			return swapped;
		}))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("a deal stays on its account")));
		assertThat(this.jdbc.sql("SELECT account_id FROM opportunity WHERE id = ?")
			.param(world.dealId())
			.query(Long.class)
			.single()).isEqualTo(world.accountId());
	}

	private MockHttpServletRequestBuilder save(MockHttpSession session, long deal, String version, String amount,
			String name) {
		var request = post("/opportunities/" + deal + "/edit").session(session).with(csrf());
		var row = this.jdbc
			.sql("SELECT account_id, currency, stage, close_date, owner_id FROM opportunity WHERE id = ?")
			.param(deal)
			.query((rs,
					n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3),
							rs.getString(4) == null ? "" : rs.getString(4), rs.getString(5) })
			.single();
		if (!version.isEmpty()) {
			request.param("version", version);
		}
		return request.param("accountId", row[0])
			.param("name", name)
			.param("amount", amount)
			.param("currency", row[1])
			.param("closeDate", row[3])
			.param("ownerId", row[4]);
	}

	private String version(MockHttpSession session, long deal) throws Exception {
		var form = this.mvc.perform(get("/opportunities/" + deal + "/edit").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		var matcher = VERSION.matcher(form);
		assertThat(matcher.find()).as("the edit form carries the deal's version").isTrue();
		return matcher.group(1);
	}

	private String name(long deal) {
		return this.jdbc.sql("SELECT name FROM opportunity WHERE id = ?").param(deal).query(String.class).single();
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		return readers().signIn(viewer);
	}

	private Readers readers() {
		return new Readers(this.mvc, this.jdbc, this.fixtures);
	}

}
