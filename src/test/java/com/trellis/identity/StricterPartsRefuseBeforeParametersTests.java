package com.trellis.identity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.trellis.leads.LeadCommand;
import com.trellis.leads.Leads;
import com.trellis.registration.RegistrationCommand;
import com.trellis.registration.Registrations;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A part of a record with a rule stricter than seeing the record refuses before it reads
 * a parameter, for the viewers who may see the record itself: every {@code GET} under a
 * partner's, deal's, registration's, lead's, account's or account plan's path, asked by
 * each role (the partner's own user, another PAM, an AE, a sales manager, an executive)
 * without parameters and then with an unknown one and a NUL: where the plain read is
 * refused (403 or 404), the read with bad parameters is refused the same way, not told
 * 400 naming the parameter (left open by session 61: only the account list, overlaps and
 * maturity named their stricter rule; a deal's partner fit told its partner's user 400
 * first). Reads with a second path variable are left out, and so are parts the admin is
 * told 404 (their 404 is a missing sub-record, found after binding).
 */
@TrellisTest
class StricterPartsRefuseBeforeParametersTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Registrations registrations;

	@Autowired
	Leads leads;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Test
	void everyRoleRefusedAPartIsRefusedItWithBadParametersToo() throws Exception {
		var a = this.fixtures.world("Stricter A");
		long registration = this.registrations
			.register(a.partnerUser(),
					new RegistrationCommand(null, "Stricter Customer " + System.nanoTime(), null, "A new order system",
							new BigDecimal("1000.00"), "USD", LocalDate.of(2027, 4, 30), null,
							com.trellis.deals.CreditType.SOURCED))
			.id();
		long lead = this.leads
			.submit(a.partnerUser(),
					new LeadCommand(null, "Stricter Lead " + System.nanoTime(), null, "Jo Buyer", "jo@example.com",
							null))
			.id();
		var ids = new LinkedHashMap<String, Long>();
		for (var path : new String[] { "/api/v1/partners/{id}", "/partners/{id}", "/api/v1/partners/{partnerId}",
				"/api/v1/maturity/partners/{id}" }) {
			ids.put(path, a.partnerId());
		}
		ids.put("/api/v1/opportunities/{id}", a.dealId());
		ids.put("/opportunities/{id}", a.dealId());
		ids.put("/api/v1/registrations/{id}", registration);
		ids.put("/registrations/{id}", registration);
		ids.put("/api/v1/leads/{id}", lead);
		ids.put("/leads/{id}", lead);
		ids.put("/api/v1/accounts/{id}", a.accountId());
		ids.put("/accounts/{id}", a.accountId());
		long plan = this.fixtures.accountPlan(a, "Stricter plan");
		ids.put("/api/v1/account-plans/{id}", plan);
		ids.put("/account-plans/{id}", plan);
		var urls = reads(ids);
		assertThat(urls).hasSizeGreaterThan(40);

		var viewers = List.of(a.partnerUser(), this.fixtures.user(Role.PAM), this.fixtures.user(Role.AE),
				this.fixtures.user(Role.SALES_MANAGER), this.fixtures.user(Role.EXECUTIVE));
		// a part the admin is told 404 does not exist (an activation plan the partner
		// never
		// had): its 404 comes after the parameters are read, and is no rule
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		var adminSession = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(this.fixtures.user(Role.ADMIN));
		var absent = new java.util.HashSet<String>();
		for (var url : urls) {
			if ((url.startsWith("/api/") ? status(admin.get(url)) : status(adminSession, url)) == 404) {
				absent.add(url);
			}
		}
		var wrong = new ArrayList<String>();
		int refused = 0;
		for (var viewer : viewers) {
			var api = new Api(this.mvc, this.fixtures.token(viewer));
			var session = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(viewer);
			for (var url : urls) {
				if (absent.contains(url)) {
					continue;
				}
				boolean isApi = url.startsWith("/api/");
				int plain = isApi ? status(api.get(url)) : status(session, url);
				if (plain != 403 && plain != 404) {
					continue;
				}
				refused++;
				int bad = isApi ? status(api.get(url + "?zzz=1&size=%00")) : status(session, url + "?q=%00");
				if (bad != plain) {
					wrong.add(viewer.role() + " " + url + ": " + plain + ", with bad parameters " + bad);
				}
			}
		}
		assertThat(refused).as("reads refused to a role that sees the record").isGreaterThan(20);
		assertThat(wrong).as("parts that read their parameters before their rule").isEmpty();
	}

	private int status(org.springframework.mock.web.MockHttpSession session, String url) throws Exception {
		return this.mvc.perform(get(url).session(session)).andReturn().getResponse().getStatus();
	}

	private static int status(org.springframework.test.web.servlet.ResultActions result) {
		return result.andReturn().getResponse().getStatus();
	}

	/**
	 * The URLs of every mapped {@code GET} at or under one of the paths whose only
	 * variable is the record's id, the id put in.
	 */
	private List<String> reads(Map<String, Long> ids) {
		var urls = new TreeSet<String>();
		this.mapping.getHandlerMethods().keySet().forEach(info -> {
			var methods = info.getMethodsCondition().getMethods();
			if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
				return;
			}
			for (var pattern : info.getPatternValues()) {
				ids.forEach((path, id) -> {
					var rest = pattern.startsWith(path) ? pattern.substring(path.length()) : null;
					if (rest != null && (rest.isEmpty() || rest.startsWith("/") || rest.startsWith("."))
							&& !rest.contains("{")) {
						urls.add(path.substring(0, path.lastIndexOf('{')) + id + rest);
					}
				});
			}
		});
		return new ArrayList<>(urls);
	}

}
