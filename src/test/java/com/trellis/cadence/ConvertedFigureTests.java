package com.trellis.cadence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.trellis.forecast.Forecasts;
import com.trellis.forecast.Scope;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.metrics.Kpi;
import com.trellis.metrics.Kpis;
import com.trellis.metrics.Period;
import com.trellis.metrics.Slice;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One figure, one value: each amount is converted into the reporting currency and rounded
 * to its minor unit once, so the same deals read the same in the forecast, the KPIs and a
 * meeting pack. Three won GBP 10.01 deals at 1.27 are USD 12.71 each, USD 38.13 in all.
 */
@TrellisTest
class ConvertedFigureTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

	@Autowired
	Forecasts forecasts;

	@Autowired
	Kpis kpis;

	@Autowired
	Packs packs;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void threeGbpWinsReadUsd3813InTheForecastTheKpiAndThePack() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var pam = this.fixtures.user(Role.PAM);
		var rep = this.fixtures.user(Role.AE);
		long partner = this.fixtures.partner("Sterling Figures", pam.userId());
		long account = this.fixtures.account("Sterling customer", null, rep.userId());
		for (int i = 0; i < 3; i++) {
			deal(account, rep, partner, "CLOSED_WON", "2026-11-14T10:00:00Z");
		}
		deal(account, rep, partner, "QUALIFIED", null);

		assertThat(this.forecasts.rollUp(admin, new Scope(Scope.Kind.PAM, pam.userId()), TODAY).get("closed"))
			.isEqualTo("38.13");
		new Api(this.mvc, this.fixtures.token(admin))
			.get("/api/v1/forecast/rollup?scope=PAM&scopeId=" + pam.userId() + "&day=2026-11-22")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.closed").value(38.13));

		var kpi = this.kpis
			.compute(admin, Period.quarter(com.trellis.shared.FiscalQuarter.containing(TODAY, java.time.Month.JANUARY)),
					new Slice(Slice.Kind.PARTNER, "" + partner))
			.stream()
			.filter(k -> k.code().equals("PARTNER_SOURCED_REVENUE"))
			.map(Kpi::value)
			.findFirst()
			.orElseThrow();
		assertThat(kpi).isEqualTo("38.13");

		var pack = this.packs.pack(admin, "2026-Q4", Meeting.WEEKLY_CALL, 8, pam.userId());
		var bookings = pack.sections()
			.stream()
			.filter(s -> s.heading().equals("Last week's partner bookings"))
			.findFirst()
			.orElseThrow()
			.rows();
		assertThat(bookings.stream().map(row -> (BigDecimal) row.get(5)).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualTo("38.13");
	}

	@Test
	void thePackPageAndPdfShowTheCentsTheCsvCarries() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var pam = this.fixtures.user(Role.PAM);
		var rep = this.fixtures.user(Role.AE);
		long partner = this.fixtures.partner("Sterling Pages", pam.userId());
		long account = this.fixtures.account("Sterling page customer", null, rep.userId());
		for (int i = 0; i < 3; i++) {
			deal(account, rep, partner, "CLOSED_WON", "2026-11-14T10:00:00Z");
		}
		var session = login(admin);
		var url = "/cadence/2026-Q4/WEEKLY_CALL/8";
		var query = "?pam=" + pam.userId();

		// the page and the PDF showed each USD 12.71 as "13" and the total as "38"
		var page = this.mvc.perform(get(url + query).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("total 38.13.").contains(">12.71<").contains("Amount (USD)");
		var pdf = this.mvc.perform(get(url + "/pack.pdf" + query).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (var document = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(document)).contains("total 38.13.").contains("12.71");
		}
		var csv = this.mvc.perform(get(url + "/pack.csv" + query).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv).contains(",12.71\r\n");
		// the API names the currency of every money column
		new Api(this.mvc, this.fixtures.token(admin)).get("/api/v1/cadence/2026-Q4/WEEKLY_CALL/8" + query)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sections[0].columns[5].currency").value("USD"))
			.andExpect(jsonPath("$.sections[0].columns[0].currency").value(org.hamcrest.Matchers.nullValue()))
			.andExpect(jsonPath("$.sections[0].rows[0][5]").value(12.71));
	}

	@Test
	void noMoneyFigureOfAPackOrTheForecastHasMoreDecimalsThanTheReportingCurrency() {
		var admin = this.fixtures.user(Role.ADMIN);
		var pam = this.fixtures.user(Role.PAM);
		var rep = this.fixtures.user(Role.AE);
		long partner = this.fixtures.partner("Weighted Figures", pam.userId());
		long account = this.fixtures.account("Weighted customer", null, rep.userId());
		deal(account, rep, partner, "QUALIFIED", null);
		deal(account, rep, partner, "CLOSED_WON", "2026-11-03T10:00:00Z");

		var figures = this.forecasts.rollUp(admin, new Scope(Scope.Kind.PAM, pam.userId()), TODAY);
		assertThat(figures.values()).allSatisfy(value -> assertThat(value.scale()).isLessThanOrEqualTo(2));
		assertThat(figures.get("weighted")).isNotZero();

		for (var pack : List.of(this.packs.pack(admin, "2026-Q4", Meeting.WEEKLY_CALL, 8, pam.userId()),
				this.packs.pack(admin, "2026-Q4", Meeting.FORECAST_ONE_ON_ONE, 1, pam.userId()))) {
			assertThat(amounts(pack)).isNotEmpty()
				.allSatisfy(value -> assertThat(value.scale()).as(pack.meeting() + " " + value).isLessThanOrEqualTo(2));
		}
	}

	private static List<BigDecimal> amounts(Pack pack) {
		var amounts = new ArrayList<BigDecimal>();
		for (var section : pack.sections()) {
			for (int c = 0; c < section.columns().size(); c++) {
				if (section.columns().get(c).kind() != Pack.Kind.MONEY) {
					continue;
				}
				for (var row : section.rows()) {
					if (row.get(c) instanceof BigDecimal amount) {
						amounts.add(amount);
					}
				}
			}
		}
		return amounts;
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		var result = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	private void deal(long account, Viewer rep, long partner, String stage, String closedAt) {
		this.jdbc
			.sql("""
					INSERT INTO opportunity (account_id, name, amount, currency, stage, close_date, owner_id, source, partner_id,
					    credit_type, partner_share, stage_entered_at, created_at, closed_at, updated_at)
					VALUES (?, 'Sterling deal', 10.01, 'GBP', ?, DATE '2026-12-10', ?, 'PARTNER', ?, 'SOURCED', 20,
					        '2026-10-01', '2026-09-01', CAST(? AS TIMESTAMPTZ), now())
					""")
			.params(account, stage, rep.userId(), partner, closedAt)
			.update();
	}

}
