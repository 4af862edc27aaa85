package com.trellis.metrics;

import java.util.ArrayList;
import java.util.regex.Pattern;

import com.trellis.identity.Role;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.validation.ValueLimits;
import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;
import org.unbescape.html.HtmlEscape;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A KPI's page offers its records (the list and the CSV export) only when it has them:
 * every records link of every KPI page answers, and a KPI computed from something else
 * (forecast attainment, from forecast snapshots) shows no export link.
 */
@TrellisTest
class KpiRecordLinksTests {

	private static final Pattern LINK = Pattern.compile("href=\"([^\"]*records[^\"]*)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Kpis kpis;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	ValueLimits limits;

	@Test
	void everyRecordsLinkOfEveryKpiPageAnswersAndAKpiWithoutRecordsOffersNone() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var session = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(admin);
		var period = Period.chosen(null, null, this.calendar, this.limits);
		var without = new ArrayList<String>();
		for (var kpi : this.kpis.compute(admin, period, Slice.PROGRAM)) {
			var page = Readers.read(this.mvc, session, "/metrics/kpis/" + kpi.code());
			var links = LINK.matcher(page).results().map(m -> HtmlEscape.unescapeHtml(m.group(1))).toList();
			if (!KpiRecords.hasRecords(kpi.code())) {
				without.add(kpi.code());
				assertThat(links).as(kpi.code()).isEmpty();
				assertThat(page).as(kpi.code()).doesNotContain("Export as CSV");
				continue;
			}
			assertThat(links).as(kpi.code()).isNotEmpty();
			for (var link : links) {
				var status = this.mvc.perform(get(link).session(session)).andReturn().getResponse().getStatus();
				assertThat(status).as(kpi.code() + " " + link).isEqualTo(200);
			}
		}
		assertThat(without).contains("FORECAST_ATTAINMENT");
	}

}
