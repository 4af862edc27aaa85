package com.trellis.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.regex.Pattern;

import com.trellis.support.TrellisTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * People read labels, not codes (issue 13, item 8): every page a demo user reaches from
 * the navigation, and the first record each of those pages links to, shows no
 * {@code JOINT_WORKING}-like code and no {@code {coSellPercent=3}}-like map as text.
 */
@TrellisTest
class LabelSweepTests {

	/**
	 * A text node that is a code: capitals joined by "_" or ":" (BEST_CASE,
	 * PARTNER:TIER_1).
	 */
	private static final Pattern CODE = Pattern
		.compile(">\\s*([A-Z][A-Z0-9]*(?:[_:][A-Z0-9]+)+)\\s*<|>[^<]*(\\{[a-zA-Z]+=[^}<]*\\})[^<]*<");

	private static final Pattern LINK = Pattern.compile("href=\"(/[a-z-]+(?:/[a-z0-9-]+)*)\"");

	private static final Pattern RECORD = Pattern
		.compile("href=\"(/(?:opportunities|deals|partners|registrations|leads|incentives/payouts)/\\d+)\"");

	@Autowired
	MockMvc mvc;

	@ParameterizedTest
	@ValueSource(strings = { "admin@trellis.demo", "pam@trellis.demo", "ae@trellis.demo", "exec@trellis.demo",
			"partner@northwind.demo" })
	void noPageADemoUserReachesShowsACodeInsteadOfItsLabel(String email) throws Exception {
		var session = login(email);
		var home = page(session, "/");
		var pages = new LinkedHashSet<String>();
		pages.add("/");
		var links = LINK.matcher(home);
		while (links.find()) {
			var path = links.group(1);
			if (!path.startsWith("/logout") && !path.startsWith("/css") && !path.startsWith("/js")
					&& !path.endsWith(".csv")) {
				pages.add(path);
			}
		}
		// each page is read once: the records' links and the codes from the same text
		var read = new HashMap<String, String>();
		read.put("/", home);
		for (var path : new ArrayList<>(pages)) {
			if (!read.containsKey(path)) {
				read.put(path, page(session, path));
			}
			var records = RECORD.matcher(read.get(path));
			if (records.find()) {
				pages.add(records.group(1));
			}
		}
		var found = new ArrayList<String>();
		for (var path : pages) {
			var codes = CODE.matcher(read.containsKey(path) ? read.get(path) : page(session, path));
			while (codes.find()) {
				found.add(path + ": " + (codes.group(1) != null ? codes.group(1) : codes.group(2)));
			}
		}
		assertThat(pages).hasSizeGreaterThan(4);
		assertThat(found).isEmpty();
	}

	@org.junit.jupiter.api.Test
	void theForecastsQuotaPickerNamesEachPersonsRoleInWords() throws Exception {
		var page = page(login("admin@trellis.demo"), "/forecast");
		assertThat(page).contains("(Account executive)").doesNotContain("(AE)", "(SALES_MANAGER)", "(PAM)");
	}

	private String page(MockHttpSession session, String path) throws Exception {
		var response = this.mvc.perform(get(path).session(session)).andReturn().getResponse();
		if (response.getStatus() == 302 && response.getRedirectedUrl() != null
				&& response.getRedirectedUrl().startsWith("/")) {
			// the partner's home is the portal
			response = this.mvc.perform(get(response.getRedirectedUrl()).session(session)).andReturn().getResponse();
		}
		return response.getStatus() == 200 ? response.getContentAsString() : "";
	}

	private MockHttpSession login(String email) throws Exception {
		var result = this.mvc.perform(post("/login").param("username", email).param("password", "demo").with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
