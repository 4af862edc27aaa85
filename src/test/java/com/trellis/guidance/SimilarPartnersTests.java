package com.trellis.guidance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.trellis.cohorts.CohortCommand;
import com.trellis.cohorts.Cohorts;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.scoring.DriftLine;
import com.trellis.scoring.Pillar;
import com.trellis.shared.BusinessCalendar;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The day's stalling rule reads what worked for the stalling partner's cohort from the
 * stored recommendations and the cohorts' facade.
 */
@TrellisTest
class SimilarPartnersTests {

	@Autowired
	SimilarPartners similar;

	@Autowired
	Cohorts cohorts;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BusinessCalendar calendar;

	@Test
	void aStallingPartnerGetsTheInterventionThatWorkedInItsCohort() {
		var admin = this.fixtures.user(Role.ADMIN);
		var pam = this.fixtures.user(Role.PAM);
		long stalling = this.fixtures.partner("Similar stalling", pam.userId());
		long incentivised = this.fixtures.partner("Similar incentivised", pam.userId());
		long trained = this.fixtures.partner("Similar trained", pam.userId());
		var name = "Similar cohort " + stalling;
		this.cohorts.create(admin, new CohortCommand(name, List.of(stalling, incentivised, trained)));
		// accepted and decided: incentives 4 of 5 led to a registration, trainings 1 of 5
		for (int i = 0; i < 5; i++) {
			accepted(pam, incentivised, Intervention.INCENTIVE, i, i < 4);
			accepted(pam, trained, Intervention.TRAINING, i, i < 1);
		}
		var line = new DriftLine(stalling, "Similar stalling", Pillar.READINESS, "STALLING", new BigDecimal("-1.50"),
				this.calendar.today().minusWeeks(3), "Down three weeks running.", null, Instant.now());

		var advice = this.similar.stallingRule(new Viewer(0, "Guidance", Role.ADMIN, null)).apply(line).orElseThrow();

		assertThat(advice.title()).isEqualTo("Offer an incentive for Similar stalling");
		assertThat(advice.intervention()).isEqualTo(Intervention.INCENTIVE);
		assertThat(com.trellis.shared.StoredFigures.render(advice.reason(), java.util.Locale.US))
			.contains("What worked for similar partners (the cohort " + name + ", 3 partners):"
					+ " accepted an incentive led to a deal registration 4 of 5 times (80.0 %);"
					+ " training led to a deal registration 1 of 5 times (20.0 %). So an incentive is the intervention.");
	}

	private void accepted(Viewer pam, long partner, Intervention intervention, int n, boolean met) {
		LocalDate shown = this.calendar.today().minusDays(90);
		this.jdbc
			.sql("""
					INSERT INTO guidance_recommendation (user_id, partner_id, kind, subject, title, reason, action_label,
					    action_link, state, shown_on, last_seen_on, acted_at, outcome_due, outcome_at, outcome, intervention)
					VALUES (:user, :partner, 'STALLING_INTERVENTION', :subject, 'Intervene', 'reason', 'Open', '/',
					    'ACCEPTED', :shown, :shown, now(), :due, CASE WHEN :met THEN now() END, 'REGISTRATION',
					    :intervention)
					""")
			.param("user", pam.userId())
			.param("partner", partner)
			.param("subject", "partner:" + partner + ":READINESS:" + n)
			.param("shown", shown)
			.param("due", shown.plusDays(60))
			.param("met", met)
			.param("intervention", intervention.name())
			.update();
	}

}
