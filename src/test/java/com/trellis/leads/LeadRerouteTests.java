package com.trellis.leads;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.BusinessCalendar;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Routing a lead again never rewrites a rep's follow-up record: a lead is not routed to
 * the rep it is with (which would push the deadline back), a lead followed up stays with
 * its rep, a lead re-routed after its deadline passed without a follow-up stays counted
 * as missed for the rep it was with, and a lead declined after its deadline without a
 * follow-up counts as missed, not as "not needed".
 */
@TrellisTest
class LeadRerouteTests {

	@Autowired
	Leads leads;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestClock clock;

	@Autowired
	BusinessCalendar calendar;

	@Test
	void aLeadIsNotRoutedAgainToTheRepItIsWithSoItsDeadlineStays() throws Exception {
		var pam = this.fixtures.user(Role.PAM);
		var rep = this.fixtures.user(Role.AE);
		var lead = routedLead(pam, rep, "Reroute Same Rep Widgets");
		this.clock.advance(Duration.ofDays(1));
		new Api(this.mvc, this.fixtures.token(pam))
			.post("/api/v1/leads/" + lead.id() + "/route", "{\"repId\": " + rep.userId() + "}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("repId"))
			.andExpect(jsonPath("$.errors[0].message").value("the lead is routed to this rep already"));
		var after = this.leads.get(pam, lead.id());
		assertThat(after.routedAt()).isEqualTo(lead.routedAt());
		assertThat(after.followUpDueAt()).isEqualTo(lead.followUpDueAt());
	}

	@Test
	void aLeadFollowedUpLateStaysWithItsRepAndCountsAsLateForThem() throws Exception {
		var pam = this.fixtures.user(Role.PAM);
		var late = this.fixtures.user(Role.AE);
		var other = this.fixtures.user(Role.AE);
		var lead = routedLead(pam, late, "Reroute Late Widgets");
		this.clock.set(lead.followUpDueAt().plus(Duration.ofDays(2)));
		assertThat(this.leads.followUp(late, lead.id(), "CALL", null).followUp()).isEqualTo("LATE");
		this.clock.advance(Duration.ofHours(1));

		new Api(this.mvc, this.fixtures.token(pam))
			.post("/api/v1/leads/" + lead.id() + "/route", "{\"repId\": " + other.userId() + "}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("followedUpAt"));
		var after = this.leads.get(pam, lead.id());
		assertThat(after.repId()).isEqualTo(late.userId());
		assertThat(after.routedAt()).isEqualTo(lead.routedAt());
		assertThat(after.followUp()).isEqualTo("LATE");
		var admin = this.fixtures.user(Role.ADMIN);
		new Api(this.mvc, this.fixtures.token(admin)).get("/api/v1/adoption/reps?from=2026-10-01&to=2026-12-31")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.repId == " + late.userId() + ")].leads.followUpDue").value(contains(1)))
			.andExpect(jsonPath("$[?(@.repId == " + late.userId() + ")].leads.followedUpInTime").value(contains(0)));
	}

	@Test
	void aLeadReroutedAfterItsDeadlinePassedWithoutAFollowUpStaysMissedForTheEarlierRep() {
		var pam = this.fixtures.user(Role.PAM);
		var missed = this.fixtures.user(Role.AE);
		var next = this.fixtures.user(Role.AE);
		var lead = routedLead(pam, missed, "Reroute Missed Widgets");
		this.clock.set(lead.followUpDueAt().plus(Duration.ofDays(1)));
		var rerouted = this.leads.route(pam, lead.id(), next.userId());
		assertThat(rerouted.repId()).isEqualTo(next.userId());
		assertThat(rerouted.followUpDueAt()).isAfter(this.clock.instant());
		assertThat(rerouted.followUp()).isEqualTo("PENDING");
		this.leads.followUp(next, lead.id(), "MEETING", null);

		var reps = List.of(missed.userId(), next.userId());
		// the kept counts of whole business days, and every lead of any other period
		var days = this.leads.figuresByRep(reps, this.calendar.startOf(LocalDate.of(2026, 11, 1)),
				this.calendar.startOf(LocalDate.of(2026, 12, 31)));
		var hours = this.leads.figuresByRep(reps, TestClock.START.minus(Duration.ofHours(5)),
				this.clock.instant().plus(Duration.ofHours(5)));
		for (var figures : List.of(days, hours)) {
			assertThat(figures.get(missed.userId())).isEqualTo(new LeadFigures(missed.userId(), 1, 0, 1, 0));
			assertThat(figures.get(next.userId())).isEqualTo(new LeadFigures(next.userId(), 1, 0, 1, 1));
		}
	}

	@Test
	void aLeadReroutedBeforeItsDeadlineCountsOnlyForTheRepItWentTo() {
		var pam = this.fixtures.user(Role.PAM);
		var first = this.fixtures.user(Role.AE);
		var next = this.fixtures.user(Role.AE);
		var lead = routedLead(pam, first, "Reroute Early Widgets");
		this.clock.advance(Duration.ofHours(2));
		assertThat(lead.followUpDueAt()).isAfter(this.clock.instant());
		this.leads.route(pam, lead.id(), next.userId());
		var figures = this.leads.figuresByRep(List.of(first.userId(), next.userId()),
				this.calendar.startOf(LocalDate.of(2026, 11, 1)), this.calendar.startOf(LocalDate.of(2026, 12, 31)));
		assertThat(figures.get(first.userId())).isEqualTo(LeadFigures.none(first.userId()));
		assertThat(figures.get(next.userId()).received()).isEqualTo(1);
	}

	@Test
	void aLeadDeclinedAfterItsDeadlineWithoutAFollowUpCountsAsMissed() {
		var pam = this.fixtures.user(Role.PAM);
		var rep = this.fixtures.user(Role.AE);
		var overdue = routedLead(pam, rep, "Decline Overdue Widgets");
		var early = routedLead(pam, rep, "Decline Early Widgets");
		assertThat(this.leads.decline(rep, early.id(), "Not a fit").followUp()).isEqualTo("NOT_NEEDED");
		this.clock.set(overdue.followUpDueAt().plus(Duration.ofDays(3)));
		var declined = this.leads.decline(rep, overdue.id(), "Not a fit");
		assertThat(declined.followUp()).isEqualTo("LATE");
		assertThat(declined.followUpReason()).isEqualTo("declined 72 h after the deadline without a follow-up");

		var reps = List.of(rep.userId());
		var days = this.leads.figuresByRep(reps, this.calendar.startOf(LocalDate.of(2026, 11, 1)),
				this.calendar.startOf(LocalDate.of(2026, 12, 31)));
		var hours = this.leads.figuresByRep(reps, TestClock.START.minus(Duration.ofHours(5)),
				this.clock.instant().plus(Duration.ofHours(5)));
		for (var figures : List.of(days, hours)) {
			assertThat(figures.get(rep.userId())).isEqualTo(new LeadFigures(rep.userId(), 2, 0, 1, 0));
		}
	}

	@Test
	void aLeaversHandOverKeepsTheirMissedLeadAndGivesTheReceiverANewDeadline() {
		var pam = this.fixtures.user(Role.PAM);
		var leaver = this.fixtures.user(Role.AE);
		var receiver = this.fixtures.user(Role.AE);
		var missed = routedLead(pam, leaver, "Handover Missed Widgets");
		this.clock.set(missed.followUpDueAt().plus(Duration.ofDays(1)));
		var fresh = routedLead(pam, leaver, "Handover Fresh Widgets");

		var moved = this.leads.handOverRouted(this.fixtures.user(Role.ADMIN), leaver.userId(), receiver.userId());

		assertThat(moved).containsExactlyInAnyOrder(missed.id(), fresh.id());
		for (var id : moved) {
			var lead = this.leads.get(pam, id);
			assertThat(lead.repId()).isEqualTo(receiver.userId());
			assertThat(lead.routedAt()).isEqualTo(this.clock.instant());
			assertThat(lead.followUp()).isEqualTo("PENDING");
		}
		var figures = this.leads.figuresByRep(List.of(leaver.userId(), receiver.userId()),
				this.calendar.startOf(LocalDate.of(2026, 11, 1)), this.calendar.startOf(LocalDate.of(2026, 12, 31)));
		// the leaver missed one deadline; the other lead is the receiver's from now
		assertThat(figures.get(leaver.userId())).isEqualTo(new LeadFigures(leaver.userId(), 1, 0, 1, 0));
		assertThat(figures.get(receiver.userId())).isEqualTo(new LeadFigures(receiver.userId(), 2, 0, 0, 0));
	}

	/** A lead no account matches, routed by the PAM to the rep now. */
	private LeadView routedLead(Viewer pam, Viewer rep, String company) {
		long partner = this.fixtures.partner(company + " Partner", pam.userId());
		var lead = this.leads.submit(pam, new LeadCommand(partner, company, null, "Jo Buyer", null, null));
		assertThat(lead.status()).isEqualTo(LeadStatus.SUBMITTED);
		var routed = this.leads.route(pam, lead.id(), rep.userId());
		assertThat(routed.followUpDueAt()).isAfter(Instant.EPOCH);
		return routed;
	}

}
