package com.trellis.plays;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;

import com.trellis.identity.Role;
import com.trellis.shared.BusinessCalendar;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A play's effectiveness read from the deals: the side with the play is this test's own
 * deals only (a new play), so its figures are hand-computed, money exact; a deal closed
 * before the window and a deal of another segment do not count.
 */
@TrellisTest
class PlayEffectsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	Plays plays;

	@Test
	void theDealsWithThePlayGiveHandComputedWinRateCycleAndSize() throws Exception {
		var world = this.fixtures.world("Plays Effect");
		var admin = this.fixtures.user(Role.ADMIN);
		long play = this.plays
			.create(admin,
					new PlayCommand("Effect play", "EXPANSION", "CSM", "Head of ops", "They run it", "At renewal",
							"Manual work", java.util.List.of("SI"), java.util.List.of(), java.util.List.of()))
			.id();
		// with the play, segment 201-1000: won 30 d USD 1000.00, won 40 d USD 2000.01,
		// won 20 d EUR 500.00, lost, lost
		closed(world, play, "201-1000", true, 30, "1000.00", "USD", 10);
		closed(world, play, "201-1000", true, 40, "2000.01", "USD", 10);
		closed(world, play, "201-1000", true, 20, "500.00", "EUR", 10);
		closed(world, play, "201-1000", false, 15, "700.00", "USD", 10);
		closed(world, play, "201-1000", false, 15, "700.00", "USD", 10);
		// closed 400 days ago: outside the window
		closed(world, play, "201-1000", true, 5, "99999.00", "USD", 400);
		var api = new Api(this.mvc, this.fixtures.token(admin));
		var before = comparableCount(api, play);
		closed(world, null, "201-1000", false, 10, "100.00", "USD", 10);
		closed(world, null, "201-1000", true, 10, "100.00", "USD", 10);
		closed(world, null, "1-50", true, 10, "100.00", "USD", 10);

		api.get("/api/v1/plays/" + play + "/effectiveness")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.segments").value(contains("201-1000")))
			.andExpect(jsonPath("$.used.closed").value(5))
			.andExpect(jsonPath("$.used.won").value(3))
			.andExpect(jsonPath("$.used.winRate").value(60.0))
			// (30 + 40 + 20) / 3
			.andExpect(jsonPath("$.used.averageCycleDays").value(30.0))
			// (1000.00 + 2000.01) / 2 = 1500.005, half up
			.andExpect(jsonPath("$.used.averageSize.USD").value(1500.01))
			.andExpect(jsonPath("$.used.averageSize.EUR").value(500.00))
			.andExpect(jsonPath("$.comparable.closed").value(before + 2))
			.andExpect(jsonPath("$.reason").value(org.hamcrest.Matchers.containsString("with the play (60.0 %)")));
		// low31: the reason is worded in the reader's notation
		new com.trellis.support.Readers(this.mvc, this.jdbc, this.fixtures).german(admin);
		api.get("/api/v1/plays/" + play + "/effectiveness")
			.andExpect(jsonPath("$.reason").value(org.hamcrest.Matchers.containsString("with the play (60,0 %)")));
		new Api(this.mvc, this.fixtures.token(world.partnerUser())).get("/api/v1/plays/" + play + "/effectiveness")
			.andExpect(status().isForbidden());
	}

	@Test
	void thePlayPageShowsTheAverageCycleInDaysWithOneDecimal() throws Exception {
		var world = this.fixtures.world("Plays Effect Page");
		var admin = this.fixtures.user(Role.ADMIN);
		long play = this.plays
			.create(admin,
					new PlayCommand("Cycle play", "EXPANSION", "CSM", "Head of ops", "They run it", "At renewal",
							"Manual work", java.util.List.of("SI"), java.util.List.of(), java.util.List.of()))
			.id();
		// won with the play after 63 days
		closed(world, play, "1001-5000", true, 63, "1000.00", "USD", 10);
		var session = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(admin)).param("password", "secret").with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
		this.mvc.perform(get("/plays/" + play).session((MockHttpSession) session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<td>63.0</td>")))
			.andExpect(content().string(not(containsString("63.00"))));
	}

	private int comparableCount(Api api, long play) throws Exception {
		var json = api.get("/api/v1/plays/" + play + "/effectiveness").andReturn().getResponse().getContentAsString();
		return Integer.parseInt(json.replaceAll(".*\"comparable\":\\{\"closed\":(\\d+).*", "$1"));
	}

	private void closed(Fixtures.World world, Long play, String band, boolean won, int cycleDays, String amount,
			String currency, int closedDaysAgo) {
		long account = this.fixtures.account("Effect customer " + System.nanoTime(), null, world.ae().userId());
		this.jdbc.sql("UPDATE account SET employee_band = ? WHERE id = ?").params(band, account).update();
		long deal = this.fixtures.partnerDeal(account, world.ae().userId(), world.partnerId(), amount);
		var closedAt = this.calendar.startOf(this.calendar.today().minusDays(closedDaysAgo)).plus(Duration.ofHours(12));
		var createdAt = this.calendar.startOf(this.calendar.today().minusDays(closedDaysAgo + cycleDays))
			.plus(Duration.ofHours(12));
		this.jdbc.sql("""
				UPDATE opportunity SET stage = ?, closed_at = ?, created_at = ?, amount = ?, currency = ? WHERE id = ?
				""")
			.params(won ? "CLOSED_WON" : "CLOSED_LOST", Timestamp.from(closedAt), Timestamp.from(createdAt),
					new BigDecimal(amount), currency, deal)
			.update();
		if (play != null) {
			this.jdbc.sql("""
					INSERT INTO play_use (play_id, version, opportunity_id, partner_id, used_by, used_at)
					VALUES (?, 1, ?, ?, ?, ?)
					""").params(play, deal, world.partnerId(), world.ae().userId(), Timestamp.from(createdAt)).update();
		}
	}

}
