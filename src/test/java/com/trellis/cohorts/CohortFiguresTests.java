package com.trellis.cohorts;

import java.math.BigDecimal;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.PageFigureStore;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Cohorts page's stored figures (issue 15) are exactly the per-request computation,
 * for the program and for a PAM's book; the job fails this test if it leaves out the
 * program, the books or a week. The program's journey is stored too, and equals the
 * per-request one.
 */
@TrellisTest
class CohortFiguresTests {

	@Autowired
	CohortFigures figures;

	@Autowired
	Cohorts cohorts;

	@Autowired
	PageFigureStore store;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void computePerRequestAgain() {
		this.store.clear(CohortFigures.NAME);
		this.store.clear(CohortFigures.JOURNEY);
	}

	@Test
	void theStoredFiguresAreThePerRequestOnes() {
		this.store.clear(CohortFigures.NAME);
		this.store.clear(CohortFigures.JOURNEY);
		assertThat(this.figures.storeDaily()).isTrue();
		assertThat(this.figures.storeDaily()).as("once a business day").isFalse();

		var admin = new Viewer(0, "admin", Role.ADMIN, null);
		var program = this.cohorts.metrics(admin, null);
		assertThat(program).isNotEmpty();
		assertThat(program).anySatisfy(m -> assertThat(m.pipelineCreated()).isPositive());
		assertThat(program).anySatisfy(m -> assertThat(m.readinessMedian()).isNotNull());
		assertThat(this.figures.stored(admin).orElseThrow().value()).isEqualTo(program);

		long pamId = this.jdbc.sql("""
				SELECT p.owner_pam_id FROM cohort_membership m JOIN partner p ON p.id = m.partner_id
				WHERE m.valid_to IS NULL AND p.owner_pam_id IS NOT NULL
				GROUP BY p.owner_pam_id ORDER BY count(*) DESC, p.owner_pam_id LIMIT 1
				""").query(Long.class).single();
		var pam = new Viewer(pamId, "pam", Role.PAM, null);
		var book = this.cohorts.metrics(pam, null);
		assertThat(book).isNotEmpty().isNotEqualTo(program);
		assertThat(book).anySatisfy(m -> assertThat(m.pipelineCreated()).isGreaterThan(BigDecimal.ZERO));
		assertThat(this.figures.stored(pam).orElseThrow().value()).isEqualTo(book);
	}

	@Test
	void theStoredJourneyIsThePerRequestOneForTheProgramAndEachBook() {
		this.store.clear(CohortFigures.JOURNEY);
		var admin = new Viewer(0, "admin", Role.ADMIN, null);
		assertThat(this.figures.storedJourney(admin)).as("nothing stored yet").isEmpty();
		assertThat(this.figures.storeDaily()).isTrue();

		var program = this.cohorts.journey(admin, null);
		assertThat(program).isNotEmpty();
		assertThat(program).anySatisfy(w -> assertThat(w.awareness() + w.activation() + w.acceleration()).isPositive());
		var stored = this.figures.storedJourney(admin).orElseThrow();
		assertThat(stored.value()).isEqualTo(program);
		assertThat(stored.asOf()).isNotNull();
		var executive = new Viewer(0, "executive", Role.EXECUTIVE, null);
		assertThat(this.figures.storedJourney(executive).orElseThrow().value()).isEqualTo(program);

		var pams = this.jdbc.sql("""
				SELECT DISTINCT p.owner_pam_id FROM cohort_membership m JOIN partner p ON p.id = m.partner_id
				WHERE p.owner_pam_id IS NOT NULL ORDER BY 1
				""").query(Long.class).list();
		assertThat(pams).isNotEmpty();
		int books = 0;
		for (long pamId : pams) {
			var pam = new Viewer(pamId, "pam", Role.PAM, null);
			var book = this.cohorts.journey(pam, null);
			var kept = this.figures.storedJourney(pam);
			if (book.isEmpty()) {
				assertThat(kept.map(PageFigureStore.Stored::value).orElse(java.util.List.of())).isEmpty();
				continue;
			}
			books++;
			assertThat(book).isNotEqualTo(program);
			assertThat(kept).as("PAM %d's book", pamId).hasValueSatisfying(k -> assertThat(k.value()).isEqualTo(book));
		}
		assertThat(books).as("books with a journey").isPositive();
	}

}
