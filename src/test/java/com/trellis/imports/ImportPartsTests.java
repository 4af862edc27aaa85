package com.trellis.imports;

import java.nio.charset.StandardCharsets;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The parts of an export upload are checked by name before anything is read: an empty
 * file, no file at all and a misnamed part answer 400 naming the part (they used to pass
 * as a clean check, and a real run reported {@code written: true}).
 */
@TrellisTest
@TestPropertySource(properties = { "trellis.demo.enabled=false", "trellis.forecast.snapshot-cron=-",
		"trellis.imports.test-context=runs", "trellis.imports.stale-check=1h" })
class ImportPartsTests {

	private static final byte[] ACCOUNT = "Id,Name\n001P1,Parts Co\n".getBytes(StandardCharsets.UTF_8);

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	private ResultActions send(String path, boolean dryRun, MockMultipartFile... files) throws Exception {
		var request = multipart(path);
		for (var file : files) {
			request.file(file);
		}
		if (files.length == 0) {
			request.param("currency", "EUR");
		}
		return this.mvc.perform(request.param("dryRun", String.valueOf(dryRun))
			.header("Authorization", "Bearer " + this.fixtures.token(this.fixtures.user(Role.ADMIN))));
	}

	@Test
	void anEmptyOpportunityFileIsRefusedNamingIt() throws Exception {
		for (boolean dryRun : new boolean[] { true, false }) {
			send("/api/v1/imports/salesforce", dryRun,
					new MockMultipartFile("Account", "Account.csv", "text/csv", ACCOUNT),
					new MockMultipartFile("Opportunity", "Opportunity.csv", "text/csv", new byte[0]))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("Opportunity"))
				.andExpect(jsonPath("$.errors[0].message").value("the file is empty, no header line"));
		}
		send("/api/v1/imports/salesforce/runs", false,
				new MockMultipartFile("Opportunity", "Opportunity.csv", "text/csv", new byte[0]))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("Opportunity"));
	}

	@Test
	void aPartSentTwiceIsRefusedNamingIt() throws Exception {
		// s55: one of the two was read and the other dropped unsaid
		send("/api/v1/imports/salesforce", true, new MockMultipartFile("Account", "Account.csv", "text/csv", ACCOUNT),
				new MockMultipartFile("Account", "Other.csv", "text/csv", ACCOUNT))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("Account"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("2 files")));
	}

	@Test
	void aSystemThatIsNoneIsNamedBeforeTheBody() throws Exception {
		// try51: a JSON body to /imports/BOGUS/runs was told to send multipart
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.post("/api/v1/imports/BOGUS/runs")
				.contentType("application/json")
				.content("{}")
				.header("Authorization", "Bearer " + this.fixtures.token(this.fixtures.user(Role.ADMIN))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("system"));
	}

	@Test
	void allFilesEmptyOrNoFileIsRefused() throws Exception {
		send("/api/v1/imports/hubspot", false, new MockMultipartFile("companies", "c.csv", "text/csv", new byte[0]),
				new MockMultipartFile("deals", "d.csv", "text/csv", new byte[0]))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("companies")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("deals")));
		send("/api/v1/imports/salesforce", false).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("files"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("no file of the export was sent")));
	}

	@Test
	void aMisnamedPartIsRefusedWithTheExpectedNames() throws Exception {
		send("/api/v1/imports/salesforce", true, new MockMultipartFile("Acount", "Account.csv", "text/csv", ACCOUNT))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("Acount"))
			.andExpect(jsonPath("$.errors[0].message")
				.value("unknown part 'Acount'; expected Account, User, Opportunity, OpportunityHistory, "
						+ "OpportunityPartner, Partner"));
	}

}
