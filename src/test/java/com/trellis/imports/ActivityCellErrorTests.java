package com.trellis.imports;

import java.nio.charset.StandardCharsets;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The activity format reports every bad cell of a row, each once, naming its value once.
 */
@TrellisTest
class ActivityCellErrorTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void everyBadCellOfAnActivityRowIsReportedOnceWithItsValueOnce() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var csv = "source_id,partner_id,type,occurred_at,user_email\n"
				+ "ev-1,abc,login!,yesterday,nobody@nowhere.example\n";
		this.mvc
			.perform(multipart("/api/v1/imports/trellis/activity")
				.file(new MockMultipartFile("file", "a.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
				.param("dryRun", "true")
				.header("Authorization", "Bearer " + this.fixtures.token(admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.errorCount").value(4))
			.andExpect(jsonPath("$.errors[*].field").value(
					containsInAnyOrder("row 2: partner_id", "row 2: type", "row 2: occurred_at", "row 2: user_email")))
			.andExpect(jsonPath("$.errors[?(@.field == 'row 2: occurred_at')].message")
				.value(org.hamcrest.Matchers.contains(org.hamcrest.Matchers
					.not(org.hamcrest.Matchers.matchesPattern("(?s).*yesterday.*yesterday.*")))));
	}

}
