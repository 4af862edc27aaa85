package com.trellis.imports;

import java.nio.charset.StandardCharsets;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each record list's export through its real endpoint re-imports through the Trellis
 * format's real endpoint changing nothing, and with one cell edited changes that record
 * only: the export read again is the edited file, byte for byte (docs/import.md, "Round
 * trip").
 */
@TrellisTest
class ExportRoundTripTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	Viewer admin;

	Fixtures.World world;

	String tag;

	@BeforeEach
	void world() {
		this.admin = this.fixtures.user(Role.ADMIN);
		this.tag = "Round Trip " + System.nanoTime();
		this.world = this.fixtures.world(this.tag);
	}

	@Test
	void thePartnersExportWithOneEditedCellUpdatesThatPartnerOnly() throws Exception {
		roundTrip("/partners/export.csv?q=" + this.tag.replace(" ", "%20"), "partners", this.tag + ",",
				this.tag + " Renamed,");
	}

	@Test
	void theAccountsExportWithOneEditedCellUpdatesThatAccountOnly() throws Exception {
		this.fixtures.account(this.tag + " second", null, this.world.ae().userId());
		roundTrip("/api/v1/accounts/export.csv?q=" + this.tag.replace(" ", "%20"), "accounts", this.tag + " second,",
				this.tag + " second renamed,");
	}

	@Test
	void theOpportunitiesExportWithOneEditedCellUpdatesThatDealOnly() throws Exception {
		this.fixtures.partnerDeal(this.world.accountId(), this.world.ae().userId(), this.world.partnerId(), "99.00");
		roundTrip("/opportunities/export.csv?accountId=" + this.world.accountId(), "deals", ",99.00,", ",98.50,");
	}

	@Test
	void theContactsExportWithOneEditedCellUpdatesThatContactOnly() throws Exception {
		this.fixtures.user(Role.PARTNER, this.world.partnerId(), null);
		var name = this.world.partnerUser().name();
		roundTrip("/partners/" + this.world.partnerId() + "/contacts.csv", "contacts", "," + name + ",",
				"," + name + " Jr,");
	}

	@Test
	void theMarketplaceExportWithOneEditedCellCorrectsThatTransactionOnly() throws Exception {
		long p = this.world.partnerId();
		var key = "rt-" + System.nanoTime();
		importing("marketplace",
				"source_id,partner_id,customer,listing,amount,currency,transacted_on\n" + key + "1," + p
						+ ",Acme,Connector,10.00,USD,2026-09-01\n" + key + "2," + p
						+ ",Beta,Connector,20.00,USD,2026-09-02\n",
				false)
			.andExpect(jsonPath("$.created").value(2));
		roundTrip("/api/v1/marketplace/transactions.csv?partner=" + p, "marketplace", ",Beta,Connector,20.00,",
				",Beta,Connector,25.00,");
	}

	@Test
	void theCompletionsExportWithAnEditedDayCorrectsThatCompletionInsteadOfAddingOne() throws Exception {
		var learner = this.fixtures.user(Role.PARTNER, this.world.partnerId(), null);
		var email = this.fixtures.email(learner);
		importing("completions",
				"email,item,completed_on\n" + email + ",AE-101,2026-09-01\n" + email + ",AE-201,2026-09-15\n", false)
			.andExpect(jsonPath("$.created").value(2));
		long before = this.fixtures.count("enablement_completion");
		roundTrip("/partners/" + this.world.partnerId() + "/enablement/completions.csv", "completions",
				",AE-101,2026-09-01", ",AE-101,2026-09-03");
		assertThat(this.fixtures.count("enablement_completion")).isEqualTo(before);
	}

	@Test
	void thePlansListAndExportGoPastFiveHundredPlansAndTheExportReimportsUnchanged() throws Exception {
		var pam = this.world.pam();
		var owner = this.world.ae().userId();
		int plans = 501 + 2;
		// accounts and plans of the world's partner only, so the PAM's book holds exactly
		// these
		this.jdbc
			.sql("""
					WITH accounts AS (
					    INSERT INTO account (name, web_domain, industry, owner_ae_id, created_at, updated_at,
					                         registrable_domain, normalized_name)
					    SELECT :tag || ' plan account ' || n, NULL, 'Retail', :owner, now(), now(), NULL,
					           lower(:tag || ' plan account ' || n)
					    FROM generate_series(1, :plans) AS n RETURNING id)
					INSERT INTO account_plan (partner_id, account_id, title, pipeline_goal, revenue_goal, currency, starts_on,
					                          ends_on, vendor_owner_id, partner_contact_id, status, created_by, created_at,
					                          updated_at)
					SELECT :partner, id, 'Plan ' || id, 1000, 500, 'USD', DATE '2026-10-01', DATE '2027-03-31', :owner,
					       :contact, 'OPEN', :owner, now(), now()
					FROM accounts
					""")
			.param("tag", this.tag)
			.param("owner", owner)
			.param("plans", plans)
			.param("partner", this.world.partnerId())
			.param("contact", this.world.partnerUser().userId())
			.update();
		var api = new com.trellis.support.Api(this.mvc, this.fixtures.token(pam));
		api.get("/api/v1/account-plans?size=200&page=2")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(plans))
			.andExpect(jsonPath("$.items.length()").value(plans - 400));

		var csv = this.mvc
			.perform(get("/api/v1/account-plans/export.csv").header("Authorization",
					"Bearer " + this.fixtures.token(pam)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv.lines().skip(1).map(line -> line.substring(0, line.indexOf(','))).distinct().count())
			.isEqualTo(plans);
		importing("plans", csv, true).andExpect(status().isOk())
			.andExpect(jsonPath("$.errorCount").value(0))
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.updated").value(0));
	}

	/**
	 * Exports, imports unchanged, edits the one cell ({@code from} → {@code to}, found
	 * once), imports the edit, and reads the export again: the edited file.
	 */
	private void roundTrip(String url, String format, String from, String to) throws Exception {
		var csv = export(url);
		assertThat(csv.split(java.util.regex.Pattern.quote(from), -1)).as(csv).hasSize(2);
		long rows = csv.lines().count() - 1;
		importing(format, csv, false).andExpect(status().isOk())
			.andExpect(jsonPath("$.errorCount").value(0))
			.andExpect(jsonPath("$.rows").value(rows))
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.updated").value(0))
			.andExpect(jsonPath("$.unchanged").value(rows));
		assertThat(export(url)).isEqualTo(csv);
		var edited = csv.replace(from, to);
		importing(format, edited, false).andExpect(status().isOk())
			.andExpect(jsonPath("$.errorCount").value(0))
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.updated").value(1))
			.andExpect(jsonPath("$.unchanged").value(rows - 1));
		assertThat(export(url)).isEqualTo(edited);
	}

	/**
	 * The export as the admin reads it: by token on the API, by a signed-in session on a
	 * page. The URL is sent as written, already encoded ({@code %20} for a space: MockMvc
	 * decodes a query as a URI, where {@code +} stays a plus, unlike a servlet
	 * container's form decoding).
	 */
	private String export(String url) throws Exception {
		var request = get(java.net.URI.create(url));
		if (url.startsWith("/api/")) {
			request.header("Authorization", "Bearer " + this.fixtures.token(this.admin));
		}
		else {
			request.session((org.springframework.mock.web.MockHttpSession) this.mvc
				.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login")
					.param("username", this.fixtures.email(this.admin))
					.param("password", "secret")
					.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
						.csrf()))
				.andReturn()
				.getRequest()
				.getSession(false));
		}
		return this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private ResultActions importing(String format, String csv, boolean dryRun) throws Exception {
		return this.mvc.perform(multipart("/api/v1/imports/trellis/" + format)
			.file(new MockMultipartFile("file", format + ".csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("dryRun", String.valueOf(dryRun))
			.header("Authorization", "Bearer " + this.fixtures.token(this.admin)));
	}

}
