package com.trellis.shared;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import com.trellis.activation.ActivationPlans;
import com.trellis.identity.ApiTokens;
import com.trellis.identity.Role;
import com.trellis.identity.TokenView;
import com.trellis.identity.Viewer;
import com.trellis.incentives.Incentives;
import com.trellis.incentives.ProgramCommand;
import com.trellis.incentives.ProgramKind;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Days counted in the vendor's business zone (Auckland here) while the JVM runs in New
 * York: the fast-start SPIFF's window, the activation verdict at day 90 and an API
 * token's last valid day. In Auckland a moment just after midnight is still the day
 * before in UTC, so counting in UTC (or in New York) gives a different answer.
 */
@TrellisTest
@TestPropertySource(properties = { "trellis.demo.enabled=false", "trellis.forecast.snapshot-cron=-",
		"trellis.business.time-zone=Pacific/Auckland" })
class BusinessZoneTests {

	private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");

	private static final LocalDate ONBOARDED = LocalDate.of(2026, 8, 1);

	@Autowired
	Fixtures fixtures;

	@Autowired
	Incentives incentives;

	@Autowired
	ActivationPlans activation;

	@Autowired
	com.trellis.activation.ActivationProgress progress;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	MockMvc mvc;

	private TimeZone jvmZone;

	@BeforeEach
	void runTheJvmInNewYork() {
		this.jvmZone = TimeZone.getDefault();
		TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
	}

	@AfterEach
	void restoreTheJvmZone() {
		TimeZone.setDefault(this.jvmZone);
	}

	@Test
	void theFastStartWindowCountsDaysInTheBusinessZone() {
		var spiff = this.incentives.createProgram(this.fixtures.user(Role.ADMIN),
				new ProgramCommand("Fast start Auckland", ProgramKind.FAST_START_SPIFF, "USD", LocalDate.of(2026, 1, 1),
						null, Map.of("bonus", "500.00", "firstDeals", "1", "withinDays", "90")));
		// 00:30 on the onboarding day in Auckland: 31 July in UTC, yet inside the window
		var early = onboardedWorld("Early Auckland Partners");
		win(early.dealId(), at(ONBOARDED, 0, 30));
		this.incentives.earnForWin(early.partnerId(), early.dealId());
		// 00:30 on day 90 in Auckland: still day 89 in UTC, yet outside the window
		var late = onboardedWorld("Late Auckland Partners");
		win(late.dealId(), at(ONBOARDED.plusDays(90), 0, 30));
		this.incentives.earnForWin(late.partnerId(), late.dealId());

		assertThat(spiffs(early.partnerId(), spiff.id())).containsExactly("500.00");
		assertThat(spiffs(late.partnerId(), spiff.id())).isEmpty();
	}

	@Test
	void theActivationVerdictAtDay90CountsDaysInTheBusinessZone() {
		this.clock.set(Instant.parse("2026-11-15T00:00:00Z"));
		// 23:30 on the last day of the window in Auckland counts
		var lastMinute = onboardedWorld("Last Minute Activators");
		win(lastMinute.dealId(), at(ONBOARDED.plusDays(89), 23, 30));
		// 00:30 the day after in Auckland (still the last day in UTC) does not
		var tooLate = onboardedWorld("Too Late Activators");
		win(tooLate.dealId(), at(ONBOARDED.plusDays(90), 0, 30));
		for (var world : List.of(lastMinute, tooLate)) {
			this.progress.start(world.partnerId(), ONBOARDED);
			this.progress.refresh(world.partnerId());
		}

		assertThat(this.activation.plan(lastMinute.pam(), lastMinute.partnerId()).status()).isEqualTo("ACTIVATED");
		assertThat(this.activation.plan(tooLate.pam(), tooLate.partnerId()).status()).isEqualTo("NOT_ACTIVATED");
	}

	@Test
	void aTokensLastValidDayIsADayInTheBusinessZone() throws Exception {
		// 2026-11-22T12:00Z is already 23 November in Auckland
		this.clock.set(Instant.parse("2026-11-22T12:00:00Z"));
		var user = this.fixtures.user(Role.PAM);
		var session = login(user);
		var page = issue(session, "until Friday", "2026-11-27");
		var today = issue(session, "until today", "2026-11-23");
		var refused = issue(session, "until yesterday", "2026-11-22");

		assertThat(token(user, "until Friday").expiresAt()).isEqualTo(at(LocalDate.of(2026, 11, 28), 0, 0));
		// the day typed, not the moment after it (try72)
		assertThat(page).contains("Pacific/Auckland").contains("2026-11-27, end of day");
		assertThat(token(user, "until today").expiresAt()).isEqualTo(at(LocalDate.of(2026, 11, 24), 0, 0));
		assertThat(today).contains("2026-11-23, end of day");
		assertThat(refused).contains("must be a day from today (2026-11-23)");
		assertThat(this.tokens.list(user, null)).extracting(TokenView::name).doesNotContain("until yesterday");
	}

	private Fixtures.World onboardedWorld(String name) {
		var world = this.fixtures.world(name);
		this.jdbc.sql("UPDATE partner SET onboarded_on = ? WHERE id = ?").params(ONBOARDED, world.partnerId()).update();
		this.jdbc.sql("UPDATE opportunity SET created_at = ? WHERE id = ?")
			.params(Timestamp.from(at(ONBOARDED.plusDays(4), 10, 0)), world.dealId())
			.update();
		return world;
	}

	private static Instant at(LocalDate day, int hour, int minute) {
		return LocalDateTime.of(day, java.time.LocalTime.of(hour, minute)).atZone(AUCKLAND).toInstant();
	}

	private void win(long dealId, Instant at) {
		this.jdbc.sql("UPDATE opportunity SET stage = 'CLOSED_WON', closed_at = ? WHERE id = ?")
			.params(Timestamp.from(at), dealId)
			.update();
	}

	private List<String> spiffs(long partnerId, long programId) {
		return this.jdbc.sql(
				"SELECT round(amount, 2)::text FROM incentive_earning WHERE partner_id = ? AND program_id = ? ORDER BY id")
			.params(partnerId, programId)
			.query(String.class)
			.list();
	}

	private TokenView token(Viewer user, String name) {
		return this.tokens.list(user, null).stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
	}

	private String issue(MockHttpSession session, String name, String lastDay) throws Exception {
		return this.mvc
			.perform(post("/me/tokens").session(session).param("name", name).param("expiresOn", lastDay).with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		var result = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
