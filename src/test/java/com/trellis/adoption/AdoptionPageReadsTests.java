package com.trellis.adoption;

import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.trellis.identity.Role;
import com.trellis.metrics.Period;
import com.trellis.shared.BusinessCalendar;
import com.trellis.support.CountedStatements;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an admin's adoption page reads besides its figures (issue 15): the teams' leads
 * reuse the one read of every rep (it read them again, then each by a list of their ids),
 * and the pipeline review reads its deals once, in order, without a count.
 */
@TrellisTest
class AdoptionPageReadsTests {

	@Autowired
	Adoption adoption;

	@Autowired
	Fixtures fixtures;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	DataSource dataSource;

	@Test
	void theTeamsOfAnAdminsPageReadTheRepsOnce() {
		var admin = this.fixtures.user(Role.ADMIN);
		var period = Period.quarter(this.calendar.currentQuarter());
		var reps = this.adoption.reps(admin, period);
		assertThat(reps).isNotEmpty();
		var statements = new AtomicInteger();
		var teams = CountedStatements.counted(this.dataSource, statements, () -> TeamAdoption.of(reps));
		assertThat(teams).isEqualTo(this.adoption.teams(admin, period));
		// the teams are added up from the reps' figures, which carry each rep's team
		// (the reps with their teams were read again: 1; before that 2)
		assertThat(statements.get()).isZero();
	}

	@Test
	void anAdminsPipelineReviewReadsItsDealsOnceWithoutACount() {
		var admin = this.fixtures.user(Role.ADMIN);
		var statements = new AtomicInteger();
		var review = CountedStatements.counted(this.dataSource, statements, () -> this.adoption.pipelineReview(admin));
		assertThat(review).isNotEmpty();
		// the reps, the deals' plan setting (s66: planned for the owners, not generic),
		// the deals, their accounts' names, the accounts without a partner, the prompts,
		// the partners who could help (the deals were counted, then read: 8)
		assertThat(statements.get()).isEqualTo(7);
	}

}
