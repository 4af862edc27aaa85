package com.trellis.imports;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The import's memory is flat: however many rows the files have, it holds at most one
 * page of them (here 50 deals with their moves) at a time; the rest waits in the staging
 * tables.
 */
@TrellisTest
@TestPropertySource(properties = { "trellis.demo.enabled=false", "trellis.forecast.snapshot-cron=-",
		"trellis.imports.page-size=50", "trellis.imports.test-context=memory" })
class ImportMemoryTests {

	private static final int DEALS = 1_000;

	/** A page: 50 deals with at most five moves each. */
	private static final int PAGE = 50 * 6;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HeldRows held;

	@Test
	void anExportOfManyMoreRowsThanAPageIsImportedHoldingOnlyAPageAtATime() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var ae = this.fixtures.user(Role.AE);
		var email = this.jdbc.sql("SELECT email FROM app_user WHERE id = ?")
			.param(ae.userId())
			.query(String.class)
			.single();
		var accounts = new StringBuilder("Id,Name,OwnerId,CreatedDate\n");
		for (int a = 0; a < 100; a++) {
			accounts.append("001M")
				.append(a)
				.append(",Memory customer ")
				.append(a)
				.append(",005M1,2024-01-02T09:00:00Z\n");
		}
		var deals = new StringBuilder(
				"Id,AccountId,Name,StageName,Amount,CurrencyIsoCode,CloseDate,OwnerId,CreatedDate,IsClosed,IsWon\n");
		var history = new StringBuilder("OpportunityId,StageName,CreatedDate\n");
		var start = Instant.parse("2024-01-02T09:00:00Z");
		String[] stages = { "Prospecting", "Qualification", "Value Proposition", "Negotiation/Review" };
		for (int d = 0; d < DEALS; d++) {
			var created = start.plus(Duration.ofMinutes(d));
			boolean won = d % 2 == 0;
			deals.append("006M")
				.append(d)
				.append(",001M")
				.append(d % 100)
				.append(",Memory deal ")
				.append(d)
				.append(',')
				.append(won ? "Closed Won" : "Negotiation/Review")
				.append(",1000.00,USD,2024-03-01,005M1,")
				.append(created)
				.append(',')
				.append(won)
				.append(',')
				.append(won)
				.append('\n');
			for (int s = 0; s < stages.length; s++) {
				history.append("006M")
					.append(d)
					.append(',')
					.append(stages[s])
					.append(',')
					.append(created.plus(Duration.ofDays(s)))
					.append('\n');
			}
		}
		int rows = 100 + DEALS + DEALS * stages.length;
		this.mvc
			.perform(multipart("/api/v1/imports/salesforce").file(file("Account", accounts))
				.file(file("User", new StringBuilder("Id,Email\n005M1," + email + "\n")))
				.file(file("Opportunity", deals))
				.file(file("OpportunityHistory", history))
				.param("dryRun", "false")
				.header("Authorization", "Bearer " + this.fixtures.token(admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.written").value(true))
			.andExpect(jsonPath("$.counts.opportunities.create").value(DEALS))
			.andExpect(jsonPath("$.counts.stageChanges.create").value(DEALS / 2 * 5 + DEALS / 2 * 4));
		assertThat(this.fixtures.count("opportunity WHERE name LIKE 'Memory deal %'")).isEqualTo(DEALS);
		assertThat(rows).as("the export has many more rows than a page").isGreaterThan(10 * PAGE);
		assertThat(this.held.peak()).as("rows held in memory at once").isPositive().isLessThanOrEqualTo(PAGE);
	}

	private static MockMultipartFile file(String name, StringBuilder text) {
		return new MockMultipartFile(name, name + ".csv", "text/csv", text.toString().getBytes(StandardCharsets.UTF_8));
	}

}
