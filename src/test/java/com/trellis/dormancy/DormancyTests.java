package com.trellis.dormancy;

import java.time.Duration;

import com.trellis.activity.Activity;
import com.trellis.shared.InvalidInputException;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@TrellisTest
class DormancyTests {

	@Autowired
	Dormancy dormancy;

	@Autowired
	Activity activity;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPartnerTurnsDormantAfterSixtyIdleDaysAndActiveAgainOnNewActivity() {
		var world = this.fixtures.world("Sleepy Partners");
		this.activity.record(world.partnerId(), world.partnerUser().userId(), "PORTAL_LOGIN", "signed in");
		this.clock.advance(Duration.ofDays(59));
		this.dormancy.daily();
		assertThat(lifecycle(world.partnerId())).isEqualTo("ACTIVE");

		this.clock.advance(Duration.ofDays(1));
		this.dormancy.daily();
		assertThat(lifecycle(world.partnerId())).isEqualTo("DORMANT");
		assertThat(lastReason(world.partnerId())).startsWith("Dormant: no portal login, registration or enablement");

		this.clock.advance(Duration.ofDays(3));
		this.activity.record(world.partnerId(), world.partnerUser().userId(), "TRAINING_STARTED", "back");
		this.dormancy.daily();
		assertThat(lifecycle(world.partnerId())).isEqualTo("ACTIVE");
		assertThat(lastReason(world.partnerId())).startsWith("New activity on");
	}

	@Test
	void anUnansweredSequenceEndsInASunsetProposalThatThePamConfirmsWithAReason() {
		var world = this.fixtures.world("Fading Partners");
		this.clock.advance(Duration.ofDays(1));
		this.dormancy.daily();
		assertThat(lifecycle(world.partnerId())).isEqualTo("DORMANT");
		assertThatThrownBy(() -> this.dormancy.start(world.ae(), world.partnerId()))
			.isInstanceOf(AccessDeniedException.class);

		var started = this.dormancy.start(world.pam(), world.partnerId());
		assertThat(started.sequence().steps()).extracting(DormancyView.Step::kind).containsExactly(StepKind.values());
		assertThat(started.sequence().cause()).isEqualTo(started.cause());
		this.dormancy.completeStep(world.pam(), world.partnerId(), started.sequence().steps().get(0).id(),
				"Shared the retail win story");

		assertThatThrownBy(() -> this.dormancy.confirmSunset(world.pam(), world.partnerId(), "quiet"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("unanswered sequence");
		this.clock.advance(Duration.ofDays(29));
		this.dormancy.daily();
		assertThat(this.dormancy.view(world.pam(), world.partnerId()).sequence().status()).isEqualTo("SUNSET_PROPOSED");

		assertThatThrownBy(() -> this.dormancy.confirmSunset(world.pam(), world.partnerId(), " "))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("reason");
		this.dormancy.confirmSunset(world.pam(), world.partnerId(), "No answer to five touches over a month");
		assertThat(lifecycle(world.partnerId())).isEqualTo("SUNSET");
		assertThat(lastReason(world.partnerId())).isEqualTo("No answer to five touches over a month");
	}

	private String lifecycle(long partnerId) {
		return this.jdbc.sql("SELECT lifecycle_status FROM partner WHERE id = ?")
			.param(partnerId)
			.query(String.class)
			.single();
	}

	private String lastReason(long partnerId) {
		return this.jdbc
			.sql("SELECT reason FROM partner_lifecycle_change WHERE partner_id = ? ORDER BY id DESC LIMIT 1")
			.param(partnerId)
			.query(String.class)
			.single();
	}

}
