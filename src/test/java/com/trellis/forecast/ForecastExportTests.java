package com.trellis.forecast;

import java.math.BigDecimal;

import com.trellis.identity.Role;
import com.trellis.shared.BusinessCalendar;
import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The deals of a quarter's forecast as CSV ({@link ForecastExport}): the page lists the
 * 50 largest and nothing else read the rest (s63). The file holds every line of the
 * scope's roll-up, the page's 50 first, its weighted column adds up to the roll-up's
 * weighted pipeline, and the scope is refused as on the page.
 */
@TrellisTest
class ForecastExportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Forecasts forecasts;

	@Autowired
	BusinessCalendar calendar;

	@Test
	void theProgramsFileHoldsEveryLineThePageStartsWith() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var session = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(admin);
		var today = this.calendar.today();
		var page = Readers.read(this.mvc, session, "/forecast?scope=PROGRAM");
		assertThat(page).contains("href=\"/forecast/export.csv?scope=PROGRAM\"");
		var rows = Readers.records(this.mvc, session, "/forecast/export.csv?scope=PROGRAM");
		var top = this.forecasts.lines(admin, Scope.PROGRAM, today, 50);
		assertThat(top).hasSize(50);
		assertThat(rows).as("every line, not the page's 50").hasSizeGreaterThan(50);
		assertThat(rows.subList(0, 50).stream().map(r -> Long.parseLong(r.get("opportunity_id"))).toList())
			.isEqualTo(top.stream().map(ForecastLine::opportunityId).toList());
		assertThat(rows).allSatisfy(r -> {
			assertThat(r.get("quarter")).isEqualTo(this.calendar.quarterOf(today).label());
			assertThat(r.get("currency")).isEqualTo("USD");
			assertThat(r.get("category")).isIn("COMMIT", "BEST_CASE", "PIPELINE");
		});
	}

	@Test
	void aPamReadsTheirOwnBookAddingUpToItsWeightedPipelineAndIsRefusedAnothers() throws Exception {
		var world = this.fixtures.world("Forecast Export s63");
		var other = this.fixtures.world("Forecast Export Other s63");
		var readers = new Readers(this.mvc, this.jdbc, this.fixtures);
		var pam = readers.signIn(world.pam());
		// the quarter the world's deal is expected in: the file holds it, and the other
		// PAM's deal of the same quarter is not in it
		this.fixtures.partnerDeals(world.accountId(), world.ae().userId(), world.partnerId(), "1234.57", 3);
		var expected = this.forecasts.of(world.pam(), world.dealId()).expectedClose();
		var own = Readers.records(this.mvc, pam, "/forecast/export.csv?day=" + expected);
		assertThat(own).extracting(r -> Long.parseLong(r.get("opportunity_id")))
			.contains(world.dealId())
			.doesNotContain(other.dealId())
			.containsExactlyElementsOf(
					this.forecasts.allLines(world.pam(), new Scope(Scope.Kind.PAM, world.pam().userId()), expected)
						.stream()
						.map(ForecastLine::opportunityId)
						.toList());
		// the weighted column adds up to the roll-up's weighted pipeline, each line
		// rounded
		// to the cent and the roll-up once
		var weighted = own.stream()
			.filter(r -> !r.get("weighted").isEmpty())
			.map(r -> new BigDecimal(r.get("weighted")))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		var rollUp = this.forecasts.rollUp(world.pam(), new Scope(Scope.Kind.PAM, world.pam().userId()), expected)
			.get("weighted");
		assertThat(own).hasSizeGreaterThan(1);
		assertThat(weighted.subtract(rollUp).abs())
			.isLessThanOrEqualTo(new BigDecimal("0.005").multiply(BigDecimal.valueOf(own.size())));
		this.mvc
			.perform(get("/forecast/export.csv").param("scope", "PAM")
				.param("scopeId", String.valueOf(other.pam().userId()))
				.param("day", "not a day")
				.session(pam))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/forecast/export.csv").session(readers.signIn(world.partnerUser())))
			.andExpect(status().isForbidden());
		assertThat(this.mvc.perform(get("/forecast/export.csv").param("day", "1850-01-01").session(pam))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("data-field=\"day\"");
	}

}
