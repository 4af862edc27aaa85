package com.trellis.identity;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;

import com.trellis.support.Fixtures;
import com.trellis.support.Fixtures.World;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static com.trellis.identity.Role.ADMIN;
import static com.trellis.identity.Role.AE;
import static com.trellis.identity.Role.EXECUTIVE;
import static com.trellis.identity.Role.PAM;
import static com.trellis.identity.Role.PARTNER;
import static com.trellis.identity.Role.SALES_MANAGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * For each role and each endpoint or page, the outcome the role must get. "other" is a
 * partner none of the callers owns, "fresh" a new active partner like it; the partner
 * user belongs to "own".
 */
@TrellisTest
class SecurityMatrixTests {

	private static final Map<Role, Viewer> callers = new EnumMap<>(Role.class);

	private static World other;

	private static World own;

	private static long otherRegistration;

	private static long otherLead;

	/**
	 * Each role's API token and signed-in session, made once for the class: the rows only
	 * use them (none signs its caller out, changes its role or revokes its token), so a
	 * token or a sign-in per request would test nothing more.
	 */
	private static final Map<Role, String> tokens = new EnumMap<>(Role.class);

	private static final Map<Role, MockHttpSession> sessions = new EnumMap<>(Role.class);

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	java.time.Clock clock;

	@Autowired
	com.trellis.registration.Registrations registrations;

	@Autowired
	com.trellis.leads.Leads leads;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	com.trellis.activation.ActivationProgress progress;

	@Autowired
	com.trellis.incentives.MarketDevelopmentFunds funds;

	@Autowired
	com.trellis.credit.CreditDisputes disputes;

	@Autowired
	com.trellis.invitations.Invitations invitations;

	@Autowired
	com.trellis.webhooks.Webhooks webhooks;

	@Autowired
	com.trellis.cosell.CoSellRequests cosell;

	@Autowired
	com.trellis.plays.Plays plays;

	@BeforeEach
	void callers() {
		if (other == null) {
			other = this.fixtures.world("Matrix Other");
			own = this.fixtures.world("Matrix Own");
			otherRegistration = this.registrations.register(other.partnerUser(), registration("Matrix Customer")).id();
			otherLead = lead();
			this.progress.start(own.partnerId(), java.time.LocalDate.of(2026, 11, 2));
			// the other partner's plan too: a blocker is recorded only on a partner with
			// one, so the admin's blocker row is refused by nothing but its role
			this.progress.start(other.partnerId(), java.time.LocalDate.of(2026, 11, 2));
			for (Role role : Role.values()) {
				callers.put(role, role == PARTNER ? own.partnerUser() : this.fixtures.user(role));
			}
		}
	}

	static Stream<Arguments> api() {
		return SecurityMatrixApiRows.api();
	}

	static Stream<Arguments> pages() {
		return SecurityMatrixPageRows.pages();
	}

	/**
	 * The rows of {@code rows} that write and that some role is refused (403 or 404): the
	 * only rows the tests "whatever the body" and "whatever it holds" send anything for
	 * (a read has no body to vary; a row no role is refused has no refusal to check).
	 */
	private static Stream<Arguments> refusedWrites(Stream<Arguments> rows) {
		return rows.filter(row -> !((String) row.get()[0]).startsWith("GET")
				&& java.util.Arrays.stream((int[]) row.get()[1]).anyMatch(status -> status == 403 || status == 404));
	}

	static Stream<Arguments> apiRefusedWrites() {
		return refusedWrites(api());
	}

	static Stream<Arguments> pageRefusedWrites() {
		return refusedWrites(pages());
	}

	/** Operations a partner user may use for its own partner, named in the body. */
	private static final java.util.Set<String> PARTNER_NAMES_ITS_OWN = java.util.Set.of("POST /api/v1/registrations",
			"POST /api/v1/leads");

	@ParameterizedTest(name = "{0}")
	@MethodSource("api")
	void restApiAnswersEachRoleAsExpected(String endpoint, int[] expected) throws Exception {
		Role[] roles = { ADMIN, PAM, AE, SALES_MANAGER, EXECUTIVE, PARTNER };
		for (int i = 0; i < roles.length; i++) {
			var body = body(endpoint);
			if (roles[i] == PARTNER && PARTNER_NAMES_ITS_OWN.contains(endpoint)) {
				// a partner user acts for their own partner; naming another is refused
				// (403,
				// PartnerIsolationTests)
				body = body.replace("\"partnerId\": " + other.partnerId(), "\"partnerId\": " + own.partnerId());
			}
			if ((roles[i] == AE || roles[i] == SALES_MANAGER) && endpoint.equals("POST /api/v1/opportunities")) {
				// the field owns the deals it opens, a manager also their team's
				// (DealOwnerReachTests)
				body = body.replace("\"ownerId\": " + other.ae().userId(),
						"\"ownerId\": " + callers.get(roles[i]).userId());
			}
			var request = request(endpoint).header("Authorization", "Bearer " + token(roles[i]))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body);
			var response = this.mvc.perform(request).andReturn().getResponse();
			assertThat(response.getStatus()).as("%s as %s: %s", endpoint, roles[i], response.getContentAsString())
				.isEqualTo(expected[i]);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("pages")
	void pagesAnswerEachRoleAsExpected(String endpoint, int[] expected) throws Exception {
		Role[] roles = { ADMIN, PAM, AE, SALES_MANAGER, EXECUTIVE, PARTNER };
		for (int i = 0; i < roles.length; i++) {
			var request = request(endpoint).session(session(roles[i])).with(csrf());
			if (endpoint.endsWith("/lifecycle")) {
				request.param("toStatus", "DORMANT").param("reason", "Matrix check");
			}
			if (endpoint.endsWith("/follow-up")) {
				request.param("type", "CALL");
			}
			int status = this.mvc.perform(request).andReturn().getResponse().getStatus();
			assertThat(status).as("%s as %s", endpoint, roles[i]).isEqualTo(expected[i]);
		}
	}

	/**
	 * Operations a role may use for records of its own, where the record is named in the
	 * body: the rule reads that field before the rest is bound, so these bodies name the
	 * other partner (or the program target) and get everything else wrong. A body that
	 * names no record (malformed JSON) may answer 400: the caller may use the operation
	 * for its own records, and learns nothing about anyone else's.
	 */
	private static final Map<String, String[]> DECIDED_BY_THE_BODY = Map.of(
			"POST /api/v1/opportunities/{freshDeal}/cosell-requests", new String[] { "{\"partnerId\": {other}}",
					"{\"partnerId\": {other}, \"ask\": {}}", "{\"partnerId\": \"{other}\", \"unknown\": 1}" },
			"POST /api/v1/leads", new String[] { "{\"partnerId\": {other}}",
					"{\"partnerId\": {other}, \"companyName\": {}}", "{\"partnerId\": \"{other}\", \"unknown\": 1}" },
			"POST /api/v1/registrations",
			new String[] { "{\"partnerId\": {other}}", "{\"partnerId\": {other}, \"amount\": \"lots\"}",
					"{\"partnerId\": {other}, \"unknown\": 1, \"currency\": [1]}" },
			"POST /api/v1/account-plans",
			new String[] { "{\"partnerId\": {other}, \"accountId\": {otherAccount}}",
					"{\"partnerId\": {other}, \"accountId\": {otherAccount}, \"title\": {}}",
					"{\"partnerId\": \"{other}\", \"accountId\": \"{otherAccount}\", \"unknown\": 1}" },
			"PUT /api/v1/forecast/quotas", new String[] { "{\"scope\": \"PARTNERS\"}",
					"{\"scope\": \"PARTNERS\", \"amount\": \"lots\"}", "{\"scope\": \"PAM\", \"unknown\": 1}" });

	/**
	 * A caller refused an operation, or the record it names, is refused whatever it
	 * sends: a malformed, empty or wrongly typed body answers the same 403 (or 404 for a
	 * record it may not see) as a good one, never a 400 listing fields. The role's rule
	 * and the record's owner both decide before the body is read.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("apiRefusedWrites")
	void aRoleRefusedAnOperationGetsForbiddenWhateverTheBody(String endpoint, int[] expected) throws Exception {
		Role[] roles = { ADMIN, PAM, AE, SALES_MANAGER, EXECUTIVE, PARTNER };
		// one new record for every refused role and body: a refused request changes
		// nothing (a request let through fails the row)
		var url = url(endpoint);
		for (int i = 0; i < roles.length; i++) {
			if (expected[i] != 403 && expected[i] != 404 || endpoint.startsWith("GET")) {
				continue;
			}
			var token = token(roles[i]);
			var anyBody = new String[] { "{", "{}", "{\"unknown\": 1}", "[{\"name\": {}}]", "\"text\"", "" };
			var bodies = DECIDED_BY_THE_BODY.getOrDefault(endpoint, anyBody);
			if (DECIDED_BY_THE_BODY.containsKey(endpoint) && statusFor(endpoint, url, token, "{}") == expected[i]) {
				// refused when the body names nothing: refused whatever it holds, a body
				// that
				// cannot be read included (try51: malformed JSON was a 400 to those
				// refused
				// {}); a caller refused only the record a body names is told what is
				// wrong
				// with a body that names none
				bodies = Stream.concat(Stream.of(bodies), Stream.of(anyBody)).toArray(String[]::new);
			}
			for (var bad : bodies) {
				bad = bad.replace("{other}", String.valueOf(other.partnerId()))
					.replace("{otherAccount}", String.valueOf(other.accountId()));
				var request = request(endpoint, url).header("Authorization", "Bearer " + token)
					.contentType(MediaType.APPLICATION_JSON)
					.content(bad);
				var response = this.mvc.perform(request).andReturn().getResponse();
				assertThat(response.getStatus())
					.as("%s as %s with %s: %s", endpoint, roles[i], bad, response.getContentAsString())
					.isEqualTo(expected[i]);
				assertThat(response.getContentAsString()).doesNotContain("errors");
			}
		}
	}

	private int statusFor(String endpoint, String url, String token, String body) throws Exception {
		return this.mvc
			.perform(request(endpoint, url).header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andReturn()
			.getResponse()
			.getStatus();
	}

	/**
	 * The same for page forms: values that do not convert, or that the text guard
	 * refuses, never reach a caller who may not act on the record.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("pageRefusedWrites")
	void aFormFromSomeoneRefusedTheRecordGetsForbiddenWhateverItHolds(String endpoint, int[] expected)
			throws Exception {
		Role[] roles = { ADMIN, PAM, AE, SALES_MANAGER, EXECUTIVE, PARTNER };
		var url = url(endpoint);
		for (int i = 0; i < roles.length; i++) {
			if (expected[i] != 403 && expected[i] != 404 || endpoint.startsWith("GET")) {
				continue;
			}
			var request = request(endpoint, url).session(session(roles[i]))
				.with(csrf())
				.param("toStatus", "NOPE")
				.param("amount", "lots")
				.param("seenStage", "NOPE")
				.param("reason", "nul \u0000")
				.param("note", "nul \u0000");
			int status = this.mvc.perform(request).andReturn().getResponse().getStatus();
			assertThat(status).as("%s as %s", endpoint, roles[i]).isEqualTo(expected[i]);
		}
	}

	@Test
	void aSalesManagerNamingTheProgramTargetIsRefusedBeforeTheAmountIsRead() throws Exception {
		var session = login(callers.get(SALES_MANAGER));
		var response = this.mvc
			.perform(post("/forecast/quotas").session(session)
				.with(csrf())
				.param("target", "PARTNERS:0")
				.param("quarter", "2026-Q4")
				.param("amount", "lots"))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(403);
	}

	@Test
	void recordingACompletionDoesNotTellPartnerUserIdsFromOthers() throws Exception {
		var otherPartnerUser = other.partnerUser().userId();
		var vendorUser = other.pam().userId();
		long missing = Long.MAX_VALUE;
		for (var caller : new Viewer[] { own.partnerUser(), callers.get(AE), callers.get(EXECUTIVE) }) {
			var token = this.fixtures.token(caller);
			var answers = new java.util.ArrayList<String>();
			for (long id : new long[] { otherPartnerUser, vendorUser, missing }) {
				for (var body : new String[] { "{\"item\": \"NOPE\"}",
						"{\"item\": \"NOPE\", \"completedOn\": \"2026-01-01\"}" }) {
					var response = this.mvc
						.perform(post("/api/v1/users/" + id + "/completions").header("Authorization", "Bearer " + token)
							.contentType(MediaType.APPLICATION_JSON)
							.content(body))
						.andReturn()
						.getResponse();
					answers.add(response.getStatus() + " "
							+ response.getContentAsString().replaceAll("\"instance\":\"[^\"]*\"", ""));
				}
			}
			assertThat(answers).as("as %s", caller.role()).allSatisfy(answer -> assertThat(answer).startsWith("403"));
			assertThat(answers.stream().distinct()).as("as %s", caller.role()).hasSize(1);
		}
	}

	@Test
	void apiWithoutATokenAnswersUnauthorized() throws Exception {
		this.mvc.perform(get("/api/v1/partners")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/partners").header("Authorization", "Bearer trl_forged"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void pagesWithoutASessionRedirectToLogin() throws Exception {
		this.mvc.perform(get("/partners")).andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/swagger-ui/index.html")).andExpect(status().is3xxRedirection());
	}

	@Test
	void theApiDescriptionWithoutASessionOrTokenAnswersUnauthorized() throws Exception {
		this.mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
	}

	@Test
	void wrongPasswordsFromAnotherAddressNeverLockACallerOut() throws Exception {
		var email = this.fixtures.email(callers.get(ADMIN));
		for (int i = 0; i < 12; i++) {
			this.mvc.perform(
					post("/login").param("username", email).param("password", "wrong").with(csrf()).with(request -> {
						request.setRemoteAddr("192.0.2.44");
						return request;
					}));
		}
		login(callers.get(ADMIN));
	}

	@Test
	void formsWithoutACsrfTokenAreRefused() throws Exception {
		var session = login(callers.get(ADMIN));
		this.mvc
			.perform(post("/partners/" + other.partnerId() + "/lifecycle").session(session)
				.param("toStatus", "DORMANT")
				.param("reason", "no csrf"))
			.andExpect(status().isForbidden());
	}

	/**
	 * The request for {@code endpoint}, with a new record for each {@code fresh…} it
	 * names.
	 */
	private MockHttpServletRequestBuilder request(String endpoint) {
		return request(endpoint, url(endpoint));
	}

	/** The request of {@code endpoint}'s method to {@code url}. */
	private static MockHttpServletRequestBuilder request(String endpoint, String url) {
		return switch (endpoint.substring(0, endpoint.indexOf(' '))) {
			case "GET" -> get(url);
			case "POST" -> post(url);
			case "PUT" -> put(url);
			case "DELETE" -> org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(url);
			default -> throw new IllegalArgumentException(endpoint);
		};
	}

	/**
	 * {@code endpoint}'s address with its records' ids, a new record made for each
	 * {@code fresh…} it names.
	 */
	private String url(String endpoint) {
		var parts = endpoint.split(" ");
		var url = parts[1].replace("{other}", String.valueOf(other.partnerId()))
			.replace("{own}", String.valueOf(own.partnerId()))
			.replace("{otherAccount}", String.valueOf(other.accountId()))
			.replace("{otherDeal}", String.valueOf(other.dealId()));
		url = url.replace("{otherRegistration}", String.valueOf(otherRegistration));
		url = url.replace("{otherLead}", String.valueOf(otherLead));
		url = url.replace("{otherUser}", String.valueOf(other.partnerUser().userId()));
		if (url.contains("{freshToken}")) {
			var secret = this.fixtures.token(other.partnerUser());
			url = url.replace("{freshToken}",
					String.valueOf(this.jdbc.sql("SELECT id FROM api_token WHERE token_hash = ?")
						.param(ApiTokens.hash(secret))
						.query(Long.class)
						.single()));
		}
		if (url.contains("{freshLead}")) {
			url = url.replace("{freshLead}", String.valueOf(lead()));
		}
		if (url.contains("{freshRegistration}")) {
			url = url.replace("{freshRegistration}",
					String.valueOf(this.registrations
						.register(other.partnerUser(), registration("Matrix Fresh " + System.nanoTime()))
						.id()));
		}
		if (url.contains("{freshMdf}")) {
			url = url.replace("{freshMdf}", String.valueOf(mdfRequest()));
		}
		if (url.contains("{freshDispute}")) {
			var dispute = this.disputes.raise(other.partnerUser(), freshDeal(), new com.trellis.credit.RaiseDispute(
					com.trellis.deals.CreditType.INFLUENCED, new java.math.BigDecimal("10"), "Matrix dispute"));
			url = url.replace("{freshDispute}", String.valueOf(dispute.id()));
		}
		if (url.contains("{freshInvitation}")) {
			url = url.replace("{freshInvitation}",
					String.valueOf(
							this.invitations
								.invite(other.pam(), other.partnerId(),
										new com.trellis.invitations.InviteCommand("Matrix Invitee", invitee()))
								.id()));
		}
		if (url.contains("{freshWebhook}")) {
			url = url.replace("{freshWebhook}",
					String.valueOf(
							this.webhooks
								.create(callers.get(ADMIN),
										new com.trellis.webhooks.WebhookCommand("https://hooks.example.test/in",
												java.util.List.of("deal.won"), "matrix", null))
								.subscription()
								.id()));
		}
		if (url.contains("{freshCoSell}")) {
			var asked = this.cosell.request(other.ae(), freshDeal(),
					new com.trellis.cosell.RequestCoSell(other.partnerId(), "Matrix co-sell"));
			url = url.replace("{freshCoSell}", String.valueOf(asked.id()));
		}
		if (url.contains("{freshDirectDeal}")) {
			long deal = freshDeal();
			this.jdbc
				.sql("""
						UPDATE opportunity SET partner_id = NULL, credit_type = NULL, partner_share = NULL, source = 'DIRECT'
						WHERE id = :id
						""")
				.param("id", deal)
				.update();
			url = url.replace("{freshDirectDeal}", String.valueOf(deal));
		}
		if (url.contains("{otherPlanAction}")) {
			url = url.replace("{otherPlanAction}", String.valueOf(otherPlanAction()));
		}
		if (url.contains("{otherPlan}")) {
			url = url.replace("{otherPlan}", String.valueOf(otherPlan()));
		}
		if (url.contains("{play}")) {
			url = url.replace("{play}", String.valueOf(play()));
		}
		if (url.contains("{freshDeal}")) {
			url = url.replace("{freshDeal}", String.valueOf(freshDeal()));
		}
		if (url.contains("{freshUser}")) {
			url = url.replace("{freshUser}", String.valueOf(this.fixtures.user(AE).userId()));
		}
		if (url.contains("{freshSpend}")) {
			url = url.replace("{freshSpend}",
					String.valueOf(this.jdbc
						.sql("""
								INSERT INTO roi_program_spend (partner_id, spent_on, amount, currency, purpose, recorded_by, recorded_at)
								VALUES (:partner, DATE '2026-10-05', 10, 'USD', 'Matrix spend', :by, now()) RETURNING id
								""")
						.param("partner", other.partnerId())
						.param("by", callers.get(ADMIN).userId())
						.query(Long.class)
						.single()));
		}
		if (url.contains("{fresh}")) {
			url = url.replace("{fresh}", String.valueOf(this.fixtures.partner("Matrix fresh", other.pam().userId())));
		}
		return url;
	}

	private String body(String endpoint) {
		if (endpoint.endsWith("/tier/override")) {
			return "{\"tier\": \"TIER_1_INVEST\", \"reason\": \"Matrix override\", \"expiresOn\": \"%s\"}"
				.formatted(java.time.LocalDate.now(this.clock).plusDays(60));
		}
		if (endpoint.endsWith("/tier/override/end")) {
			return "{\"reason\": \"Matrix end\"}";
		}
		if (endpoint.endsWith("/tiers/thresholds")) {
			return "{\"tier1Readiness\": 45, \"tier1Behaviour\": 55, \"tier1Trust\": 45, \"tier2Readiness\": 20,"
					+ " \"tier2Behaviour\": 30, \"tier2Trust\": 15, \"weeksHeld\": 3}";
		}
		if (endpoint.equals("POST /api/v1/users") || endpoint.startsWith("PUT /api/v1/users/")) {
			return "{\"email\": \"matrix%d@example.com\", \"displayName\": \"Matrix user\", \"role\": \"AE\"}"
				.formatted(System.nanoTime());
		}
		if (endpoint.endsWith("/reassign") || endpoint.endsWith("/password-reset")) {
			return "{}";
		}
		if (endpoint.endsWith("/follow-up")) {
			return "{\"type\": \"CALL\"}";
		}
		if (endpoint.endsWith("/payout-runs")) {
			// no preview's fingerprint: the admin passes the role check and is told to
			// confirm (PayoutSafeguardTests pays a confirmed run)
			return "{}";
		}
		if (endpoint.contains("/activation/milestones/")) {
			return "{\"evidence\": \"Matrix evidence\"}";
		}
		if (endpoint.contains("/mdf-requests/") && endpoint.endsWith("/decision")) {
			return "{\"approve\": false, \"reason\": \"matrix\"}";
		}
		if (endpoint.contains("/credit-disputes/") && endpoint.endsWith("/decision")) {
			return "{\"uphold\": false, \"reason\": \"matrix\"}";
		}
		if (endpoint.endsWith("/claims")) {
			return "{\"amount\": 10, \"proof\": \"matrix\"}";
		}
		if (endpoint.endsWith("/partner-notice-preferences")) {
			return "{\"kinds\": [], \"slackWebhookUrl\": \"http://127.0.0.1/matrix\"}";
		}
		if (endpoint.endsWith("/partner-attachment")) {
			return "{\"partnerId\": %d, \"creditType\": \"CO_SELL\"}".formatted(own.partnerId());
		}
		if (endpoint.equals("POST /api/v1/account-plans")) {
			long account = this.fixtures.account("Matrix plan account " + System.nanoTime(), null, other.ae().userId());
			return """
					{"partnerId": %d, "accountId": %d, "title": "Matrix plan", "pipelineGoal": 1000, "revenueGoal": 500,
					 "currency": "USD", "startsOn": "2026-11-01", "endsOn": "2027-03-31", "vendorOwnerId": %d,
					 "partnerContactId": %d}
					""".formatted(other.partnerId(), account, other.ae().userId(), other.partnerUser().userId());
		}
		if (endpoint.equals("PUT /api/v1/account-plans/{otherPlan}")) {
			return """
					{"partnerId": %d, "accountId": %d, "title": "Matrix plan renamed", "pipelineGoal": 1000,
					 "revenueGoal": 500, "currency": "USD", "startsOn": "2026-11-01", "endsOn": "2027-03-31",
					 "vendorOwnerId": %d, "partnerContactId": %d}
					""".formatted(other.partnerId(), other.accountId(), other.ae().userId(),
					other.partnerUser().userId());
		}
		if (endpoint.endsWith("/account-plans/{otherPlan}/close")) {
			return "{\"outcome\": \"ACHIEVED\", \"note\": \"Matrix close\"}";
		}
		if (endpoint.endsWith("/actions/{otherPlanAction}/status")) {
			return "{\"status\": \"DONE\"}";
		}
		if (endpoint.endsWith("/account-plans/{otherPlan}/actions")) {
			return "{\"description\": \"Matrix action\", \"side\": \"VENDOR\", \"dueOn\": \"2026-12-01\"}";
		}
		if (endpoint.equals("POST /api/v1/plays") || endpoint.startsWith("PUT /api/v1/plays/")) {
			return PLAY;
		}
		if (endpoint.endsWith("/plays")) {
			return "{\"playId\": %d}".formatted(play());
		}
		if (endpoint.endsWith("/cosell-requests")) {
			return "{\"partnerId\": %d, \"ask\": \"Matrix co-sell\"}".formatted(own.partnerId());
		}
		if (endpoint.endsWith("/answer")) {
			return "{\"accept\": true}";
		}
		if (endpoint.endsWith("/credit-disputes")) {
			return "{\"proposedCreditType\": \"INFLUENCED\", \"proposedShare\": 10, \"reason\": \"matrix\"}";
		}
		if (endpoint.endsWith("/invitations")) {
			return "{\"name\": \"Matrix Invitee\", \"email\": \"%s\"}".formatted(invitee());
		}
		if (endpoint.endsWith("/forecast-call")) {
			return "{\"commit\": true}";
		}
		if (endpoint.endsWith("/completions")) {
			return "{\"item\": \"NOPE\", \"completedOn\": \"2026-01-01\"}";
		}
		if (endpoint.equals("POST /api/v1/leads")) {
			return "{\"partnerId\": %d, \"companyName\": \"Matrix lead\", \"contactName\": \"Jo\"}"
				.formatted(other.partnerId());
		}
		if (endpoint.contains("/api/v1/tokens/")) {
			return "{\"name\": \"Renamed in the matrix\"}";
		}
		if (endpoint.endsWith("/partner-prompts")) {
			return "{}";
		}
		if (endpoint.endsWith("/route")) {
			// the fresh lead matches other's account and is with its AE already: handed
			// to
			// another rep (routing it to the rep it is with is a conflict)
			return "{\"repId\": %d}".formatted(own.ae().userId());
		}
		if (endpoint.endsWith("/decline")) {
			return "{\"reason\": \"matrix\"}";
		}
		if (endpoint.contains("/api/v1/leads/")) {
			return "{}";
		}
		if (endpoint.endsWith("/approve")) {
			return "{\"ownerId\": %d}".formatted(other.ae().userId());
		}
		if (endpoint.contains("/exchange-rates/")) {
			return "{\"toReporting\": 1.08}";
		}
		if (endpoint.endsWith("/blockers")) {
			return "{\"blocker\": \"ICP_UNCLEAR\", \"note\": \"matrix\"}";
		}
		if (endpoint.contains("/api/v1/webhooks")) {
			return "{\"url\": \"https://hooks.example.test/in\", \"eventTypes\": [\"deal.won\", \"payout.made\"]}";
		}
		if (endpoint.endsWith("/slack-webhook")) {
			return "{\"url\": \"\"}";
		}
		if (endpoint.contains("/forecast/quotas")) {
			return "{\"scope\": \"PARTNERS\", \"quarter\": \"2026-Q4\", \"amount\": 1000000}";
		}
		if (endpoint.contains("/process/stages")) {
			return "[]";
		}
		if (endpoint.endsWith("/guidance/icp")) {
			// the demo's ICP (the customers of the tests' worlds, in Retail, fit it)
			return "{\"industries\": [\"Manufacturing\", \"Logistics\", \"Retail\"],"
					+ " \"employeeBands\": [\"51-200\", \"201-1000\", \"1001-5000\"],"
					+ " \"countries\": [\"US\", \"GB\", \"DE\", \"CA\"]}";
		}
		if (endpoint.equals("POST /api/v1/registrations")) {
			return """
					{"customerName": "Matrix Registered %d", "customerNeed": "A confirmed need for the matrix",
					 "amount": 1000, "currency": "USD", "expectedCloseDate": "2027-06-30", "partnerId": %d,
					 "creditType": "SOURCED"}
					""".formatted(System.nanoTime(), other.partnerId());
		}
		if (endpoint.contains("reassignments")) {
			var from = this.fixtures.user(PAM);
			this.fixtures.partner("Matrix Book " + System.nanoTime(), from.userId());
			return "{\"fromPamId\": %d, \"toPamId\": %d, \"reason\": \"matrix\"}".formatted(from.userId(),
					other.pam().userId());
		}
		if (endpoint.contains("lifecycle")) {
			return "{\"toStatus\": \"DORMANT\", \"reason\": \"matrix\"}";
		}
		if (endpoint.contains("/partners")) {
			return """
					{"name": "Matrix Other", "type": "SI", "region": "EMEA", "ownerPamId": %d, "tier": "TIER_3_BASELINE"}
					"""
				.formatted(other.pam().userId());
		}
		if (endpoint.startsWith("PUT /api/v1/accounts/")) {
			// the world's account as it is: leads of the other partner are routed to its
			// owner
			return "{\"name\": \"Matrix Other customer\", \"ownerAeId\": %d}".formatted(other.ae().userId());
		}
		if (endpoint.contains("/accounts")) {
			return "{\"name\": \"Matrix account\"}";
		}
		return """
				{"accountId": %d, "name": "Matrix deal", "amount": 1000, "currency": "USD", "stage": "QUALIFIED",
				 "source": "PARTNER", "partnerId": %d, "creditType": "SOURCED", "partnerShare": 20, "ownerId": %d}
				""".formatted(other.accountId(), other.partnerId(), other.ae().userId());
	}

	private static final String PLAY = """
			{"title": "Matrix play", "moment": "DISCOVERY", "role": "AE", "buyer": "CIO",
			 "whyPartner": "They run the platform", "whenToBring": "Before the demo", "problem": "Slow rollout",
			 "partnerTypes": ["SI"], "verticals": ["Retail"], "capabilities": []}
			""";

	/** A play of the library, written once. */
	private long play() {
		return this.jdbc.sql("SELECT id FROM play ORDER BY id LIMIT 1")
			.query(Long.class)
			.optional()
			.orElseGet(() -> this.plays
				.create(callers.get(ADMIN),
						new com.trellis.plays.PlayCommand("Matrix play", "DISCOVERY", "AE", "CIO",
								"They run the platform", "Before the demo", "Slow rollout", java.util.List.of("SI"),
								java.util.List.of("Retail"), java.util.List.of()))
				.id());
	}

	private static String invitee() {
		return "matrix" + System.nanoTime() + "@invitee.example";
	}

	/** A new deal of the other partner, owned by its AE. */
	/** An open account plan of the other partner on its account (made once). */
	private long otherPlan() {
		return this.jdbc.sql("""
				SELECT id FROM account_plan WHERE partner_id = :p AND account_id = :a AND status = 'OPEN'
				""")
			.param("p", other.partnerId())
			.param("a", other.accountId())
			.query(Long.class)
			.optional()
			.orElseGet(() -> this.fixtures.accountPlan(other, "Matrix plan"));
	}

	/** An action of the other partner's open plan, carried out by the partner. */
	private long otherPlanAction() {
		return this.jdbc.sql("""
				INSERT INTO account_plan_action (plan_id, description, side, due_on, status, created_at, updated_at)
				VALUES (:plan, 'Matrix action', 'PARTNER', DATE '2026-12-01', 'OPEN', now(), now()) RETURNING id
				""").param("plan", otherPlan()).query(Long.class).single();
	}

	private long freshDeal() {
		return this.fixtures.partnerDeal(other.accountId(), other.ae().userId(), other.partnerId(), "1000.00");
	}

	/** A new MDF request of the other partner, awaiting its PAM's decision. */
	private long mdfRequest() {
		return this.funds
			.request(other.partnerUser(), other.partnerId(),
					new com.trellis.incentives.MdfCommand("Matrix event", new java.math.BigDecimal("100"), "USD",
							new java.math.BigDecimal("1000"), java.math.BigDecimal.ZERO))
			.id();
	}

	/** A lead of the other partner, routed to its AE (it names the AE's account). */
	private long lead() {
		return this.leads
			.submit(other.partnerUser(),
					new com.trellis.leads.LeadCommand(null, "Matrix Other customer", null, "Jo Buyer", null, null))
			.id();
	}

	private static com.trellis.registration.RegistrationCommand registration(String customer) {
		return new com.trellis.registration.RegistrationCommand(null, customer, null, "A confirmed need for the matrix",
				new java.math.BigDecimal("1000"), "USD", java.time.LocalDate.of(2027, 6, 30), null,
				com.trellis.deals.CreditType.SOURCED);
	}

	private String token(Role role) {
		return tokens.computeIfAbsent(role, r -> this.fixtures.token(callers.get(r)));
	}

	/** The role's session, signed in through the login form the first time. */
	private MockHttpSession session(Role role) throws Exception {
		var session = sessions.get(role);
		if (session == null || session.isInvalid()) {
			session = login(callers.get(role));
			sessions.put(role, session);
		}
		return session;
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		var result = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("error");
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
