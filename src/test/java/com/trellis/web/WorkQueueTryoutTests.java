package com.trellis.web;

import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the try-out of issue 13 on the running demo found on the home queues and error
 * pages: a manager's stalled deals are their team's, the queue's money and deal numbers
 * read as money and numbers, any refused request keeps the layout, and a missing value is
 * named in words.
 */
@TrellisTest
class WorkQueueTryoutTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	Environment environment;

	@Test
	void aManagersHomeListsTheStalledDealsOfTheirTeamAndNotEveryonesElse() throws Exception {
		var manager = this.fixtures.user(Role.SALES_MANAGER);
		var rep = this.fixtures.user(Role.AE, null, manager.userId());
		var stranger = this.fixtures.user(Role.AE);
		var world = this.fixtures.world("Stalled Team Partners");
		long ours = stalledDeal(world.accountId(), rep, world.partnerId(), "Stalled team deal of ours");
		long theirs = stalledDeal(world.accountId(), stranger, world.partnerId(), "Stalled deal of another team");

		long direct = stalledDeal(world.accountId(), rep, world.partnerId(), "Stalled direct deal of ours");
		this.jdbc.sql("""
				UPDATE opportunity SET partner_id = NULL, credit_type = NULL, partner_share = NULL, source = 'DIRECT',
				                       stage = 'REGISTERED' WHERE id = ?""").param(direct).update();

		var home = page(login(manager), "/");

		assertThat(home).contains("Stalled team deal of ours", "/opportunities/" + ours);
		assertThat(home).doesNotContain("Stalled deal of another team", "/opportunities/" + theirs);
		assertThat(home).contains("waiting on a program admin (the deal has no partner)")
			.doesNotContain("waiting on no partner");

		// the process page lists what the home counts, everyone's on request (try67: the
		// program's stalled deals for every staff role)
		var session = login(manager);
		var process = page(session, "/process");
		assertThat(process).contains("/opportunities/" + ours).doesNotContain("/opportunities/" + theirs);
		assertThat(page(session, "/process/stalled.csv")).contains(ours + ",").doesNotContain(theirs + ",");
		assertThat(page(session, "/process/stalled.csv?mine=false")).contains(theirs + ",");
		// and the API the same (try69c: it kept listing the program's)
		var api = new com.trellis.support.Api(this.mvc, this.fixtures.token(manager));
		assertThat(api.get("/api/v1/process/stalled?size=200").andReturn().getResponse().getContentAsString())
			.contains("\"id\":" + ours + ",")
			.doesNotContain("\"id\":" + theirs + ",");
		api.get("/api/v1/process/stalled?mine=maybe").andExpect(status().isBadRequest());
		assertThat(total(api, "/api/v1/process/stalled")).isEqualTo(2);
		assertThat(total(api, "/api/v1/process/stalled?mine=false")).isGreaterThan(2);
	}

	private static long total(com.trellis.support.Api api, String url) throws Exception {
		var body = api.get(url).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		return Long.parseLong(body.replaceAll("(?s).*\"total\":(\\d+).*", "$1"));
	}

	@Test
	void thePamsQueueShowsMdfCostsAsMoneyAndDisputedDealsByTheirPlainNumber() throws Exception {
		this.jdbc
			.sql("SELECT setval('opportunity_id_seq', GREATEST((SELECT last_value FROM opportunity_id_seq), 100000))")
			.query(Long.class)
			.single();
		var world = this.fixtures.world("Queue Money Partners");
		this.jdbc.sql("""
				INSERT INTO mdf_request (partner_id, activity, cost, currency, expected_pipeline, partner_investment,
				                         status, requested_by, requested_at)
				VALUES (?, 'Queue money roadshow', 12500.5, 'USD', 50000, 1000, 'REQUESTED', ?, now())
				""").params(world.partnerId(), world.partnerUser().userId()).update();
		this.jdbc.sql("""
				INSERT INTO credit_dispute (opportunity_id, partner_id, raised_by, current_credit_type, current_share,
				                            proposed_credit_type, proposed_share, reason, status, raised_at)
				VALUES (?, ?, ?, 'SOURCED', 20, 'SOURCED', 40, 'Queue number dispute', 'OPEN', now())
				""").params(world.dealId(), world.partnerId(), world.partnerUser().userId()).update();

		var home = page(login(world.pam()), "/");

		assertThat(home).contains("USD 12,500.50").doesNotContain("12500.5000 USD");
		assertThat(home).contains("Deal #" + world.dealId() + "<");
	}

	@Test
	void anAddressThatOnlyTakesAFormAnswersAPlainVisitWithTheLayoutAndAWayBack() throws Exception {
		// through the running server: the error page is rendered by the servlet
		// container's error dispatch, which MockMvc does not perform
		var world = this.fixtures.world("Method Page Partners");
		var http = signedIn(world.pam());

		var refused = http
			.send(HttpRequest.newBuilder(URI.create(base() + "/partners/" + world.partnerId() + "/mdf-requests"))
				.header("Accept", "text/html")
				.build(), BodyHandlers.ofString());

		assertThat(refused.statusCode()).isEqualTo(405);
		assertThat(refused.body()).contains("This address cannot answer that", "Sign out", "id=\"error-back\"")
			.doesNotContain("Whitelabel");
	}

	@Test
	void anEmptyMdfRequestNamesEachMissingFieldInWordsAndSavesNothing() throws Exception {
		var world = this.fixtures.world("Empty Mdf Partners");
		long before = this.fixtures.count("mdf_request");
		var flash = this.mvc
			.perform(post("/partners/" + world.partnerId() + "/mdf-requests").session(login(world.partnerUser()))
				.with(csrf())
				.param("activity", "Roadshow")
				.param("currency", "USD")
				.param("cost", "")
				.param("expectedPipeline", "")
				.param("partnerInvestment", ""))
			.andReturn()
			.getFlashMap()
			.toString();

		assertThat(flash).contains("is required").doesNotContain("must not be null");
		assertThat(this.fixtures.count("mdf_request")).isEqualTo(before);
	}

	@Test
	void aTimeZoneThatDoesNotExistIsFlashedBackThroughASessionKeptInTheDatabaseAndNothingIsSaved() throws Exception {
		// the signed-in session lives in the database, which serializes what is flashed
		// back to the page; the tests' own sessions never do, so serialize it here
		var pam = this.fixtures.user(Role.PAM);
		var flash = this.mvc
			.perform(post("/profile/reading").session(login(pam))
				.with(csrf())
				.param("locale", "de-DE")
				.param("timeZone", "Mars/Olympus"))
			.andReturn()
			.getFlashMap();

		assertThat(flash.get("fieldErrors").toString()).contains("is not a time zone name");
		try (var out = new ObjectOutputStream(OutputStream.nullOutputStream())) {
			out.writeObject(new HashMap<>(flash));
		}
		assertThat(this.jdbc.sql("SELECT coalesce(time_zone, 'none') FROM app_user WHERE id = ?")
			.param(pam.userId())
			.query(String.class)
			.single()).isEqualTo("none");
	}

	private HttpClient signedIn(Viewer viewer) throws Exception {
		var http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		var login = http.send(HttpRequest.newBuilder(URI.create(base() + "/login")).build(), BodyHandlers.ofString());
		var form = "username=" + URLEncoder.encode(this.fixtures.email(viewer), StandardCharsets.UTF_8)
				+ "&password=secret&_csrf=" + tokenOf(login.body());
		http.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(form))
			.build(), BodyHandlers.discarding());
		return http;
	}

	private String base() {
		return "http://localhost:" + this.environment.getRequiredProperty("local.server.port");
	}

	private static String tokenOf(String page) {
		return URLEncoder.encode(page.replaceAll("(?s).*?name=\"_csrf\" value=\"([^\"]+)\".*", "$1"),
				StandardCharsets.UTF_8);
	}

	private long stalledDeal(long accountId, Viewer owner, long partnerId, String name) {
		long id = this.fixtures.partnerDeal(accountId, owner.userId(), partnerId, "10000.00");
		this.jdbc.sql("UPDATE opportunity SET name = ?, stage_entered_at = ? WHERE id = ?")
			.params(name, Timestamp.from(this.clock.instant().minus(400, ChronoUnit.DAYS)), id)
			.update();
		return id;
	}

	private String page(MockHttpSession session, String url) throws Exception {
		return this.mvc.perform(get(url).session(session).accept("text/html"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		return (MockHttpSession) this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

}
