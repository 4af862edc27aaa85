package com.trellis.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A small Salesforce export and a small HubSpot export (fixtures under
 * {@code imports/salesforce}: byte-order marks, a semicolon-separated Account file,
 * quoted commas and semicolons, a quoted line break, accounts without a domain, a stage
 * typo, an unknown stage, an owner who left, an open deal without amount, lost deals with
 * history) imported into an empty program.
 *
 * <p>
 * By hand from Opportunity.csv and OpportunityHistory.csv: 40 closed deals, all direct,
 * all passed Prospecting (Registered); 15 won (W01-W15, amounts 10000 to 24000), 17 lost
 * after Qualification (L01-L17, L04's history spells it "Qualifcation"), 8 lost at
 * Prospecting (P01-P08). Registered: 15 of 40 won = 0.3750; Qualified: 15 of 32 =
 * 0.46875, 0.4688. Win rate 15 of 40 = 37.50 %; average won deal 17000.
 */
@TrellisTest
@TestPropertySource(properties = { "trellis.demo.enabled=false", "trellis.forecast.snapshot-cron=-",
		"trellis.imports.test-context=crm" })
class CrmImportTests {

	private static final String API = "/api/v1/imports/salesforce";

	private static final String HUBSPOT = "/api/v1/imports/hubspot";

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

	@BeforeEach
	void program() {
		this.admin = this.fixtures.user(Role.ADMIN);
		this.token = this.fixtures.token(this.admin);
		AcmeSalesTeam.ensure(this.fixtures, this.jdbc);
	}

	@Test
	void aDryRunReportsEverySeededBadRowWithRowAndColumnAndWritesNothing() throws Exception {
		long deals = this.fixtures.count("opportunity");
		long accounts = this.fixtures.count("account");
		post(Map.of("Account", file("Account.csv"), "User", file("User.csv"), "Opportunity",
				file("Opportunity-bad.csv")), Map.of("dryRun", "true", "createUnknownOwners", "true"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.written").value(false))
			.andExpect(jsonPath("$.errorCount").value(6))
			.andExpect(jsonPath("$.errors[?(@.field == 'Opportunity row 2: CloseDate')].message",
					hasItem(startsWith("'31/03/2025' is not a date"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'Opportunity row 3: CurrencyIsoCode')].message",
					hasItem(startsWith("unknown currency 'EUX'"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'Opportunity row 4: Amount')].message",
					hasItem(startsWith("'12500,50' is an amount with a comma decimal"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'Opportunity row 5: StageName')].message",
					hasItem(startsWith("unknown stage 'Hibernating'"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'Opportunity row 6: AccountId')].message",
					hasItem(startsWith("missing account '001ZZZ'"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'Opportunity row 7: Id')].message",
					hasItem(startsWith("duplicate id '006B01'"))))
			.andExpect(jsonPath("$.stages[?(@.source == 'Hibernating')].mapped",
					hasItem(org.hamcrest.Matchers.nullValue())));
		assertThat(this.fixtures.count("opportunity")).isEqualTo(deals);
		assertThat(this.fixtures.count("account")).isEqualTo(accounts);
	}

	@Test
	void anImportedExportKeepsItsHistoryAndTheForecastAndKpisLearnFromIt() throws Exception {
		var files = export();
		// the mapping step: what it suggests and what it cannot place
		post(files, Map.of()).andExpect(status().isOk())
			.andExpect(jsonPath("$.dryRun").value(true))
			.andExpect(jsonPath("$.stages[?(@.source == 'Qualifcation')].suggested", hasItem("QUALIFIED")))
			.andExpect(jsonPath("$.stages[?(@.source == 'Closed Lost')].suggested", hasItem("CLOSED_LOST")))
			.andExpect(
					jsonPath("$.stages[?(@.source == 'Parked')].suggested", hasItem(org.hamcrest.Matchers.nullValue())))
			.andExpect(jsonPath("$.owners[?(@.email == 'olga.leaver@acme.test')].match", hasItem("UNKNOWN")))
			.andExpect(jsonPath("$.errors[?(@.field == 'Opportunity row 43: StageName')].message",
					hasItem(startsWith("unknown stage 'Parked'"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'Account row 5: OwnerId')].message",
					hasItem(startsWith("owner olga.leaver@acme.test is not a Trellis user"))));
		// a real run with bad rows writes nothing
		post(files, Map.of("dryRun", "false")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'Opportunity row 43: StageName')]").exists());
		assertThat(this.fixtures.count("opportunity")).isZero();
		assertThat(this.fixtures.count("account")).isZero();

		var mapping = Map.of("dryRun", "false", "stage.Parked", "QUALIFIED", "createUnknownOwners", "true");
		int moves = com.jayway.jsonpath.JsonPath.read(post(files, mapping).andExpect(status().isOk())
			.andExpect(jsonPath("$.written").value(true))
			.andExpect(jsonPath("$.counts.accounts.create").value(5))
			.andExpect(jsonPath("$.counts.opportunities.create").value(44))
			.andExpect(jsonPath("$.counts.users.create").value(1))
			.andExpect(
					jsonPath("$.warnings", hasItem(startsWith("Opportunity row 42: Amount missing on an open deal"))))
			.andExpect(jsonPath("$.counts.partners.create").value(2))
			.andExpect(jsonPath("$.warnings", hasItem(startsWith("1 partners whose owner is no active PAM"))))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.counts.stageChanges.create");
		assertThat(moves).isPositive();

		// dates are the export's, not now
		var won = deal("Acme, Inc. - deal 1");
		assertThat(won.get("created_at")).isEqualTo(Instant.parse("2025-01-06T09:00:00Z"));
		assertThat(won.get("closed_at")).isEqualTo(Instant.parse("2025-02-05T09:00:00Z"));
		assertThat(won.get("close_date")).isEqualTo(LocalDate.of(2025, 2, 5));
		assertThat(won.get("stage")).isEqualTo("CLOSED_WON");
		// L04's history spells Qualification "Qualifcation"
		assertThat(history("Initech - deal 19")).isEqualTo("null>REGISTERED@2025-02-11T12:00:00Z, "
				+ "REGISTERED>QUALIFIED@2025-02-18T12:00:00Z, QUALIFIED>CLOSED_LOST@2025-03-08T12:00:00Z");
		assertThat(
				this.jdbc.sql("SELECT web_domain FROM account WHERE name = 'Acme, Inc.'").query(String.class).single())
			.isEqualTo("acme-corp.com");
		assertThat(this.jdbc.sql("SELECT count(*) FROM account WHERE web_domain IS NULL").query(Long.class).single())
			.isEqualTo(2);
		assertThat(this.jdbc
			.sql("""
					SELECT u.enabled FROM opportunity o JOIN app_user u ON u.id = o.owner_id WHERE o.name = 'Umbrella lab suite'
					""")
			.query(Boolean.class)
			.single()).as("the owner who left is a deactivated user").isFalse();

		// the forecast's learned probabilities, as the API shows them
		this.mvc.perform(get("/api/v1/forecast/probabilities").header("Authorization", "Bearer " + this.token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.REGISTERED.DIRECT.probability").value(0.375))
			.andExpect(jsonPath("$.REGISTERED.DIRECT.basis").value("learned from 40 closed deals of the same group"))
			.andExpect(jsonPath("$.QUALIFIED.DIRECT.probability").value(0.4688))
			.andExpect(jsonPath("$.QUALIFIED.DIRECT.basis").value("learned from 32 closed deals of the same group"));
		var kpi = this.kpis
			.compute(this.admin, Period.until(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 7, 1)), Slice.PROGRAM)
			.stream()
			.collect(Collectors.toMap(Kpi::code, k -> k));
		assertThat(kpi.get("WIN_RATE").baseline()).isEqualByComparingTo("37.50");
		assertThat(kpi.get("AVERAGE_DEAL_SIZE").baseline()).isEqualByComparingTo("17000.00");

		// a HubSpot export of the same program (hubspot/companies.csv and deals.csv): one
		// won deal through Appointment Scheduled and Qualified To Buy (30000), one lost
		// from
		// Appointment Scheduled, one open. Now 42 closed deals passed Registered, 16 won:
		// 0.3810; 33 passed Qualified, 16 won: 0.4848. Win rate 16 of 42; average won
		// deal
		// (255000 + 30000) / 16 = 17812.50
		var hubspot = Map.of("companies", file("hubspot", "companies.csv"), "deals", file("hubspot", "deals.csv"));
		post(HUBSPOT, hubspot, Map.of("dryRun", "false")).andExpect(status().isOk())
			.andExpect(jsonPath("$.counts.accounts.create").value(2))
			.andExpect(jsonPath("$.counts.opportunities.create").value(3))
			// "BEN.REP@acme.test" (companies) and "ben.rep@acme.test" (deals) are one
			// owner
			.andExpect(jsonPath("$.owners.length()").value(2))
			.andExpect(jsonPath("$.stages[?(@.source == 'Appointment Scheduled')].mapped", hasItem("REGISTERED")))
			.andExpect(jsonPath("$.stages[?(@.source == 'Closed Won')].mapped", hasItem("CLOSED_WON")));
		assertThat(history("Stark, armour retrofit")).isEqualTo("null>REGISTERED@2025-02-10T09:00:00Z, "
				+ "REGISTERED>QUALIFIED@2025-02-24T09:00:00Z, QUALIFIED>CLOSED_WON@2025-03-20T15:00:00Z");
		assertThat(this.jdbc.sql("SELECT web_domain FROM account WHERE name = 'Stark Industries, Inc.'")
			.query(String.class)
			.single()).isEqualTo("starkindustries.com");
		this.mvc.perform(get("/api/v1/forecast/probabilities").header("Authorization", "Bearer " + this.token))
			.andExpect(jsonPath("$.REGISTERED.DIRECT.probability").value(0.381))
			.andExpect(jsonPath("$.REGISTERED.DIRECT.basis").value("learned from 42 closed deals of the same group"))
			.andExpect(jsonPath("$.QUALIFIED.DIRECT.probability").value(0.4848));
		kpi = this.kpis
			.compute(this.admin, Period.until(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 7, 1)), Slice.PROGRAM)
			.stream()
			.collect(Collectors.toMap(Kpi::code, k -> k));
		assertThat(kpi.get("WIN_RATE").baseline().doubleValue()).isCloseTo(100.0 * 16 / 42, within(0.01));
		assertThat(kpi.get("AVERAGE_DEAL_SIZE").baseline()).isEqualByComparingTo("17812.50");

		// the same exports again change nothing
		post(HUBSPOT, hubspot, Map.of("dryRun", "false")).andExpect(status().isOk())
			.andExpect(jsonPath("$.counts.opportunities.unchanged").value(3))
			.andExpect(jsonPath("$.counts.accounts.unchanged").value(2));
		long changes = this.fixtures.count("opportunity_stage_change");
		long audits = this.fixtures.count("audit_entry");
		post(files, mapping).andExpect(status().isOk())
			.andExpect(jsonPath("$.counts.opportunities.create").value(0))
			.andExpect(jsonPath("$.counts.opportunities.update").value(0))
			.andExpect(jsonPath("$.counts.opportunities.unchanged").value(44))
			.andExpect(jsonPath("$.counts.accounts.unchanged").value(5))
			.andExpect(jsonPath("$.counts.partners.unchanged").value(2))
			.andExpect(jsonPath("$.counts.stageChanges.create").value(0))
			.andExpect(jsonPath("$.counts.stageChanges.unchanged").value(moves));
		assertThat(this.fixtures.count("opportunity")).isEqualTo(47);
		assertThat(this.fixtures.count("opportunity_stage_change")).isEqualTo(changes);
		assertThat(this.fixtures.count("audit_entry")).isEqualTo(audits);
		assertThat(this.fixtures.count("app_user WHERE email = 'olga.leaver@acme.test'")).isEqualTo(1);

		// a later export: the EUR deal was won, the open deal got its amount
		var later = new LinkedHashMap<>(files);
		later.put("Opportunity", files.get("Opportunity")
			.replace("Negotiation/Review,80000.00,EUR,2026-12-11,005R01,2026-10-07T10:00:00.000+0000,false,false",
					"Closed Won,80000.00,EUR,2026-11-20,005R01,2026-10-07T10:00:00.000+0000,true,true")
			.replace("\"Initech expansion\",Prospecting,,", "\"Initech expansion\",Negotiation/Review,25000.00,"));
		later.put("OpportunityHistory", files.get("OpportunityHistory")
				+ "008H9999,006O03,Closed Won,80000.00,2026-11-20,2026-11-20T16:30:00.000+0000\r\n");
		post(later, mapping).andExpect(status().isOk())
			.andExpect(jsonPath("$.counts.opportunities.update").value(2))
			.andExpect(jsonPath("$.counts.opportunities.create").value(0))
			// the EUR deal's close has its history row; the open deal's move to
			// Negotiation/Review has none: it is recorded at the import's time, with a
			// warning
			.andExpect(jsonPath("$.counts.stageChanges.create").value(2))
			.andExpect(jsonPath("$.warnings",
					hasItem(org.hamcrest.Matchers
						.containsString("the stage is now COMMIT with no history row after the last one imported"))))
			.andExpect(jsonPath("$.counts.stageChanges.unchanged").value(moves));
		assertThat(this.fixtures.count("opportunity")).isEqualTo(47);
		assertThat(history("Acme EU rollout")).endsWith("COMMIT>CLOSED_WON@2026-11-20T16:30:00Z");
		assertThat(deal("Acme EU rollout").get("closed_at")).isEqualTo(Instant.parse("2026-11-20T16:30:00Z"));
		// the column keeps four decimals; what a user reads is at the currency's minor
		// unit
		assertThat((java.math.BigDecimal) deal("Initech expansion").get("amount")).isEqualByComparingTo("25000");
		assertThat(deal("Initech expansion").get("stage")).isEqualTo("COMMIT");
		assertThat(history("Initech expansion")).matches(".*>COMMIT@[^,]+");
		var listed = this.mvc
			.perform(get("/api/v1/opportunities").param("q", "Initech expansion")
				.header("Authorization", "Bearer " + this.token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].name").value("Initech expansion"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(listed).contains("\"amount\":25000.00,");
	}

	@Test
	void anAmountWithMoreDecimalsThanItsCurrencyIsRefusedNotRounded() throws Exception {
		var opportunity = "Id,AccountId,Name,StageName,Amount,CurrencyIsoCode,CloseDate,OwnerId,CreatedDate,IsClosed,IsWon\r\n"
				+ "006Y01,001A01,Yen deal,Prospecting,1000.50,JPY,2026-12-31,005R01,2026-10-01T09:00:00.000+0000,false,false\r\n";
		post(Map.of("Account", file("Account.csv"), "User", file("User.csv"), "Opportunity", opportunity),
				Map.of("dryRun", "true", "createUnknownOwners", "true"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.errors[?(@.field == 'Opportunity row 2: Amount')].message",
					hasItem(containsString("must be a whole number: JPY has no decimals"))));
	}

	private Map<String, String> export() {
		var files = new LinkedHashMap<String, String>();
		for (var name : new String[] { "Account", "User", "Opportunity", "OpportunityHistory" }) {
			files.put(name, file(name + ".csv"));
		}
		return files;
	}

	private ResultActions post(Map<String, String> files, Map<String, String> parameters) throws Exception {
		return post(API, files, parameters);
	}

	private ResultActions post(String url, Map<String, String> files, Map<String, String> parameters) throws Exception {
		MockMultipartHttpServletRequestBuilder request = multipart(url);
		files.forEach((name, text) -> request
			.file(new MockMultipartFile(name, name + ".csv", "text/csv", text.getBytes(StandardCharsets.UTF_8))));
		parameters.forEach(request::param);
		return this.mvc.perform(request.header("Authorization", "Bearer " + this.token));
	}

	private static String file(String name) {
		return file("salesforce", name);
	}

	private static String file(String folder, String name) {
		try {
			return new ClassPathResource("imports/" + folder + "/" + name).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Map<String, Object> deal(String name) {
		return this.jdbc.sql("SELECT created_at, closed_at, close_date, stage, amount FROM opportunity WHERE name = ?")
			.param(name)
			.query((rs, n) -> {
				var values = new java.util.HashMap<String, Object>();
				values.put("created_at", rs.getTimestamp(1).toInstant());
				values.put("closed_at", rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant());
				values.put("close_date", rs.getObject(3, LocalDate.class));
				values.put("stage", rs.getString(4));
				values.put("amount", rs.getBigDecimal(5));
				return (Map<String, Object>) values;
			})
			.single();
	}

	private String history(String name) {
		return this.jdbc.sql("""
				SELECT sc.from_stage, sc.to_stage, sc.changed_at FROM opportunity_stage_change sc
				JOIN opportunity o ON o.id = sc.opportunity_id WHERE o.name = ? ORDER BY sc.changed_at, sc.id
				""")
			.param(name)
			.query((rs, n) -> rs.getString(1) + ">" + rs.getString(2) + "@" + rs.getTimestamp(3).toInstant())
			.list()
			.stream()
			.collect(Collectors.joining(", "));
	}

}
