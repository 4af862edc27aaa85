package com.trellis.leads;

import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The lead list exports as CSV with its status filter and only the leads the reader may
 * see, as the list shows them; the list links to the export of what it shows.
 */
@TrellisTest
class LeadExportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Leads leads;

	@Test
	void aPartnerUserExportsItsOwnLeadsAndAPamFiltersByStatus() throws Exception {
		var a = this.fixtures.world("Export Leads Alpha");
		var b = this.fixtures.world("Export Leads Beta");
		this.leads.submit(a.partnerUser(), new LeadCommand(null, "Ostwick Ceramics", null, "Ada Quill", null, null));
		this.leads.submit(b.partnerUser(), new LeadCommand(null, "Pellham Beta Tiles", null, "Bo Reyes", null, null));
		var readers = new Readers(this.mvc, this.jdbc, this.fixtures);

		var own = export(readers.signIn(a.partnerUser()), "/leads/export.csv");
		assertThat(own.lines().toList().get(0)).isEqualTo("\uFEFF" + String.join(",", LeadExport.HEADER));
		assertThat(own.lines()).hasSize(2);
		assertThat(own).contains("Ostwick Ceramics", "Ada Quill", "Export Leads Alpha", ",SUBMITTED,")
			.doesNotContain("Pellham", "Export Leads Beta");

		var pam = readers.signIn(a.pam());
		assertThat(export(pam, "/leads/export.csv?status=SUBMITTED")).contains("Ostwick Ceramics");
		assertThat(export(pam, "/leads/export.csv?status=DECLINED")).doesNotContain("Ostwick Ceramics");
		assertThat(Readers.read(this.mvc, pam, "/leads?status=SUBMITTED"))
			.contains("href=\"/leads/export.csv?status=SUBMITTED\"");
		this.mvc.perform(get("/leads/export.csv?status=GONE").session(pam))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("status")));
	}

	private String export(MockHttpSession session, String url) throws Exception {
		return Readers.csv(this.mvc, session, url);
	}

}
