package com.trellis.hygiene;

import java.text.NumberFormat;
import java.util.Locale;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The data hygiene overview writes each check's count in the reader's notation, thousands
 * grouped (failed before: "1969" for every reader, the count printed as a plain number).
 * The stored duplicate accounts check is given more than a thousand records so the
 * grouping shows. A list's total is the same kind of figure (failed before: "1234
 * accounts").
 */
@TrellisTest
class HygieneCountNotationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	@AfterEach
	void removeTheAccounts() {
		this.jdbc.sql("DELETE FROM account WHERE name LIKE 'Notation Count %'").update();
	}

	@Test
	void theOverviewGroupsEachCountInTheReadersNotation() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		this.jdbc.sql("""
				INSERT INTO account (name, owner_ae_id, created_at, updated_at)
				SELECT 'Notation Count ' || n, :owner, now(), now() FROM generate_series(1, 1234) AS n
				""").param("owner", admin.userId()).update();
		this.jdbc.sql("""
				INSERT INTO hygiene_duplicate (account_id, duplicates)
				SELECT id, 'a test row' FROM account WHERE name LIKE 'Notation Count %'
				""").update();
		long count = this.jdbc.sql("SELECT count(*) FROM hygiene_duplicate").query(Long.class).single();

		var session = readers().signIn(admin);
		page(session, NumberFormat.getIntegerInstance(Locale.US).format(count));
		this.jdbc.sql("UPDATE app_user SET locale = 'de-DE' WHERE id = :id").param("id", admin.userId()).update();
		page(session, NumberFormat.getIntegerInstance(Locale.GERMANY).format(count));
		// a list's total, the same kind of figure: the accounts list counts the added
		// ones
		this.mvc.perform(get("/accounts").session(session))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(matchesPattern("(?s).*<span>\\d{1,3}(\\.\\d{3})+\\+?</span> <span>accounts</span>.*")));
	}

	private void page(MockHttpSession session, String count) throws Exception {
		this.mvc.perform(get("/hygiene").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<span>" + count + "</span>")));
	}

	private Readers readers() {
		return new Readers(this.mvc, this.jdbc, this.fixtures);
	}

}
