package com.trellis.scoring;

import java.util.List;
import java.util.Locale;

import com.trellis.shared.StoredFigures;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrustAndReadinessSignalTests {

	@Test
	void jointWinsCountDealsWonInTheLastYear() {
		var records = new RecordsFixture().deal("Retail", 100, "REGISTERED", 100, "CLOSED_WON", 30)
			.deal("Retail", 500, "REGISTERED", 500, "CLOSED_WON", 400)
			.deal("Retail", 100, "REGISTERED", 100, "CLOSED_LOST", 30)
			.deal("Retail", 100, "REGISTERED", 100);
		assertThat(records.read(new JointWins()).value()).isEqualByComparingTo("1");
	}

	@Test
	void aWinAfterTheCutOffChangesNothing() {
		var before = new RecordsFixture().deal("Retail", 100, "REGISTERED", 100, "CLOSED_WON", 30)
			.deal("Retail", 100, "REGISTERED", 100);
		var after = new RecordsFixture().deal("Retail", 100, "REGISTERED", 100, "CLOSED_WON", 30)
			.deal("Retail", 100, "REGISTERED", 100, "CLOSED_WON", -1);
		assertThat(after.read(new JointWins())).isEqualTo(before.read(new JointWins()));
		assertThat(after.read(new VerticalSpecialisation())).isEqualTo(before.read(new VerticalSpecialisation()));
	}

	@Test
	void invitationsRepeatsAndDistinctAesAreCountedInTheLastYear() {
		var records = new RecordsFixture().invitation(7, 500)
			.invitation(7, 100)
			.invitation(8, 90)
			.invitation(8, 80)
			.invitation(8, 10)
			.invitation(9, 5);
		assertThat(records.read(new AeInvitations()).value()).isEqualByComparingTo("5");
		// AE 7 had invited before the window; AE 8 twice again
		assertThat(records.read(new RepeatInvitations()).value()).isEqualByComparingTo("3");
		assertThat(records.read(new InvitingAes()).value()).isEqualByComparingTo("3");
	}

	@Test
	void invitationsAfterTheCutOffChangeNothing() {
		var before = new RecordsFixture().invitation(7, 100).invitation(8, 50);
		var after = new RecordsFixture().invitation(7, 100).invitation(8, 50).invitation(7, -1).invitation(9, -2);
		for (Signal signal : List.of(new AeInvitations(), new RepeatInvitations(), new InvitingAes())) {
			assertThat(after.read(signal)).as(signal.name()).isEqualTo(before.read(signal));
		}
	}

	@Test
	void certifiedDeliveryStaffCountsSeAndCsmWithACertificationValidOnTheDay() {
		var records = new RecordsFixture().member(1, "SE", 300)
			.member(2, "CSM", 300)
			.member(3, "AE", 300)
			.member(4, "SE", 300)
			.certification(1, 100, null)
			.certification(1, 50, null)
			.certification(2, 400, 35)
			.certification(3, 100, null);
		var reading = records.read(new CertifiedDeliveryStaff());
		assertThat(reading.value()).isEqualByComparingTo("1");
		assertThat(StoredFigures.render(reading.reason(), Locale.US))
			.isEqualTo("1 of 3 delivery staff hold a valid certification");
	}

	@Test
	void aCertificationOrColleagueAfterTheCutOffChangesNothing() {
		var before = new RecordsFixture().member(1, "SE", 300).certification(1, 100, null);
		var after = new RecordsFixture().member(1, "SE", 300)
			.certification(1, 100, null)
			.member(2, "CSM", -1)
			.certification(2, -1, null);
		assertThat(after.read(new CertifiedDeliveryStaff())).isEqualTo(before.read(new CertifiedDeliveryStaff()));
	}

	@Test
	void specialisationCountsIndustriesWithTwoWins() {
		var records = new RecordsFixture().deal("Retail", 300, "REGISTERED", 300, "CLOSED_WON", 200)
			.deal("Retail", 300, "REGISTERED", 300, "CLOSED_WON", 100)
			.deal("Healthcare", 300, "REGISTERED", 300, "CLOSED_WON", 100)
			.deal("Healthcare", 300, "REGISTERED", 300, "CLOSED_LOST", 100);
		records.verticals = List.of("Retail", "Finance");
		var reading = records.read(new VerticalSpecialisation());
		assertThat(reading.value()).isEqualByComparingTo("1");
		assertThat(StoredFigures.render(reading.reason(), Locale.US))
			.isEqualTo("Retail (2 wins); declared: Retail, Finance");
	}

}
