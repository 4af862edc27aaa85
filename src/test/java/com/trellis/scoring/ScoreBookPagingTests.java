package com.trellis.scoring;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.trellis.identity.Role;
import com.trellis.shared.PageFigureStore;
import com.trellis.support.Api;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The book of scores shows a page of each of its lists with the list's total and links to
 * the rest (issue 15: every alert in force of a 40,000-partner program was named and
 * rendered on every request), for a PAM's own partners only; bad page parameters are
 * named (400), a partner user is refused (403).
 */
@TrellisTest
class ScoreBookPagingTests {

	private static final Pattern DRIFT_ROW = Pattern.compile(">(Paged Drift \\d+)</a>");

	private static final Pattern POTENTIAL_ROW = Pattern.compile(">(Paged Potential \\d+)</a>");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PageFigureStore figures;

	@Test
	void thePamSeesAPageOfTheirAlertsInForceWithTheTotalAndThePagesAfterHoldTheRestOnce() throws Exception {
		var pam = this.fixtures.user(Role.PAM);
		var expected = new ArrayList<String>();
		// 30 alerts in force: 12 stalling, then 18 building, each steeper than the next
		for (int i = 1; i <= 30; i++) {
			var name = "Paged Drift %02d".formatted(i);
			long partner = this.fixtures.partner(name, pam.userId());
			drift(partner, i <= 12 ? "STALLING" : "BUILDING", BigDecimal.valueOf(40 - i, 1));
			expected.add(name);
		}
		var other = this.fixtures.user(Role.PAM);
		drift(this.fixtures.partner("Paged Drift 99", other.userId()), "STALLING", new BigDecimal("9.9"));
		var session = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(pam);

		var first = page(session, "/scores?sort=partner");
		assertThat(rows(DRIFT_ROW, first)).as("the first 25, stalling and steepest first")
			.containsExactlyElementsOf(expected.subList(0, 25));
		assertThat(first).contains("30 alerts in force, showing 1–25")
			.as("another PAM's partner is neither shown nor counted")
			.doesNotContain("Paged Drift 99")
			.as("the partners after the page are not named")
			.doesNotContain("Paged Drift 26");
		assertThat(first).as("the next page's link keeps the reader's query")
			.contains("href=\"/scores?sort=partner&amp;driftPage=1\"");

		var second = page(session, "/scores?sort=partner&driftPage=1");
		assertThat(rows(DRIFT_ROW, second)).containsExactlyElementsOf(expected.subList(25, 30));
		assertThat(second).contains("30 alerts in force, showing 26–30");

		var api = new Api(this.mvc, this.fixtures.token(pam));
		api.get("/api/v1/scores/drift?size=10&page=2")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(30))
			.andExpect(jsonPath("$.page").value(2))
			.andExpect(jsonPath("$.size").value(10))
			.andExpect(jsonPath("$.items.length()").value(10))
			.andExpect(jsonPath("$.items[0].partnerName").value("Paged Drift 21"))
			.andExpect(jsonPath("$.items[9].partnerName").value("Paged Drift 30"));
		api.get("/api/v1/scores/drift/export.csv")
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("Paged Drift 30")));
	}

	@Test
	void theStoredHighPotentialListIsShownAPageAtATimeForThePamsBookOnly() throws Exception {
		var pam = this.fixtures.user(Role.PAM);
		var expected = new ArrayList<String>();
		var ids = new ArrayList<Long>();
		for (int i = 1; i <= 27; i++) {
			var name = "Paged Potential %02d".formatted(i);
			long partner = this.fixtures.partner(name, pam.userId());
			// two of the same behaviour: the lower partner id first
			potential(partner, BigDecimal.valueOf(990 - (i == 2 ? 10 : 10 * i), 1));
			expected.add(name);
			ids.add(partner);
		}
		long elsewhere = this.fixtures.partner("Paged Potential 99", this.fixtures.user(Role.PAM).userId());
		potential(elsewhere, new BigDecimal("99.5"));
		ids.add(elsewhere);
		boolean storedBefore = this.figures.storedSince(PartnerIntelligence.HIGH_POTENTIAL, Instant.EPOCH);
		this.figures.replace(PartnerIntelligence.HIGH_POTENTIAL, Map.of(PageFigureStore.PROGRAM, Map.of("lines", 28)),
				Instant.now());
		try {
			var session = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(pam);
			var first = page(session, "/scores");
			assertThat(rows(POTENTIAL_ROW, first)).containsExactlyElementsOf(expected.subList(0, 25));
			assertThat(first).contains("27 partners of high potential, showing 1–25")
				.contains("id=\"high-potential-as-of\"")
				.doesNotContain("Paged Potential 99");
			var second = page(session, "/scores?potentialPage=1&driftPage=0");
			assertThat(rows(POTENTIAL_ROW, second)).containsExactlyElementsOf(expected.subList(25, 27));
			assertThat(second).contains("showing 26–27")
				.as("the previous page's link keeps the drift list's page")
				.contains("href=\"/scores?driftPage=0&amp;potentialPage=0\"");
			var past = page(session, "/scores?potentialPage=5");
			assertThat(rows(POTENTIAL_ROW, past)).isEmpty();
			assertThat(past).contains("Page 6 is past the end");
		}
		finally {
			this.jdbc.sql("DELETE FROM high_potential_line WHERE partner_id = ANY (CAST(:ids AS BIGINT[]))")
				.param("ids", ids.toArray(Long[]::new))
				.update();
			if (!storedBefore) {
				this.figures.clear(PartnerIntelligence.HIGH_POTENTIAL);
			}
		}
	}

	@Test
	void badPageParametersAreNamedAndAPartnerUserIsRefusedFirst() throws Exception {
		var world = this.fixtures.world("Paged Parameters");
		var readers = new Readers(this.mvc, this.jdbc, this.fixtures);
		var admin = readers.signIn(this.fixtures.user(Role.ADMIN));
		for (var bad : List.of("driftPage=-1&potentialSize=0 | driftPage potentialSize", "driftPage=abc | driftPage",
				"potentialPage=99999999999 | potentialPage", "driftPage=2147483000 | driftPage",
				"driftSize=201&potentialPage=-3 | driftSize potentialPage")) {
			var parts = bad.split(" \\| ");
			var body = this.mvc.perform(get("/scores?" + parts[0]).session(admin))
				.andExpect(status().isBadRequest())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(Readers.namedFields(body)).as(parts[0]).containsExactlyInAnyOrder(parts[1].split(" "));
		}
		var api = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		for (var list : List.of("drift", "high-potential")) {
			api.get("/api/v1/scores/" + list + "?page=-1")
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("page"));
			api.get("/api/v1/scores/" + list + "?size=500")
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("size"));
		}
		var partner = readers.signIn(world.partnerUser());
		for (var url : List.of("/scores?driftPage=-1", "/scores?potentialPage=abc", "/scores")) {
			this.mvc.perform(get(url).session(partner)).andExpect(status().isForbidden());
		}
		new Api(this.mvc, this.fixtures.token(world.partnerUser())).get("/api/v1/scores/drift?page=-1")
			.andExpect(status().isForbidden());
	}

	private String page(MockHttpSession session, String url) throws Exception {
		return com.trellis.support.Readers.read(this.mvc, session, url);
	}

	private static List<String> rows(Pattern row, String page) {
		return row.matcher(page).results().map(m -> m.group(1)).toList();
	}

	/** A behaviour drift in force: the drift state and its alert. */
	private void drift(long partner, String state, BigDecimal slope) {
		var signed = "STALLING".equals(state) ? slope.negate() : slope;
		this.jdbc.sql("""
				INSERT INTO score_drift (partner_id, pillar, state, slope, week_start, reason)
				VALUES (:partner, 'BEHAVIOUR', :state, :slope, DATE '2026-11-02', 'drifting')
				""").param("partner", partner).param("state", state).param("slope", signed).update();
		this.jdbc.sql("""
				INSERT INTO score_drift_alert (partner_id, pillar, state, slope, week_start, reason, signals, raised_at)
				VALUES (:partner, 'BEHAVIOUR', :state, :slope, DATE '2026-11-02', 'drifting', 'signals', :at)
				""")
			.param("partner", partner)
			.param("state", state)
			.param("slope", signed)
			.param("at", Timestamp.from(Instant.parse("2026-11-02T05:40:00Z")))
			.update();
	}

	private void potential(long partner, BigDecimal behaviour) {
		this.jdbc.sql("""
				INSERT INTO high_potential_line (partner_id, readiness, behaviour, trust, pipeline_180_days, reason,
				                                 evidence)
				VALUES (:partner, 90, :behaviour, 50, 0, 'no pipeline yet', 'signals')
				""").param("partner", partner).param("behaviour", behaviour).update();
	}

}
