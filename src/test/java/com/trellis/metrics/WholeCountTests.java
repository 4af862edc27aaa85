package com.trellis.metrics;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Counts are whole numbers wherever a KPI is read (issue 13 item 9): "Partner
 * recruitment" read 1.00 in the KPI API and in {@code metrics/export.csv}, and the
 * partners a rate was counted from read "1.00 of 1.00".
 */
@TrellisTest
class WholeCountTests {

	private static final String PERIOD = "from=2026-10-01&to=2026-12-31";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void partnersRecruitedReadAsAWholeNumberInTheApiAndTheCsv() throws Exception {
		var world = this.fixtures.world("Counted Once");
		this.jdbc.sql("UPDATE partner SET onboarded_on = ? WHERE id = ?")
			.params(LocalDate.parse("2026-11-02"), world.partnerId())
			.update();
		var admin = this.fixtures.user(Role.ADMIN);
		var query = PERIOD + "&slice=PARTNER&sliceValue=" + world.partnerId();

		var json = new Api(this.mvc, this.fixtures.token(admin)).get("/api/v1/kpis?" + query)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(field(json, "PARTNER_RECRUITMENT", "value")).isEqualTo("1");
		assertThat(field(json, "ACTIVE_PARTNER_RATE", "denominator")).isEqualTo("1");

		var csv = csv(text(get("/metrics/export.csv?" + query), login(admin)));
		assertThat(row(csv, "PARTNER_RECRUITMENT").get("value")).isEqualTo("1");
		assertThat(row(csv, "ACTIVE_PARTNER_RATE").get("denominator")).isEqualTo("1");
		assertThat(csv).filteredOn(r -> r.get("unit").equals("COUNT"))
			.allSatisfy(r -> assertThat(r.get("value")).as(r.get("code")).matches("-?\\d*"));
	}

	@Test
	void amountsARatioWasComputedFromKeepTheirCents() throws Exception {
		var world = this.fixtures.world("Cents Kept");
		var json = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)))
			.get("/api/v1/kpis?" + PERIOD + "&slice=PARTNER&sliceValue=" + world.partnerId())
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(field(json, "PIPELINE_SOURCED", "denominator")).matches("\\d+\\.\\d\\d");
	}

	private static String field(String json, String code, String field) {
		var kpi = Pattern.compile("\\{\"code\":\"" + code + "\"[^}]*\\}").matcher(json);
		assertThat(kpi.find()).as(code).isTrue();
		var value = Pattern.compile("\"" + field + "\":([^,}]+)").matcher(kpi.group());
		assertThat(value.find()).as(code + " " + field).isTrue();
		return value.group(1);
	}

	private static CSVRecord row(List<CSVRecord> csv, String code) {
		return csv.stream().filter(r -> r.get("code").equals(code)).findFirst().orElseThrow();
	}

	private static List<CSVRecord> csv(String text) throws Exception {
		return CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(text.replace("\uFEFF", "")))
			.getRecords();
	}

	private String text(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			MockHttpSession session) throws Exception {
		var response = this.mvc.perform(request.session(session)).andExpect(status().isOk()).andReturn().getResponse();
		response.setCharacterEncoding("UTF-8");
		return response.getContentAsString();
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		var result = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
