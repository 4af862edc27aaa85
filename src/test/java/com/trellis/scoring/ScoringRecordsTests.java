package com.trellis.scoring;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;

import com.trellis.deals.CreditType;
import com.trellis.deals.DealSource;
import com.trellis.deals.Deals;
import com.trellis.deals.OpportunityCommand;
import com.trellis.deals.Stage;
import com.trellis.identity.Role;
import com.trellis.shared.BusinessCalendar;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@TrellisTest
class ScoringRecordsTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Deals deals;

	@Autowired
	ScoringRecords records;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAccountExecutivePuttingAPartnerOnTheirDealUnpromptedIsAnInvitationAndAPromptedOneIsNot() {
		var world = this.fixtures.world("Invited Partners");
		var ae = world.ae();
		this.clock.advance(Duration.ofDays(2));
		var unprompted = this.deals.create(ae, direct(world.accountId(), ae.userId(), world.partnerId()));
		var prompted = this.deals.create(ae, direct(world.accountId(), ae.userId(), null));
		this.jdbc.sql("""
				INSERT INTO partner_prompt (opportunity_id, manager_id, rep_id, suggested_partner_id, prompted_at)
				VALUES (:deal, :manager, :rep, :partner, :at)
				""")
			.param("deal", prompted.id())
			.param("manager", this.fixtures.user(Role.SALES_MANAGER).userId())
			.param("rep", ae.userId())
			.param("partner", world.partnerId())
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
		this.clock.advance(Duration.ofHours(2));
		this.deals.update(ae, prompted.id(), direct(world.accountId(), ae.userId(), world.partnerId()));

		var asOf = new AsOf(this.calendar.today(), this.calendar.startOf(this.calendar.today().plusDays(1)));
		var loaded = this.records.load(world.partnerId(), asOf, this.calendar.zone()).get(world.partnerId());
		assertThat(loaded.invitations()).extracting(PartnerRecords.Invitation::opportunityId)
			.containsExactly(unprompted.id());
		assertThat(loaded.invitations().get(0).aeId()).isEqualTo(ae.userId());
		// the fixture's own deal is partner-sourced: no invitation, but one of the
		// partner's deals
		assertThat(loaded.deals()).hasSize(3);

		var before = new AsOf(this.calendar.today().minusDays(1), this.calendar.startOf(this.calendar.today()));
		assertThat(
				this.records.load(world.partnerId(), before, this.calendar.zone()).get(world.partnerId()).invitations())
			.isEmpty();
	}

	private static OpportunityCommand direct(long account, long owner, Long partner) {
		return new OpportunityCommand(account, "Invitation deal", new BigDecimal("5000"), "USD", Stage.QUALIFIED, null,
				owner, DealSource.DIRECT, partner, partner == null ? null : CreditType.INFLUENCED,
				partner == null ? null : new BigDecimal("10"));
	}

}
