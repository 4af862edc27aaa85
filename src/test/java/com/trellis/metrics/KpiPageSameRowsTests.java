package com.trellis.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.validation.ValueLimits;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;
import org.unbescape.html.HtmlEscape;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.ViewResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every KPI's page (kpi28: its cells made once per row in Java, {@link KpiRecordRows};
 * its figure taken as the trend's last point) shows what it showed before: the records
 * table as served (its first page of {@value KpiDetailController#PAGE_SIZE}) equals the
 * former table ({@code templates/metrics/kpi-records-before.html}, a copy of it) rendered
 * from the records' maps, character for character; the trend chart equals the one built
 * from every period computed on its own ({@link Kpis#compute} of the period alone,
 * labelled as {@link Kpis#trend(Viewer, String, Period, Slice)} labels it; kpi30: the
 * program's activated partners and active partner rate read every period in one
 * statement). For the program (the admin, in the program's locale and in German), a PAM's
 * book and one partner, with a deal of an unknown amount, a deal whose name needs
 * escaping, won, lost and open deals in the period.
 */
@TrellisTest
class KpiPageSameRowsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Kpis kpis;

	@Autowired
	WebApplicationContext context;

	@Autowired
	ViewResolver thymeleafViewResolver;

	@Autowired
	ObjectMapper json;

	@Autowired
	Clock clock;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	ValueLimits limits;

	@Test
	void everyKpiPageShowsTheFormerRowsAndTrend() throws Exception {
		var world = this.fixtures.world("Same <Rows> & \"Trend\" Partners");
		var deals = this.fixtures.partnerDeals(world.accountId(), world.ae().userId(), world.partnerId(), "4321.50", 4);
		var period = Period.chosen(null, null, this.calendar, this.limits);
		var start = period.at(this.clock.instant(), this.calendar.zone()).start().plus(Duration.ofMinutes(5));
		// an onboarded partner: its first win counts for the time to first revenue
		this.jdbc.sql("UPDATE partner SET onboarded_on = DATE '2024-02-29', lifecycle_status = 'ACTIVE' WHERE id = ?")
			.param(world.partnerId())
			.update();
		this.jdbc.sql("UPDATE opportunity SET name = 'Won <b>&</b> \"quoted\"' WHERE id = ?")
			.param(world.dealId())
			.update();
		this.jdbc.sql("UPDATE opportunity SET amount_unknown = TRUE WHERE id = ?").param(deals.get(0)).update();
		for (int i = 1; i < deals.size(); i++) {
			this.jdbc.sql("UPDATE opportunity SET stage = ?, closed_at = ?, credit_type = ? WHERE id = ?")
				.params(i == 3 ? "CLOSED_LOST" : "CLOSED_WON", java.sql.Timestamp.from(start.plusSeconds(i)),
						i == 2 ? "CO_SELL" : "SOURCED", deals.get(i))
				.update();
		}
		var admin = this.fixtures.user(Role.ADMIN);
		var adminSession = signIn(this.fixtures.email(admin));
		same(admin, adminSession, "", Slice.PROGRAM, this.calendar.locale());
		same(world.pam(), signIn(this.fixtures.email(world.pam())), "", Slice.PROGRAM, this.calendar.locale());
		same(admin, adminSession, "?slice=PARTNER&sliceValue=" + world.partnerId(),
				new Slice(Slice.Kind.PARTNER, String.valueOf(world.partnerId())), this.calendar.locale());
		var german = this.fixtures.user(Role.ADMIN);
		var germanSession = signIn(this.fixtures.email(german));
		this.mvc
			.perform(post("/profile/reading").param("locale", "de-DE")
				.param("timeZone", "Europe/Berlin")
				.session(germanSession)
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		same(german, germanSession, "", Slice.PROGRAM, Locale.GERMANY);
	}

	/** Every KPI's page of the viewer's slice against the former table and trend. */
	private void same(Viewer viewer, MockHttpSession session, String query, Slice slice, Locale locale)
			throws Exception {
		var period = Period.chosen(null, null, this.calendar, this.limits);
		int rows = 0;
		for (var kpi : this.kpis.compute(viewer, period, slice)) {
			var code = kpi.code();
			var as = viewer.role() + " " + locale + " " + query + " " + code;
			var result = this.mvc.perform(get("/metrics/kpis/" + code + query).session(session))
				.andExpect(status().isOk())
				.andReturn();
			result.getResponse().setCharacterEncoding("UTF-8");
			var page = result.getResponse().getContentAsString();
			// the page has no records table for the forecast attainment (no records);
			// of the others the first page
			if ("FORECAST_ATTAINMENT".equals(code)) {
				assertThat(page).as(as).doesNotContain("id=\"records\"");
			}
			else {
				var all = this.kpis.records(viewer, code, period, slice).rows();
				var records = all.subList(0, Math.min(all.size(), KpiDetailController.PAGE_SIZE));
				assertThat(table(page)).as(as).isEqualTo(table(before(records, locale)));
				rows += records.size();
			}
			assertThat(chart(page)).as(as + " trend").isEqualTo(formerChart(viewer, code, period, slice));
		}
		assertThat(rows).as("records listed").isPositive();
	}

	/** The former table rendered from the records' maps, in the reader's locale. */
	private String before(List<Map<String, Object>> records, Locale locale) throws Exception {
		var model = new HashMap<String, Object>();
		model.put("records", records);
		var request = new MockHttpServletRequest(this.context.getServletContext());
		request.addPreferredLocale(locale);
		var response = new MockHttpServletResponse();
		response.setCharacterEncoding("UTF-8");
		LocaleContextHolder.setLocale(locale);
		try {
			this.thymeleafViewResolver.resolveViewName("metrics/kpi-records-before", locale)
				.render(model, request, response);
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
		return response.getContentAsString();
	}

	/** The trend chart as the page built it before: each period computed on its own. */
	private String formerChart(Viewer viewer, String code, Period period, Slice slice) {
		var kpi = this.kpis.compute(viewer, period, slice, java.util.Set.of(code)).get(0);
		var trend = this.kpis.trend(viewer, code, period, slice);
		// each point's figures as the KPI of that period alone (the trend reads some
		// KPIs'
		// periods in one statement: RecencyTrend, SourcedRevenueTrend)
		var alone = trend.stream()
			.map(p -> this.kpis
				.compute(viewer,
						Period.chosen((java.time.LocalDate) p.get("from"), (java.time.LocalDate) p.get("to"),
								this.calendar, this.limits),
						slice, java.util.Set.of(code))
				.get(0))
			.toList();
		var values = new ArrayList<Object>();
		var baselines = new ArrayList<Object>();
		alone.forEach(k -> {
			values.add(k.value());
			baselines.add(k.baseline());
		});
		var datasets = new ArrayList<Map<String, Object>>();
		datasets
			.add(Map.of("label", kpi.name(), "data", values, "borderColor", "#3f6ad8", "backgroundColor", "#3f6ad8"));
		if (kpi.baseline() != null) {
			datasets.add(Map.of("label", "Direct deals", "data", baselines, "borderColor", "#d8893f", "backgroundColor",
					"#d8893f"));
		}
		return this.json.writeValueAsString(Map.of("type", "line", "data",
				Map.of("labels", trend.stream().map(p -> p.get("period")).toList(), "datasets", datasets)));
	}

	private static String table(String html) {
		int from = html.indexOf("<table class=\"striped\" id=\"records\">");
		assertThat(from).as("the records table").isNotNegative();
		return html.substring(from, html.indexOf("</table>", from));
	}

	private static String chart(String html) {
		int from = html.indexOf("data-chart=\"") + "data-chart=\"".length();
		return HtmlEscape.unescapeHtml(html.substring(from, html.indexOf('"', from)));
	}

	private MockHttpSession signIn(String email) throws Exception {
		return (MockHttpSession) this.mvc
			.perform(post("/login").param("username", email).param("password", "secret").with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

}
