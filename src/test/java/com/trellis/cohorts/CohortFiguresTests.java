package com.trellis.cohorts;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.PageFigureStore;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Cohorts page's stored figures (issue 15) are exactly the per-request computation,
 * for the program and for each PAM's book, as rows per cohort and week (co41, V285); the
 * job fails this test if it leaves out the program, a book, a cohort or a week. The job
 * stores once a business day across instances, and its rows and its time together or not
 * at all.
 */
@TrellisTest
class CohortFiguresTests {

	@Autowired
	CohortFigures figures;

	@Autowired
	CohortFigureRows rows;

	@Autowired
	Cohorts cohorts;

	@Autowired
	PageFigureStore store;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	TestClock clock;

	@AfterEach
	void computePerRequestAgain() {
		this.jdbc.sql("DROP TRIGGER IF EXISTS cohort_journey_refused ON cohort_journey_week_kept").update();
		this.jdbc.sql("DROP FUNCTION IF EXISTS cohort_journey_refuse()").update();
		this.store.clear(CohortFigures.NAME);
		this.store.clear(CohortFigures.JOURNEY);
	}

	@Test
	void theStoredFiguresAreThePerRequestOnes() {
		clear();
		assertThat(this.figures.storeDaily()).isTrue();
		assertThat(this.figures.storeDaily()).as("once a business day").isFalse();

		var admin = new Viewer(0, "admin", Role.ADMIN, null);
		var program = this.cohorts.metrics(admin, null);
		assertThat(program).isNotEmpty();
		assertThat(program).anySatisfy(m -> assertThat(m.pipelineCreated()).isPositive());
		assertThat(program).anySatisfy(m -> assertThat(m.readinessMedian()).isNotNull());
		assertThat(this.rows.metrics(PageFigureStore.PROGRAM, ids())).isEqualTo(program);
		assertThat(this.figures.figuresAsOf(PageFigureStore.PROGRAM)).contains(this.clock.instant());

		long pamId = this.jdbc.sql("""
				SELECT p.owner_pam_id FROM cohort_membership m JOIN partner p ON p.id = m.partner_id
				WHERE m.valid_to IS NULL AND p.owner_pam_id IS NOT NULL
				GROUP BY p.owner_pam_id ORDER BY count(*) DESC, p.owner_pam_id LIMIT 1
				""").query(Long.class).single();
		var book = this.cohorts.metrics(new Viewer(pamId, "pam", Role.PAM, null), null);
		assertThat(book).isNotEmpty().isNotEqualTo(program);
		assertThat(book).anySatisfy(m -> assertThat(m.pipelineCreated()).isGreaterThan(BigDecimal.ZERO));
		assertThat(this.rows.metrics(pamId, ids())).isEqualTo(book);
	}

	@Test
	void theStoredJourneyIsThePerRequestOneForTheProgramAndEachBook() {
		clear();
		assertThat(this.figures.storedMoves(PageFigureStore.PROGRAM)).as("nothing stored yet").isEmpty();
		assertThat(this.figures.storeDaily()).isTrue();

		var program = this.cohorts.journey(new Viewer(0, "admin", Role.ADMIN, null), null);
		assertThat(program).isNotEmpty();
		assertThat(program).anySatisfy(w -> assertThat(w.awareness() + w.activation() + w.acceleration()).isPositive());
		assertThat(this.rows.journey(PageFigureStore.PROGRAM, ids())).isEqualTo(program);
		var moves = this.figures.storedMoves(PageFigureStore.PROGRAM).orElseThrow();
		assertThat(moves.value()).isEqualTo(CohortFigures.moves(program)).isNotEmpty();
		assertThat(moves.asOf()).isEqualTo(this.clock.instant());

		var pams = this.jdbc.sql("""
				SELECT DISTINCT p.owner_pam_id FROM cohort_membership m JOIN partner p ON p.id = m.partner_id
				WHERE p.owner_pam_id IS NOT NULL ORDER BY 1
				""").query(Long.class).list();
		assertThat(pams).isNotEmpty();
		int books = 0;
		for (long pamId : pams) {
			var book = this.cohorts.journey(new Viewer(pamId, "pam", Role.PAM, null), null);
			var kept = this.figures.storedMoves(pamId);
			if (book.isEmpty()) {
				assertThat(this.rows.journey(pamId, ids())).isEmpty();
				continue;
			}
			books++;
			assertThat(book).isNotEqualTo(program);
			assertThat(this.rows.journey(pamId, ids())).as("PAM %d's book", pamId).isEqualTo(book);
			assertThat(kept).as("PAM %d's moves", pamId)
				.hasValueSatisfying(k -> assertThat(k.value()).isEqualTo(CohortFigures.moves(book)));
		}
		assertThat(books).as("books with a journey").isPositive();
	}

	@Test
	void anotherInstanceHoldingTheRunStoresNothing() throws Exception {
		clear();
		try (Connection other = this.dataSource.getConnection()) {
			other.setAutoCommit(false);
			try (var lock = other.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
				lock.setString(1, "page-figures." + CohortFigures.JOURNEY);
				lock.execute();
			}
			try (var lock = other.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
				lock.setString(1, "page-figures." + CohortFigures.NAME);
				lock.execute();
			}
			assertThat(this.figures.storeDaily()).as("the other instance runs it").isFalse();
			assertThat(keptRows()).isZero();
			other.rollback();
		}
		assertThat(this.figures.storeDaily()).isTrue();
		assertThat(keptRows()).isPositive();
	}

	@Test
	void aRunThatFailsLeavesTheEarlierRowsAndTheirTime() {
		clear();
		assertThat(this.figures.storeDaily()).isTrue();
		var before = this.rows.journey(PageFigureStore.PROGRAM, ids());
		Instant then = this.clock.instant();
		this.clock.advance(Duration.ofDays(1));
		this.jdbc.sql("""
				CREATE OR REPLACE FUNCTION cohort_journey_refuse() RETURNS trigger LANGUAGE plpgsql AS
				$$ BEGIN RAISE EXCEPTION 'the disk is full'; END $$
				""").update();
		this.jdbc.sql("""
				CREATE TRIGGER cohort_journey_refused AFTER INSERT ON cohort_journey_week_kept
				FOR EACH STATEMENT EXECUTE FUNCTION cohort_journey_refuse()
				""").update();
		try {
			assertThatThrownBy(this.figures::storeDaily).hasMessageContaining("the disk is full");
			assertThat(this.figures.storedMoves(PageFigureStore.PROGRAM).orElseThrow().asOf()).isEqualTo(then);
			assertThat(this.rows.journey(PageFigureStore.PROGRAM, ids())).as("the earlier rows").isEqualTo(before);
		}
		finally {
			this.jdbc.sql("DROP TRIGGER cohort_journey_refused ON cohort_journey_week_kept").update();
		}
		assertThat(this.figures.storeDaily()).isTrue();
		assertThat(this.figures.storedMoves(PageFigureStore.PROGRAM).orElseThrow().asOf())
			.isEqualTo(this.clock.instant());
	}

	private void clear() {
		this.store.clear(CohortFigures.NAME);
		this.store.clear(CohortFigures.JOURNEY);
		this.jdbc.sql("DELETE FROM cohort_journey_week_kept").update();
		this.jdbc.sql("DELETE FROM cohort_metric_week_kept").update();
	}

	private long keptRows() {
		return this.jdbc.sql(
				"SELECT (SELECT count(*) FROM cohort_journey_week_kept) + (SELECT count(*) FROM cohort_metric_week_kept)")
			.query(Long.class)
			.single();
	}

	private List<Long> ids() {
		return this.jdbc.sql("SELECT id FROM cohort").query(Long.class).list();
	}

}
