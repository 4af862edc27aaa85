package com.trellis.incentives;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.trellis.identity.Role;
import com.trellis.notify.Notification;
import com.trellis.notify.Notifications;
import com.trellis.notify.PartnerNotice;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A partner hears that it was paid: one notice per payout run, with what the run paid it
 * in its currency and a link to its statement, in its inbox and by e-mail.
 */
@TrellisTest
class PayoutNoticeTests {

	@Autowired
	Incentives incentives;

	@Autowired
	PayoutRuns payouts;

	@Autowired
	Notifications notifications;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void eachPaidPartnerGetsExactlyOneNoticeWithItsOwnAmountAndNoOtherPartnerHearsOfIt() {
		var admin = this.fixtures.user(Role.ADMIN);
		this.incentives.createProgram(admin,
				new ProgramCommand("Paid notice referral " + System.nanoTime(), ProgramKind.REFERRAL, "USD",
						LocalDate.of(2019, 5, 1), LocalDate.of(2019, 5, 31),
						Map.of("sourcedPercent", "10", "influencedPercent", "5", "coSellPercent", "3")));
		var first = this.fixtures.world("Paid First Partners");
		var second = this.fixtures.world("Paid Second Partners");
		var bystander = this.fixtures.world("Unpaid Bystanders");
		win(first.dealId(), "5000.00", "2019-05-10T12:00:00Z");
		win(second.dealId(), "12345.60", "2019-05-12T12:00:00Z");
		this.incentives.earnForWin(first.partnerId(), first.dealId());
		this.incentives.earnForWin(second.partnerId(), second.dealId());

		var run = this.payouts.run(admin);

		var firstNotices = awaitPayoutNotices(first.partnerUser(), first.partnerId());
		var secondNotices = awaitPayoutNotices(second.partnerUser(), second.partnerId());
		assertThat(firstNotices).singleElement().satisfies(n -> {
			assertThat(n.subject()).isEqualTo("You were paid USD 500.00");
			assertThat(n.body()).contains("#" + run.runId());
			assertThat(n.link()).isEqualTo("/partners/" + first.partnerId() + "/incentives");
		});
		assertThat(secondNotices).singleElement()
			.satisfies(n -> assertThat(n.subject()).isEqualTo("You were paid USD 1,234.56"));
		assertThat(emailDeliveries(first.partnerId())).isEqualTo(1);

		// the same event handled again (redelivered, or by a second instance) writes
		// nothing
		this.notifications.enqueue(new PartnerNotice("payout:" + run.runId() + ":partner:" + first.partnerId(),
				first.partnerId(), "PAYOUT", "You were paid USD 500.00", "again", "/"));
		assertThat(payoutNotices(first.partnerUser(), first.partnerId())).hasSize(1);
		assertThat(emailDeliveries(first.partnerId())).isEqualTo(1);

		// a run with nothing more to pay them tells them nothing
		this.payouts.run(admin);
		assertThat(payoutNotices(first.partnerUser(), first.partnerId())).hasSize(1);
		assertThat(payoutNotices(bystander.partnerUser(), bystander.partnerId())).isEmpty();
		assertThat(payoutNotices(bystander.partnerUser(), first.partnerId())).isEmpty();
	}

	private List<Notification> awaitPayoutNotices(com.trellis.identity.Viewer viewer, long partnerId) {
		await().atMost(Duration.ofSeconds(10)).until(() -> !payoutNotices(viewer, partnerId).isEmpty());
		return payoutNotices(viewer, partnerId);
	}

	private List<Notification> payoutNotices(com.trellis.identity.Viewer viewer, long partnerId) {
		return this.notifications.inbox(viewer, partnerId, 100)
			.stream()
			.filter(n -> n.kind().equals("PAYOUT"))
			.toList();
	}

	private long emailDeliveries(long partnerId) {
		return this.jdbc.sql("""
				SELECT count(*) FROM notification_delivery d JOIN notification n ON n.id = d.notification_id
				WHERE n.partner_id = ? AND n.kind = 'PAYOUT' AND d.channel = 'EMAIL'
				""").param(partnerId).query(Long.class).single();
	}

	private void win(long dealId, String amount, String closedAt) {
		this.jdbc
			.sql("""
					UPDATE opportunity SET stage = 'CLOSED_WON', amount = ?, currency = 'USD', closed_at = ?, partner_share = 100
					WHERE id = ?
					""")
			.params(new BigDecimal(amount), Timestamp.from(Instant.parse(closedAt)), dealId)
			.update();
	}

}
