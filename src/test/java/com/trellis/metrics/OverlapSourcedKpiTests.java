package com.trellis.metrics;

import java.time.LocalDate;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Overlap-sourced pipeline as a KPI: deals recorded as overlap-sourced in the period,
 * counted and summed in the reporting currency, for a slice of partners, on the API and
 * in the CSV like every other KPI.
 */
@TrellisTest
class OverlapSourcedKpiTests {

	private static final Period Q2 = Period.until(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 7, 1));

	@Autowired
	Kpis kpis;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void overlapSourcedDealsOfThePeriodAreCountedAndSummedPerSliceAndNothingElseIs() throws Exception {
		var a = this.fixtures.world("Overlap KPI A");
		var b = this.fixtures.world("Overlap KPI B");
		long ae = a.ae().userId();
		// A: two deals sourced from an overlap in Q2 2026 (USD 30,000 and EUR 10,000 at
		// the
		// seeded rate), one in Q1 (not in the period); B: one in Q2
		sourced(deal(a, "30000.00", "USD"), a.partnerId(), ae, "2026-04-10T10:00:00Z");
		sourced(deal(a, "10000.00", "EUR"), a.partnerId(), ae, "2026-06-30T21:00:00Z");
		sourced(deal(a, "99000.00", "USD"), a.partnerId(), ae, "2026-03-20T10:00:00Z");
		sourced(deal(b, "5000.00", "USD"), b.partnerId(), ae, "2026-05-01T10:00:00Z");
		var eur = this.jdbc.sql("SELECT to_reporting FROM exchange_rate WHERE currency = 'EUR'")
			.query(java.math.BigDecimal.class)
			.single();
		var aAmount = new java.math.BigDecimal("30000.00").add(new java.math.BigDecimal("10000.00").multiply(eur));

		var admin = this.fixtures.user(Role.ADMIN);
		var onlyA = figures(admin, new Slice(Slice.Kind.PARTNER, String.valueOf(a.partnerId())));
		assertThat(onlyA[0]).isEqualByComparingTo("2");
		assertThat(onlyA[1]).isEqualByComparingTo(aAmount.setScale(2, java.math.RoundingMode.HALF_UP));
		var onlyB = figures(admin, new Slice(Slice.Kind.PARTNER, String.valueOf(b.partnerId())));
		assertThat(onlyB[0]).isEqualByComparingTo("1");
		assertThat(onlyB[1]).isEqualByComparingTo("5000.00");

		var api = new Api(this.mvc, this.fixtures.token(admin));
		api.get("/api/v1/kpis?from=2026-04-01&to=2026-06-30&slice=PARTNER&sliceValue=" + b.partnerId())
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.code == 'OVERLAP_SOURCED_DEALS')].value").value(1))
			.andExpect(jsonPath("$[?(@.code == 'OVERLAP_SOURCED_PIPELINE')].value").value(5000.0))
			.andExpect(jsonPath("$[?(@.code == 'OVERLAP_SOURCED_PIPELINE')].currency").value("USD"));
		api.get("/api/v1/kpis/OVERLAP_SOURCED_PIPELINE/records?from=2026-04-01&to=2026-06-30&slice=PARTNER&sliceValue="
				+ a.partnerId())
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2));
		this.mvc
			.perform(MockMvcRequestBuilders
				.get("/metrics/export.csv?from=2026-04-01&to=2026-06-30&slice=PARTNER&sliceValue=" + b.partnerId())
				.session(login(admin)))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("OVERLAP_SOURCED_PIPELINE,Overlap-sourced pipeline,MONEY,5000.00")));
		// a partner user sees its own figure only
		var ofB = figures(b.partnerUser(), new Slice(null, null));
		assertThat(ofB[0]).isEqualByComparingTo("1");
	}

	private org.springframework.mock.web.MockHttpSession login(Viewer viewer) throws Exception {
		var result = this.mvc
			.perform(MockMvcRequestBuilders.post("/login")
				.param("username", this.fixtures.email(viewer))
				.param("password", "secret")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.csrf()))
			.andReturn();
		return (org.springframework.mock.web.MockHttpSession) result.getRequest().getSession(false);
	}

	private java.math.BigDecimal[] figures(Viewer viewer, Slice slice) {
		var found = this.kpis.compute(viewer, Q2, slice,
				java.util.Set.of("OVERLAP_SOURCED_DEALS", "OVERLAP_SOURCED_PIPELINE"));
		var count = found.stream().filter(k -> k.code().equals("OVERLAP_SOURCED_DEALS")).findFirst().orElseThrow();
		var amount = found.stream().filter(k -> k.code().equals("OVERLAP_SOURCED_PIPELINE")).findFirst().orElseThrow();
		return new java.math.BigDecimal[] { count.value(), amount.value() };
	}

	private long deal(Fixtures.World world, String amount, String currency) {
		long deal = this.fixtures.partnerDeal(world.accountId(), world.ae().userId(), world.partnerId(), amount);
		this.jdbc.sql("UPDATE opportunity SET currency = :c, credit_type = 'CO_SELL', source = 'DIRECT' WHERE id = :id")
			.param("c", currency)
			.param("id", deal)
			.update();
		return deal;
	}

	private void sourced(long deal, long partner, long by, String at) {
		this.jdbc
			.sql("""
					INSERT INTO overlap_sourced_deal (opportunity_id, partner_id, via, acted_by, recorded_at, shown_to, shown_at)
					VALUES (:deal, :partner, 'ATTACHED', :by, CAST(:at AS TIMESTAMPTZ), :by, CAST(:at AS TIMESTAMPTZ) - INTERVAL '1 day')
					""")
			.param("deal", deal)
			.param("partner", partner)
			.param("by", by)
			.param("at", at)
			.update();
	}

}
