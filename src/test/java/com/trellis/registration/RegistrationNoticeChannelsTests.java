package com.trellis.registration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.trellis.deals.CreditType;
import com.trellis.identity.Role;
import com.trellis.notify.Notifications;
import com.trellis.notify.PartnerNoticeKind;
import com.trellis.notify.PartnerNoticePreferences;
import com.trellis.notify.PartnerNoticePreferences.KindChoice;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A registration reads who its notices reach (the PAM, the partner's users, their channel
 * choices and Slack webhooks, the partner's Slack channel) in one go before it takes the
 * customer's lock; each user's own choices still decide their channels, and each delivery
 * is written once.
 */
@TrellisTest
class RegistrationNoticeChannelsTests {

	private static final String HOOK = "https://hooks.slack.com/services/T000/B000/";

	@Autowired
	Registrations registrations;

	@Autowired
	PartnerNoticePreferences preferences;

	@Autowired
	Notifications notifications;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aHeldRegistrationReachesEachPartnerUserByTheirOwnChoicesAndThePartnersChannelOnce() {
		var rival = this.fixtures.world("Notice Channel Rivals");
		var world = this.fixtures.world("Notice Channel Partners");
		var loud = world.partnerUser();
		var quiet = this.fixtures.user(Role.PARTNER, world.partnerId(), null);
		var silent = this.fixtures.user(Role.PARTNER, world.partnerId(), null);
		var plain = this.fixtures.user(Role.PARTNER, world.partnerId(), null);
		this.preferences.change(loud, new PartnerNoticePreferences.Preferences(
				List.of(new KindChoice(PartnerNoticeKind.REGISTRATION, false, true)), HOOK + "loud"));
		this.preferences.change(quiet, new PartnerNoticePreferences.Preferences(
				List.of(new KindChoice(PartnerNoticeKind.REGISTRATION, false, false)), HOOK + "quiet"));
		// every kind off; and a user who chose nothing is e-mailed every kind
		this.preferences.change(silent, new PartnerNoticePreferences.Preferences(List.of(), null));
		this.notifications.setSlackWebhook(world.partnerId(), HOOK + "partner");

		this.registrations.register(rival.partnerUser(), command("Vexmoral Textiles", "vexmoral-channels.com"));
		var held = this.registrations.register(quiet, command("Vexmoral Textiles", "vexmoral-channels.com"));

		assertThat(held.status()).isEqualTo(RegistrationStatus.ON_HOLD);
		assertThat(this.jdbc
			.sql("""
					SELECT d.channel || ' ' || d.recipient FROM notification n JOIN notification_delivery d ON d.notification_id = n.id
					WHERE n.partner_id = :partner AND n.link = :link
					""")
			.param("partner", world.partnerId())
			.param("link", "/registrations/" + held.id())
			.query(String.class)
			.list()).containsExactlyInAnyOrder("SLACK " + HOOK + "loud", "SLACK " + HOOK + "partner",
					"EMAIL " + this.fixtures.email(plain));
		assertThat(this.jdbc.sql("SELECT count(*) FROM notification WHERE user_id = :pam AND link = :link")
			.param("pam", world.pam().userId())
			.param("link", "/registrations/" + held.id())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private static RegistrationCommand command(String name, String domain) {
		return new RegistrationCommand(null, name, domain, "Replace the dispatch system", new BigDecimal("40000.00"),
				"USD", LocalDate.of(2027, 4, 30), null, CreditType.SOURCED);
	}

}
