package com.trellis.imports;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A CRM import keeps only what happened and says only what is wrong: a closed deal whose
 * close day is after today is refused (Salesforce and HubSpot alike), a row refused as a
 * repeated id is not what other rows are checked against, and a line break in a name is
 * folded to a space with a warning rather than refusing the file. The test clock's now is
 * 2026-11-22T12:00:00Z, the program's zone UTC.
 */
@TrellisTest
@TestPropertySource(properties = { "trellis.demo.enabled=false", "trellis.forecast.snapshot-cron=-" })
class ImportTruthTests {

	private static final String ACCOUNTS = """
			Id,Name,OwnerId,CreatedDate
			001T901,Truth customer,005T901,2025-01-06T09:00:00.000+0000
			""";

	private static final String DEALS = "Id,AccountId,Name,StageName,CloseDate,OwnerId,CreatedDate,Amount,"
			+ "CurrencyIsoCode,IsClosed,IsWon\n";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	String token;

	String email;

	@BeforeEach
	void program() {
		this.token = this.fixtures.token(this.fixtures.user(Role.ADMIN));
		var ae = this.fixtures.user(Role.AE);
		this.email = this.jdbc.sql("SELECT email FROM app_user WHERE id = ?")
			.param(ae.userId())
			.query(String.class)
			.single();
	}

	@Test
	void aClosedSalesforceDealClosingAfterTodayIsRefusedNamingCloseDate() throws Exception {
		long before = this.fixtures.count("opportunity");
		var deals = DEALS + "006T901,001T901,Future won,Closed Won,2030-12-31,005T901,2025-10-01T09:00:00.000+0000,"
				+ "100,USD,true,true\n"
				+ "006T902,001T901,Future lost,Closed Lost,2026-11-23,005T901,2025-10-01T09:00:00.000+0000,100,USD,"
				+ "true,false\n"
				+ "006T903,001T901,Closed today,Closed Won,2026-11-22,005T901,2025-10-01T09:00:00.000+0000,100,USD,"
				+ "true,true\n"
				+ "006T904,001T901,Open future,Prospecting,2030-12-31,005T901,2025-10-01T09:00:00.000+0000,100,USD,"
				+ "false,false\n";
		var expected = new String[] {
				"Opportunity row 2: CloseDate=date 2030-12-31 is in the future: a closed deal closed on a day that "
						+ "came, and today is 2026-11-22 in UTC",
				"Opportunity row 3: CloseDate=date 2026-11-23 is in the future: a closed deal closed on a day that "
						+ "came, and today is 2026-11-22 in UTC" };
		assertThat(errors(body(salesforce(ACCOUNTS, deals, null, "true").andExpect(status().isOk()))))
			.containsExactly(expected);
		assertThat(errors(body(salesforce(ACCOUNTS, deals, null, "false").andExpect(status().isBadRequest()))))
			.containsExactly(expected);
		assertThat(this.fixtures.count("opportunity")).isEqualTo(before);
	}

	@Test
	void aClosedHubspotDealClosingAfterTodayIsRefusedNamingCloseDate() throws Exception {
		var companies = "Record ID,Company name,Create Date,Owner email\n9901,Truth company,2025-01-06 09:00,"
				+ this.email + "\n";
		var deals = "Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Owner email,Associated Company IDs\n"
				+ "7901,Future,Closed Won,10,2030-12-31,2025-02-01 10:00," + this.email + ",9901\n";
		assertThat(errors(body(hubspot(companies, deals).andExpect(status().isOk())))).containsExactly(
				"deals row 2: Close Date=date 2030-12-31 is in the future: a closed deal closed on a day that came, "
						+ "and today is 2026-11-22 in UTC");
	}

	@Test
	void aRepeatedOpportunityIdIsTheOnlyErrorAndItsHistoryIsJudgedByTheFirstRow() throws Exception {
		var deals = DEALS
				+ "006T911,001T901,Kept,Closed Won,2025-03-01,005T901,2025-01-06T09:00:00.000+0000,100,USD,true,true\n"
				+ "006T911,001T901,Again,Closed Won,2025-06-01,005T901,2025-05-01T09:00:00.000+0000,100,USD,true,true\n";
		var history = """
				Id,OpportunityId,StageName,CreatedDate
				008T01,006T911,Prospecting,2025-01-06T09:00:00.000+0000
				008T02,006T911,Closed Won,2025-03-01T09:00:00.000+0000
				""";
		assertThat(errors(body(salesforce(ACCOUNTS, deals, history, "true").andExpect(status().isOk()))))
			.containsExactly("Opportunity row 3: Id=duplicate id '006T911': row 2 of the file has it");
	}

	@Test
	void aRepeatedAccountIdIsNotWhatDealsAreCheckedAgainst() throws Exception {
		var accounts = "Id,Name,OwnerId,CreatedDate,IsPartner\n"
				+ "001T921,Partner first,005T901,2025-01-06T09:00:00.000+0000,true\n"
				+ "001T921,Customer again,005T901,2025-01-06T09:00:00.000+0000,false\n";
		var deals = DEALS
				+ "006T921,001T921,On it,Prospecting,2025-03-01,005T901,2025-01-06T09:00:00.000+0000,100,USD,false,false\n";
		var found = errors(body(salesforce(accounts, deals, null, "true").andExpect(status().isOk())));
		assertThat(found).hasSize(2);
		assertThat(found.get(0)).startsWith("Account row 3: Id=duplicate id '001T921'");
		assertThat(found.get(1)).startsWith("Opportunity row 2: AccountId=missing account '001T921'");
	}

	@Test
	void aLineBreakInANameIsFoldedToASpaceWithAWarningNamingRowAndColumn() throws Exception {
		var accounts = ACCOUNTS + "001T931,\"Tokyo\r\n  Branch\",005T901,2025-01-06T09:00:00.000+0000\n";
		var deals = DEALS + "006T931,001T931,\"Two\nlines\",Closed Won,2025-03-01,005T901,"
				+ "2025-01-06T09:00:00.000+0000,100,USD,true,true\n";
		var report = body(salesforce(accounts, deals, null, "false").andExpect(status().isOk()));
		assertThat(report).contains("Account row 3: Name: line break folded to a space ('Tokyo Branch')",
				"Opportunity row 2: Name: line break folded to a space ('Two lines')");
		assertThat(
				this.jdbc.sql("SELECT count(*) FROM opportunity WHERE name = 'Two lines'").query(Long.class).single())
			.isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM account WHERE name = 'Tokyo Branch'").query(Long.class).single())
			.isEqualTo(1);
	}

	private ResultActions salesforce(String accounts, String deals, String history, String dryRun) throws Exception {
		var files = new LinkedHashMap<String, String>();
		files.put("Account", accounts);
		files.put("User", "Id,Email\n005T901," + this.email + "\n");
		files.put("Opportunity", deals);
		if (history != null) {
			files.put("OpportunityHistory", history);
		}
		MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/imports/salesforce");
		files.forEach((name, text) -> request
			.file(new MockMultipartFile(name, name + ".csv", "text/csv", text.getBytes(StandardCharsets.UTF_8))));
		return this.mvc.perform(request.param("dryRun", dryRun).header("Authorization", "Bearer " + this.token));
	}

	private ResultActions hubspot(String companies, String deals) throws Exception {
		MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/imports/hubspot");
		request.file(new MockMultipartFile("companies", "companies.csv", "text/csv",
				companies.getBytes(StandardCharsets.UTF_8)));
		request.file(new MockMultipartFile("deals", "deals.csv", "text/csv", deals.getBytes(StandardCharsets.UTF_8)));
		return this.mvc.perform(request.header("Authorization", "Bearer " + this.token));
	}

	private static String body(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	/** The report's errors as {@code field=message}. */
	private static List<String> errors(String report) {
		var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(report);
		var errors = new ArrayList<String>();
		for (var e : json.get("errors")) {
			errors.add(e.get("field").asString() + "=" + e.get("message").asString());
		}
		return errors;
	}

}
