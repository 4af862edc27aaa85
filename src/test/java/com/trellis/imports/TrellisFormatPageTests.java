package com.trellis.imports;

import java.nio.charset.StandardCharsets;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The page of the Trellis formats tells a chosen file with no bytes from no file chosen,
 * refuses a file that is not UTF-8 text on the form, and words its counts in the right
 * number.
 */
@TrellisTest
class TrellisFormatPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aChosenFileWithNoBytesIsCalledEmptyNotMissing() throws Exception {
		var session = admin();
		checking(session, "deals.csv", new byte[0]).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("the file is empty, no header line")))
			.andExpect(content().string(not(containsString("Choose the CSV file to import."))));
		checking(session, "", new byte[0]).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Choose the CSV file to import.")));
	}

	@Test
	void aFileThatIsNotUtf8IsRefusedOnTheForm() throws Exception {
		var csv = "source_id,name,type,region\nenc-1,Müller Partner,SI,EMEA\n";
		checking(admin(), "partners.csv", csv.getBytes(StandardCharsets.ISO_8859_1)).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("not UTF-8 text; save the export as UTF-8 CSV")));
	}

	@Test
	void oneRowIsCountedAsOneRow() throws Exception {
		var world = this.fixtures.world("Format Page Count " + System.nanoTime());
		var csv = "source_id,name,account_id,amount,currency,stage,owner_id\nfp-" + System.nanoTime() + ",One deal,"
				+ world.accountId() + ",100.00,USD,QUALIFIED," + world.ae().userId() + "\n";
		checking(admin(), "deals.csv", csv.getBytes(StandardCharsets.UTF_8)).andExpect(status().isOk())
			.andExpect(content().string(containsString("1 row: 1 new, 0 updated, 0 unchanged")));
	}

	private MockHttpSession admin() throws Exception {
		return new Readers(this.mvc, this.jdbc, this.fixtures).signIn(this.fixtures.user(Role.ADMIN));
	}

	private ResultActions checking(MockHttpSession session, String name, byte[] bytes) throws Exception {
		return this.mvc
			.perform(multipart("/imports/trellis").file(new MockMultipartFile("file", name, "text/csv", bytes))
				.param("format", "deals".equals(name.replace(".csv", "")) || name.isEmpty() ? "deals" : "partners")
				.param("action", "check")
				.session(session)
				.with(csrf()));
	}

}
