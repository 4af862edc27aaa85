package com.trellis.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.metrics.Kpi;
import com.trellis.metrics.Kpis;
import com.trellis.metrics.Period;
import com.trellis.metrics.Slice;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Salesforce export of {@link CrmImportTests} with its partners: the
 * {@code IsPartner} accounts of Account.csv, and OpportunityPartner.csv and Partner.csv
 * putting them on deals, imported into an empty program of its own (a context of its own,
 * so the other class's program stays as its hand counts expect).
 */
@TrellisTest
@TestPropertySource(properties = { "trellis.demo.enabled=false", "trellis.forecast.snapshot-cron=-",
		"trellis.imports.test-context=partners" })
class PartnerImportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Kpis kpis;

	Viewer admin;

	String token;

	String ben;

	@BeforeEach
	void program() {
		this.admin = this.fixtures.user(Role.ADMIN);
		this.token = this.fixtures.token(this.admin);
		AcmeSalesTeam.ensure(this.fixtures, this.jdbc);
		// the owner who left is mapped to Ben
		this.ben = String.valueOf(
				this.jdbc.sql("SELECT id FROM app_user WHERE email = 'ben.rep@acme.test'").query(Long.class).single());
	}

	/**
	 * OpportunityPartner.csv and Partner.csv put the two IsPartner accounts on six deals.
	 * By hand: Contoso Resale (owned by the PAM Pia) is VAR/Reseller on W01 (won 10000),
	 * L01 (lost) and O03 (open), Distributor on P01 (lost): sourced. Northwind (owned by
	 * a manager, so held by the admin) is System Integrator on W02 (won 11000): co-sell,
	 * Agency on W03 (won 12000, a Partner row): influenced; its Consultant row on W01 is
	 * not primary and left out, its Partner row between two accounts too. Closed in the
	 * period: partner-sourced 1 won of 3 = 33.3 %; direct without partner 12 won of 35 =
	 * 34.3 % (percentages at one decimal); partner-sourced revenue 10000; average won
	 * deal with a partner (10000 + 11000 + 12000) / 3 = 11000, direct (255000 - 33000) /
	 * 12 = 18500.
	 */
	@Test
	void salesforcePartnersBecomeTrellisPartnersCreditedOnTheirDealsAndTheKpisCountThem() throws Exception {
		var files = export();
		files.put("OpportunityPartner", file("OpportunityPartner.csv"));
		files.put("Partner", file("Partner.csv"));
		// the owner who left goes to Ben, leaving the users as the other tests expect
		// them
		var mapping = Map.of("dryRun", "false", "stage.Parked", "QUALIFIED", "owner.olga.leaver@acme.test", this.ben);
		post(files, Map.of("stage.Parked", "QUALIFIED", "owner.olga.leaver@acme.test", this.ben))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.errorCount").value(0))
			.andExpect(jsonPath("$.credits[?(@.role == 'VAR/Reseller')].mapped", hasItem("SOURCED")))
			.andExpect(jsonPath("$.credits[?(@.role == 'System Integrator')].mapped", hasItem("CO_SELL")))
			.andExpect(jsonPath("$.credits[?(@.role == 'Agency')].mapped", hasItem("INFLUENCED")));
		post(files, mapping).andExpect(status().isOk())
			.andExpect(jsonPath("$.written").value(true))
			.andExpect(jsonPath("$.counts.partners.create").value(2))
			.andExpect(jsonPath("$.warnings", hasItem(startsWith("1 Partner rows link two accounts"))))
			.andExpect(jsonPath("$.warnings", hasItem(startsWith("1 partner rows name a second partner"))));

		long pia = this.jdbc.sql("SELECT id FROM app_user WHERE email = 'pia.pam@acme.test'")
			.query(Long.class)
			.single();
		assertThat(partner("Contoso Resale")).isEqualTo(
				"RESELLER contoso-resale.example United States pam=" + pia + " ACTIVE TIER_3_BASELINE 2024-09-15");
		assertThat(partner("Northwind Partners")).as("owned by a manager: held by the importing admin")
			.isEqualTo(
					"SI northwind.example Germany pam=" + this.admin.userId() + " ACTIVE TIER_3_BASELINE 2024-10-01");
		assertThat(credit("Acme, Inc. - deal 1")).isEqualTo("Contoso Resale SOURCED PARTNER 100.00 IMPORT");
		assertThat(credit("Globex; Holdings - deal 2")).isEqualTo("Northwind Partners CO_SELL DIRECT 100.00 IMPORT");
		assertThat(credit("Initech - deal 3")).isEqualTo("Northwind Partners INFLUENCED DIRECT 100.00 IMPORT");
		assertThat(credit("Acme EU rollout")).isEqualTo("Contoso Resale SOURCED PARTNER 100.00 IMPORT");

		var kpi = this.kpis
			.compute(this.admin, Period.until(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 7, 1)), Slice.PROGRAM)
			.stream()
			.collect(Collectors.toMap(Kpi::code, k -> k));
		assertThat(kpi.get("WIN_RATE").value()).isEqualByComparingTo("33.3");
		assertThat(kpi.get("WIN_RATE").baseline()).isEqualByComparingTo("34.3");
		assertThat(kpi.get("PARTNER_SOURCED_REVENUE").value()).isEqualByComparingTo("10000.00");
		assertThat(kpi.get("AVERAGE_DEAL_SIZE").value()).isEqualByComparingTo("11000.00");
		assertThat(kpi.get("AVERAGE_DEAL_SIZE").baseline()).isEqualByComparingTo("18500.00");

		// the same export again changes nothing; a changed role mapping updates the deal
		long audits = this.fixtures.count("audit_entry");
		post(files, mapping).andExpect(status().isOk())
			.andExpect(jsonPath("$.counts.partners.unchanged").value(2))
			.andExpect(jsonPath("$.counts.opportunities.unchanged").value(44));
		assertThat(this.fixtures.count("audit_entry")).isEqualTo(audits);
		assertThat(this.fixtures.count("partner")).isEqualTo(2);
		var remapped = new LinkedHashMap<>(mapping);
		remapped.put("credit.Distributor", "INFLUENCED");
		post(files, remapped).andExpect(status().isOk()).andExpect(jsonPath("$.counts.opportunities.update").value(1));
		assertThat(credit("Acme, Inc. - deal 33")).startsWith("Contoso Resale INFLUENCED DIRECT");
	}

	@Test
	void aDryRunNamesEachBadPartnerRowWithItsColumnAndWritesNothing() throws Exception {
		long partners = this.fixtures.count("partner");
		long credited = this.fixtures.count("opportunity WHERE partner_id IS NOT NULL");
		var files = export();
		files.put("OpportunityPartner", file("OpportunityPartner-bad.csv"));
		post(files,
				Map.of("stage.Parked", "QUALIFIED", "owner.olga.leaver@acme.test", this.ben, "credit.VAR/Reseller",
						"BEST"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.errorCount").value(4))
			.andExpect(jsonPath("$.errors[?(@.field == 'OpportunityPartner row 3: OpportunityId')].message",
					hasItem(startsWith("unknown opportunity '006ZZZ'"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'OpportunityPartner row 4: AccountToId')].message",
					hasItem(startsWith("unknown partner account '001A01': the account is not marked IsPartner"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'OpportunityPartner row 5: Id')].message",
					hasItem(startsWith("duplicate id '00IOP01'"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'credit.VAR/Reseller')].message",
					hasItem(startsWith("'BEST' is not a credit type"))));
		assertThat(this.fixtures.count("partner")).isEqualTo(partners);
		assertThat(this.fixtures.count("opportunity WHERE partner_id IS NOT NULL")).isEqualTo(credited);
	}

	@Test
	void theImportPageShowsEachPartnerRoleWithTheCreditToChoose() throws Exception {
		var login = this.mvc
			.perform(MockMvcRequestBuilders.post("/login")
				.param("username", this.fixtures.email(this.admin))
				.param("password", "secret")
				.with(csrf()))
			.andReturn();
		var session = (MockHttpSession) login.getRequest().getSession(false);
		var upload = multipart("/imports");
		var files = export();
		files.put("OpportunityPartner", file("OpportunityPartner.csv"));
		files.forEach((name, text) -> upload
			.file(new MockMultipartFile(name, name + ".csv", "text/csv", text.getBytes(StandardCharsets.UTF_8))));
		// the upload starts its check, which runs in the background: its page shows the
		// progress, then what it found
		var check = this.mvc.perform(upload.param("system", "SALESFORCE").session(session).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		// the upload's page is that check, however often it is opened (try71a: each visit
		// started another)
		var uploadPage = check.replaceFirst("/runs/\\d+$", "");
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(get(uploadPage).session(session)).andExpect(redirectedUrl(check));
		}
		assertThat(this.fixtures.count("import_run WHERE upload_id = " + uploadPage.replaceFirst(".*/", ""))).isOne();
		String page = "";
		for (int i = 0; i < 240 && !page.contains("mapping-form"); i++) {
			Thread.sleep(250);
			page = this.mvc.perform(get(check).session(session))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
		}
		this.mvc.perform(get(check).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"credit-mapping\"")))
			.andExpect(content().string(containsString("name=\"credit.VAR/Reseller\"")))
			.andExpect(content().string(containsString("name=\"partnerPam\"")))
			// the source system by its name, not its code (issue 13, labels not codes)
			.andExpect(content().string(containsString("Check the Salesforce import")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("SALESFORCE import"))));
	}

	private String partner(String name) {
		return this.jdbc.sql("""
				SELECT type || ' ' || web_domain || ' ' || region || ' pam=' || owner_pam_id || ' ' || lifecycle_status
				       || ' ' || tier || ' ' || onboarded_on FROM partner WHERE name = ?
				""").param(name).query(String.class).single();
	}

	private String credit(String deal) {
		return this.jdbc.sql("""
				SELECT p.name || ' ' || o.credit_type || ' ' || o.source || ' ' || o.partner_share || ' ' || a.via
				FROM opportunity o JOIN partner p ON p.id = o.partner_id
				JOIN deal_partner_attachment a ON a.opportunity_id = o.id WHERE o.name = ?
				""").param(deal).query(String.class).single();
	}

	private Map<String, String> export() {
		var files = new LinkedHashMap<String, String>();
		for (var name : new String[] { "Account", "User", "Opportunity", "OpportunityHistory" }) {
			files.put(name, file(name + ".csv"));
		}
		return files;
	}

	private ResultActions post(Map<String, String> files, Map<String, String> parameters) throws Exception {
		MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/imports/salesforce");
		files.forEach((name, text) -> request
			.file(new MockMultipartFile(name, name + ".csv", "text/csv", text.getBytes(StandardCharsets.UTF_8))));
		parameters.forEach(request::param);
		return this.mvc.perform(request.header("Authorization", "Bearer " + this.token));
	}

	private static String file(String name) {
		try {
			return new ClassPathResource("imports/salesforce/" + name).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
