package com.trellis.imports;

import java.nio.charset.StandardCharsets;

import com.trellis.identity.Role;
import com.trellis.imports.TrellisFormats.Format;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Trellis deal format holds a closed deal's {@code stage_history} to its
 * {@code close_date} in the program's business time zone (here Pacific/Auckland, 13 hours
 * ahead of UTC from 28 September 2025): no move on a later business day than the close
 * date, and the closing move on the close date itself. Each moment below lies on the
 * close date in UTC but on the next day in Auckland, or the other way round, so a check
 * of UTC days would judge every row the other way.
 */
@TrellisTest
@TestPropertySource(properties = { "trellis.demo.enabled=false", "trellis.forecast.snapshot-cron=-",
		"trellis.business.time-zone=Pacific/Auckland" })
class TrellisDealCloseDayTests {

	@Autowired
	TrellisFormats formats;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MockMvc mvc;

	@Test
	void aClosedDealsHistoryIsHeldToItsCloseDateInTheBusinessZoneNamingRowColumnAndValue() {
		var admin = this.fixtures.user(Role.ADMIN);
		var ae = this.fixtures.user(Role.AE);
		var tag = Long.toString(System.nanoTime());
		long account = this.fixtures.account("Close day format " + tag, null, ae.userId());
		var prefix = "cd-" + tag + "-";
		var csv = "source_id,name,account_id,amount,currency,stage,close_date,owner_id,created_at,stage_history\n"
				// closing move 2025-09-30T20:00Z is 1 October in Auckland
				+ row(prefix + "1", account, ae.userId(), "CLOSED_WON", "2025-09-30",
						"QUALIFIED@2025-09-10T00:00:00Z;CLOSED_WON@2025-09-30T20:00:00Z")
				// the commit move 2025-10-01T12:00Z is 2 October in Auckland, after the
				// close
				// date
				+ row(prefix + "2", account, ae.userId(), "CLOSED_LOST", "2025-10-01",
						"QUALIFIED@2025-09-10T00:00:00Z;COMMIT@2025-10-01T12:00:00Z;CLOSED_LOST@2025-10-01T12:30:00Z")
				// on its close date in Auckland (30 September in UTC): imports
				+ row(prefix + "3", account, ae.userId(), "CLOSED_WON", "2025-10-01",
						"QUALIFIED@2025-09-10T00:00:00Z;CLOSED_WON@2025-09-30T20:00:00Z");
		var report = this.formats.run(admin, Format.DEALS, csv, true);
		assertThat(report.errors()).extracting(e -> e.field())
			.containsExactly("row 2: stage_history", "row 3: stage_history");
		assertThat(report.errors().get(0).message()).contains("CLOSED_WON at 2025-09-30T20:00:00Z")
			.contains("falls on 2025-10-01 in Pacific/Auckland, after the close date 2025-09-30");
		assertThat(report.errors().get(1).message()).contains("COMMIT at 2025-10-01T12:00:00Z")
			.contains("falls on 2025-10-02 in Pacific/Auckland, after the close date 2025-10-01");
		assertThat(report.created()).isEqualTo(1);
	}

	/**
	 * A Salesforce history that moves the deal on after its close date (in Auckland) is
	 * refused naming the deal's row and close column: its closing move cannot be put on
	 * the close date without putting it before the move ahead of it. In UTC every move is
	 * on the close date.
	 */
	@Test
	void aSalesforceHistoryMovingTheDealAfterItsCloseDateIsRefusedNamingTheRowAndCloseDate() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var ae = this.fixtures.user(Role.AE);
		var email = this.fixtures.email(ae);
		var files = new java.util.LinkedHashMap<String, String>();
		files.put("Account", "Id,Name,OwnerId,CreatedDate\n001NZ91,Kauri after-close customer,005NZ91,"
				+ "2025-01-06T09:00:00.000+0000\n");
		files.put("User", "Id,Email\n005NZ91," + email + "\n");
		files.put("Opportunity",
				"Id,AccountId,Name,StageName,CloseDate,OwnerId,CreatedDate,Amount,CurrencyIsoCode,"
						+ "IsClosed,IsWon\n006NZ91,001NZ91,Kauri after close,Closed Won,2025-09-30,005NZ91,"
						+ "2025-09-01T09:00:00.000+0000,100,USD,true,true\n");
		files.put("OpportunityHistory",
				"OpportunityId,StageName,CreatedDate\n" + "006NZ91,Prospecting,2025-09-01T09:00:00.000+0000\n"
						+ "006NZ91,Negotiation/Review,2025-09-30T12:00:00.000+0000\n"
						+ "006NZ91,Closed Won,2025-09-30T13:00:00.000+0000\n");
		var request = multipart("/api/v1/imports/salesforce");
		files.forEach((name, text) -> request
			.file(new MockMultipartFile(name, name + ".csv", "text/csv", text.getBytes(StandardCharsets.UTF_8))));
		this.mvc
			.perform(request.param("dryRun", "true").header("Authorization", "Bearer " + this.fixtures.token(admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.errors[*].field").value(contains("Opportunity row 2: CloseDate")))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("the move to COMMIT at "
					+ "2025-09-30T12:00:00Z falls on 2025-10-01 in Pacific/Auckland, after the close date 2025-09-30")))
			.andExpect(jsonPath("$.counts.opportunities.create").value(0));
	}

	private static String row(String sourceId, long account, long owner, String stage, String closeDate,
			String history) {
		return sourceId + ",Close day deal " + sourceId + "," + account + ",100.00,USD," + stage + "," + closeDate + ","
				+ owner + ",2025-09-05T00:00:00Z," + history + "\n";
	}

}
