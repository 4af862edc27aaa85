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
 * program, the books or a week.
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
	}

	@Test
	void theStoredFiguresAreThePerRequestOnes() {
		this.store.clear(CohortFigures.NAME);
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

}
