package com.trellis.scoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;
import com.trellis.support.CountedStatements;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.ExtendedModelMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the book of scores reads: a page sorted by behaviour within the chart's first
 * {@value PageRequest#MAX_SIZE} lines is cut from them (one read of the lines, not two),
 * the same lines as a read of its own; and the drift alerts in force, for the program and
 * for a PAM's book, are those the statement before V275 chose, and its pages joined are
 * that list in the book's order.
 */
@TrellisTest
class ScoreBookReadsTests {

	@Autowired
	ScorePageController controller;

	@Autowired
	PartnerScores scores;

	@Autowired
	IntelligenceStore store;

	@Autowired
	IntelligencePages pages;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aPageSortedByBehaviourWithinTheChartIsCutFromTheChartsLines() {
		var admin = this.fixtures.user(Role.ADMIN);
		var byBehaviour = book(admin, "behaviour", 0, 20);
		var secondPage = book(admin, "behaviour", 1, 20);
		var byReadiness = book(admin, "readiness", 0, 20);

		assertThat(byBehaviour.lines().items()).as("lines to compare").hasSize(20);
		assertThat(byBehaviour.lines()).isEqualTo(this.scores.list(admin, "behaviour", new PageRequest(0, 20)));
		assertThat(secondPage.lines()).isEqualTo(this.scores.list(admin, "behaviour", new PageRequest(1, 20)));
		assertThat(byReadiness.lines()).isEqualTo(this.scores.list(admin, "readiness", new PageRequest(0, 20)));
		assertThat(byBehaviour.statements())
			.as("the behaviour page reads no lines, count or names beside the chart's (the readiness page's: %d)",
					byReadiness.statements())
			.isEqualTo(byReadiness.statements() - 3)
			.isEqualTo(secondPage.statements());
	}

	private record Book(PageResult<ScoreLine> lines, int statements) {
	}

	/** The book page as an admin signed in reads it, and the statements it sent. */
	@SuppressWarnings("unchecked")
	private Book book(Viewer viewer, String sort, int page, int size) {
		var model = new ExtendedModelMap();
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(viewer.name(), null,
					AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
		try {
			var read = CountedStatements.of(this.dataSource,
					() -> this.controller.book(viewer, sort, page, size, null, null, null, null, model));
			return new Book((PageResult<ScoreLine>) model.get("lines"), read.statements());
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	@Test
	void theAlertsInForceAreThoseTheStatementBeforeChoseForTheProgramAndABook() {
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> {
			status.setRollbackOnly();
			var book = drifts();
			assertThat(this.store.currentAlerts(null)).as("the program's").isEqualTo(before(null)).isNotEmpty();
			assertThat(this.store.currentAlerts(book)).as("a book's").isEqualTo(before(book)).isNotEmpty();
			assertThat(this.store.currentAlerts(List.of())).isEmpty();
		});
	}

	/**
	 * The drift list a page at a time (issue 15): every page of the program's and of a
	 * book's, joined, is the whole list of alerts in force in its order (stalling first,
	 * the steepest slope first, then partner and score; many slopes tie), no alert twice
	 * or left out, and the count is its length; so again after alerts are deleted and
	 * drift states change (the kept alerts in force, V283, follow every write).
	 */
	@Test
	void everyPageOfTheAlertsInForceJoinedIsTheWholeListInItsOrder() {
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> {
			status.setRollbackOnly();
			var book = drifts();
			pagesJoinedAreTheWholeList(book);
			this.jdbc.sql("DELETE FROM score_drift_alert WHERE id % 5 = 0").update();
			this.jdbc.sql("UPDATE score_drift SET state = 'STEADY' WHERE partner_id % 4 = 0").update();
			this.jdbc.sql("UPDATE score_drift SET state = 'STALLING' WHERE partner_id % 4 = 1").update();
			pagesJoinedAreTheWholeList(book);
			assertThat(this.pages.driftPage(List.of(), new PageRequest(0, 7))).isEmpty();
			assertThat(this.pages.driftCount(List.of())).isZero();
		});
	}

	private void pagesJoinedAreTheWholeList(List<Long> book) {
		for (var scope : java.util.Arrays.asList(null, book)) {
			var whole = new ArrayList<>(this.store.currentAlerts(scope));
			whole.sort(java.util.Comparator.comparing(IntelligenceStore.Alert::state)
				.reversed()
				.thenComparing(a -> a.slope().abs(), java.util.Comparator.reverseOrder())
				.thenComparing(IntelligenceStore.Alert::partnerId)
				.thenComparing(a -> a.pillar().name()));
			var joined = new ArrayList<IntelligenceStore.Alert>();
			for (int page = 0; page * 7 < whole.size() + 7; page++) {
				joined.addAll(this.pages.driftPage(scope, new PageRequest(page, 7)));
			}
			assertThat(joined).as(scope == null ? "the program's" : "a book's").isEqualTo(whole).isNotEmpty();
			assertThat(this.pages.driftCount(scope)).isEqualTo(whole.size());
		}
	}

	/**
	 * Drift states and alerts (several per partner and score, of either state, some
	 * slopes alike) for the first 40 partners; returns a book of 12 of them and an id of
	 * no partner.
	 */
	private List<Long> drifts() {
		var partners = this.jdbc.sql("SELECT id FROM partner ORDER BY id LIMIT 40").query(Long.class).list();
		var random = new Random(20261203L);
		var states = List.of("BUILDING", "STALLING", "STEADY", "UNKNOWN");
		var raised = Instant.parse("2019-03-04T05:40:00Z");
		for (long partner : partners) {
			for (var pillar : Pillar.values()) {
				var state = states.get(random.nextInt(states.size()));
				this.jdbc.sql("""
						INSERT INTO score_drift (partner_id, pillar, state, slope, week_start, reason)
						VALUES (:partner, :pillar, :state, 1.5, DATE '2019-04-01', 'drift')
						ON CONFLICT (partner_id, pillar) DO UPDATE SET state = EXCLUDED.state
						""").param("partner", partner).param("pillar", pillar.name()).param("state", state).update();
				for (int week = 0; week < 6; week++) {
					if (random.nextInt(2) == 0) {
						raised = raised.plusSeconds(1 + random.nextInt(1000));
						var slope = java.math.BigDecimal.valueOf(150 + random.nextInt(6) * 50, 2)
							.multiply(java.math.BigDecimal.valueOf(random.nextBoolean() ? 1 : -1));
						alert(partner, pillar, random.nextBoolean() ? "BUILDING" : "STALLING",
								LocalDate.of(2019, 3, 4).plusWeeks(week), raised, slope);
					}
				}
			}
		}
		var book = new ArrayList<>(partners.subList(5, 17));
		book.add(-7L);
		return book;
	}

	private void alert(long partner, Pillar pillar, String state, LocalDate week, Instant at,
			java.math.BigDecimal slope) {
		this.jdbc.sql("""
				INSERT INTO score_drift_alert (partner_id, pillar, state, slope, week_start, reason, signals, raised_at)
				VALUES (:partner, :pillar, :state, :slope, :week, 'moved', 'signals', :at)
				ON CONFLICT (partner_id, pillar, week_start) DO NOTHING
				""")
			.param("partner", partner)
			.param("pillar", pillar.name())
			.param("state", state)
			.param("slope", slope)
			.param("week", week)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** The alerts in force as read before V275 (every alert and drift of the program). */
	private List<IntelligenceStore.Alert> before(List<Long> partners) {
		var sql = this.jdbc.sql("""
				SELECT DISTINCT ON (a.partner_id, a.pillar) a.partner_id, a.pillar, a.state, a.slope, a.week_start,
				       a.reason, a.signals, a.raised_at
				FROM score_drift_alert a JOIN score_drift d ON d.partner_id = a.partner_id AND d.pillar = a.pillar
				WHERE d.state = a.state %s
				ORDER BY a.partner_id, a.pillar, a.raised_at DESC
				""".formatted(partners == null ? "" : "AND a.partner_id IN (:partners)"));
		if (partners != null) {
			sql.param("partners", partners);
		}
		return sql
			.query((rs, n) -> new IntelligenceStore.Alert(rs.getLong(1), Pillar.valueOf(rs.getString(2)),
					rs.getString(3), rs.getBigDecimal(4), rs.getObject(5, LocalDate.class), rs.getString(6),
					rs.getString(7), rs.getTimestamp(8).toInstant()))
			.list();
	}

}
