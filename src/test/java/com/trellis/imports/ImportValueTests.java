package com.trellis.imports;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The values of an imported export meet the rules of every other input path: amounts the
 * decimals of their currency, text one line without control or bidi characters, dates in
 * the program's window; each bad cell is reported once with its row and column.
 */
@TrellisTest
@TestPropertySource(properties = { "trellis.demo.enabled=false", "trellis.forecast.snapshot-cron=-" })
class ImportValueTests {

	private static final String SALESFORCE = "/api/v1/imports/salesforce";

	private static final String ACCOUNTS = """
			Id,Name,OwnerId,CreatedDate
			001V01,Value customer,005V01,2025-01-06T09:00:00.000+0000
			""";

	private static final String DEALS = "Id,AccountId,Name,StageName,Amount,CurrencyIsoCode,CloseDate,OwnerId,CreatedDate\n";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	String token;

	String users;

	String email;

	@BeforeEach
	void program() {
		var admin = this.fixtures.user(Role.ADMIN);
		this.token = this.fixtures.token(admin);
		var ae = this.fixtures.user(Role.AE);
		String email = this.jdbc.sql("SELECT email FROM app_user WHERE id = ?")
			.param(ae.userId())
			.query(String.class)
			.single();
		this.email = email;
		this.users = "Id,Email\n005V01," + email + "\n";
		this.jdbc.sql("""
				INSERT INTO exchange_rate (currency, to_reporting, updated_at) VALUES ('BHD', 2.65, now())
				ON CONFLICT (currency) DO NOTHING
				""").update();
	}

	@Test
	void aDinarDealWithThreeDecimalsIsImportedAndShownWithThem() throws Exception {
		var deals = DEALS + "006V01,001V01,Dinar deal,Closed Won,1234.567,BHD,2025-02-05,005V01,2025-01-06T09:00:00Z\n";
		var report = body(post(ACCOUNTS, deals, "false").andExpect(status().isOk()));
		assertThat(report).contains("\"written\":true");
		var deal = this.jdbc.sql("SELECT id, amount FROM opportunity WHERE name = 'Dinar deal'")
			.query((rs, n) -> Map.of("id", rs.getLong(1), "amount", rs.getBigDecimal(2)))
			.single();
		assertThat((java.math.BigDecimal) deal.get("amount")).isEqualByComparingTo("1234.567");
		var shown = this.mvc
			.perform(get("/api/v1/opportunities/" + deal.get("id")).header("Authorization", "Bearer " + this.token))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(shown).contains("\"amount\":1234.567,");
	}

	@Test
	void aYenAmountWithDecimalsIsRefusedOnceNamingRowAndAmount() throws Exception {
		long before = this.fixtures.count("opportunity");
		var deals = DEALS + "006V02,001V01,Yen deal,Closed Won,100.5,JPY,2025-02-05,005V01,2025-01-06T09:00:00Z\n"
				+ "006V03,001V01,Cents deal,Prospecting,10.001,USD,2025-02-05,005V01,2025-01-06T09:00:00Z\n"
				+ "006V04,001V01,Comma deal,Closed Won,\"12,5\",USD,2025-02-05,005V01,2025-01-06T09:00:00Z\n";
		var report = body(post(ACCOUNTS, deals, "true").andExpect(status().isOk()));
		assertThat(errors(report)).containsExactly(
				"Opportunity row 2: Amount=amount '100.5' must be a whole number: JPY has no decimals",
				"Opportunity row 3: Amount=amount '10.001' must have at most 2 decimals for USD",
				"Opportunity row 4: Amount='12,5' is an amount with a comma decimal; use a point as the decimal separator and no thousands separator, e.g. 1234.50");
		post(ACCOUNTS, deals, "false").andExpect(status().isBadRequest());
		assertThat(this.fixtures.count("opportunity")).isEqualTo(before);
	}

	@Test
	void aNameWithABidiControlIsRefusedNamingRowAndNameWhileALineBreakIsFolded() throws Exception {
		var accounts = ACCOUNTS + "001V02,\"Tokyo\nBranch\",005V01,2025-01-06T09:00:00Z\n"
				+ "001V03,Evil\u202Egnp.exe,005V01,2025-01-06T09:00:00Z\n";
		var deals = DEALS + "006V05,001V01,Spoof\u202Edeal,Prospecting,10,USD,2025-02-05,005V01,2025-01-06T09:00:00Z\n";
		long before = this.fixtures.count("account");
		var report = body(post(accounts, deals, "true").andExpect(status().isOk()));
		assertThat(errors(report)).containsExactly(
				"Account row 4: Name=Name must not contain control characters (found U+202E)",
				"Opportunity row 2: Name=Name must not contain control characters (found U+202E)");
		post(accounts, deals, "false").andExpect(status().isBadRequest());
		assertThat(this.fixtures.count("account")).isEqualTo(before);
	}

	@Test
	void aCloseDateOutsideTheProgramsDateWindowIsRefusedNamingRowAndColumn() throws Exception {
		var deals = DEALS + "006V06,001V01,Old deal,Closed Won,10,USD,1800-02-05,005V01,2025-01-06T09:00:00Z\n";
		var report = body(post(ACCOUNTS, deals, "true").andExpect(status().isOk()));
		assertThat(errors(report))
			.containsExactly("Opportunity row 2: CloseDate=date 1800-02-05 must be between 1970-01-01 and 2100-12-31");
	}

	@Test
	void aDealCreatedInTheFutureOrClosedBeforeItWasCreatedIsRefusedNamingCreatedDate() throws Exception {
		long before = this.fixtures.count("opportunity");
		var deals = DEALS
				+ "006V07,001V01,Future deal,Prospecting,10,USD,2099-12-31,005V01,2099-11-01T10:00:00.000+0000\n"
				+ "006V08,001V01,Backwards deal,Closed Won,10,USD,2025-01-10,005V01,2025-02-01T09:00:00.000+0000\n"
				+ "006V09,001V01,Same day deal,Closed Won,10,USD,2025-01-10,005V01,2025-01-10T09:00:00.000+0000\n";
		var expected = new String[] {
				"Opportunity row 2: CreatedDate=moment 2099-11-01T10:00:00Z (2099-11-01 in UTC) is in the future: "
						+ "the import keeps moments that happened, and now is 2026-11-22T12:00:00Z",
				"Opportunity row 3: CreatedDate=created 2025-02-01T09:00:00Z (2025-02-01 in UTC), after its CloseDate "
						+ "2025-01-10: a closed deal cannot close before it was created" };
		assertThat(errors(body(post(ACCOUNTS, deals, "true").andExpect(status().isOk())))).containsExactly(expected);
		assertThat(errors(body(post(ACCOUNTS, deals, "false").andExpect(status().isBadRequest())))).contains(expected);
		assertThat(this.fixtures.count("opportunity")).isEqualTo(before);
	}

	@Test
	void aHubspotDealCreatedInTheFutureOrAfterItClosedIsRefusedNamingCreateDate() throws Exception {
		var companies = "Record ID,Company name,Create Date,Owner email\n9201,Date company,2025-01-06 09:00,"
				+ this.email + "\n";
		var deals = "Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Owner email,Associated Company IDs\n"
				+ "7201,Future,Appointment Scheduled,10,2099-12-31,2099-11-01 10:00," + this.email + ",9201\n"
				+ "7202,Backwards,Closed Lost,10,2025-01-10,2025-02-01 09:00," + this.email + ",9201\n";
		assertThat(errors(body(hubspot(companies, deals).andExpect(status().isOk())))).containsExactly(
				"deals row 2: Create Date=moment 2099-11-01T10:00:00Z (2099-11-01 in UTC) is in the future: "
						+ "the import keeps moments that happened, and now is 2026-11-22T12:00:00Z",
				"deals row 3: Create Date=created 2025-02-01T09:00:00Z (2025-02-01 in UTC), after its Close Date "
						+ "2025-01-10: a closed deal cannot close before it was created");
	}

	private ResultActions hubspot(String companies, String deals) throws Exception {
		MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/imports/hubspot");
		request.file(new MockMultipartFile("companies", "companies.csv", "text/csv",
				companies.getBytes(StandardCharsets.UTF_8)));
		request.file(new MockMultipartFile("deals", "deals.csv", "text/csv", deals.getBytes(StandardCharsets.UTF_8)));
		return this.mvc.perform(request.header("Authorization", "Bearer " + this.token));
	}

	@Test
	void hubspotErrorsNameTheColumnAsTheFilesHeaderWritesIt() throws Exception {
		var companies = "Record ID,Company name,Create Date,Owner email\n9101,Value company,2025-01-06 09:00,"
				+ this.email + "\n";
		var deals = "Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Owner email,Associated Company IDs\n"
				+ "7101,Bad day,Appointment Scheduled,10,31/03/2025,2025-02-10 09:00," + this.email + ",9101\n"
				+ "7102,No day,Closed Lost,10,,2025-02-10 09:00," + this.email + ",9101\n"
				+ "7103,Old day,Closed Lost,10,1800-01-01,2025-02-10 09:00," + this.email + ",9101\n"
				+ "7104,No such day,Closed Lost,10,2025-02-30,2025-02-10 09:00," + this.email + ",9101\n";
		var report = body(hubspot(companies, deals).andExpect(status().isOk()));
		// a closed deal's refused day is named once, as a day the calendar has not (s55:
		// twice, the second time as missing)
		assertThat(errors(report)).containsExactly(
				"deals row 2: Close Date='31/03/2025' is not a date; write it as yyyy-MM-dd, e.g. 2024-06-30",
				"deals row 3: Close Date=missing Close Date: a closed deal needs the day it closed",
				"deals row 4: Close Date=date 1800-01-01 must be between 1970-01-01 and 2100-12-31",
				"deals row 5: Close Date='2025-02-30' names no day of the calendar");
	}

	private ResultActions post(String accounts, String deals, String dryRun) throws Exception {
		var files = new LinkedHashMap<String, String>();
		files.put("Account", accounts);
		files.put("User", this.users);
		files.put("Opportunity", deals);
		MockMultipartHttpServletRequestBuilder request = multipart(SALESFORCE);
		files.forEach((name, text) -> request
			.file(new MockMultipartFile(name, name + ".csv", "text/csv", text.getBytes(StandardCharsets.UTF_8))));
		return this.mvc.perform(request.param("dryRun", dryRun).header("Authorization", "Bearer " + this.token));
	}

	private static String body(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	/** The report's errors as {@code field=message}. */
	private static List<String> errors(String report) {
		var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(report);
		var errors = new java.util.ArrayList<String>();
		for (var e : json.get("errors")) {
			errors.add(e.get("field").asString() + "=" + e.get("message").asString());
		}
		return errors;
	}

}
