package com.trellis.webhooks;

import java.time.Instant;
import java.time.OffsetDateTime;

import com.trellis.deals.Deals;
import com.trellis.deals.Stage;
import com.trellis.identity.Role;
import com.trellis.shared.BusinessCalendar;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A won deal reaches a deal.won receiver with what it needs to act without calling back:
 * the deal, its account, partner, amount with currency, close day and moment in the
 * business time zone, owner and the partner's credit (docs/webhooks.md).
 */
@TrellisTest
class DealWonPayloadTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	WebhookDispatcher dispatcher;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	@Autowired
	Deals deals;

	@Autowired
	BusinessCalendar calendar;

	Receiver receiver;

	@BeforeEach
	void setUp() throws Exception {
		forgetSubscriptions();
		// the receiver's signature check compares with the real time
		this.clock.set(Instant.now());
		this.receiver = new Receiver();
	}

	@AfterEach
	void tearDown() {
		this.receiver.close();
		forgetSubscriptions();
	}

	@Test
	void aWonPartnerDealIsSentWithItsAccountPartnerAmountCloseOwnerAndCreditSplit() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		new Api(this.mvc, this.fixtures.token(admin))
			.post("/api/v1/webhooks",
					"{\"url\": \"%s\", \"eventTypes\": [\"deal.won\"]}".formatted(this.receiver.url()))
			.andExpect(status().isCreated());
		var world = this.fixtures.world("Won Payload " + System.nanoTime());
		long id = this.fixtures.partnerDeal(world.accountId(), world.ae().userId(), world.partnerId(), "48000.00");
		var deal = this.deals.get(admin, id);
		this.deals.moveStage(admin, id, deal.stage(), Stage.CLOSED_WON, "won in the payload test", false);
		this.dispatcher.dispatch();

		assertThat(this.receiver.requests()).hasSize(1);
		var body = this.json.readTree(this.receiver.requests().get(0).body());
		assertThat(body.get("type").asString()).isEqualTo("deal.won");
		var data = body.get("data");
		assertThat(data.get("opportunityId").asLong()).isEqualTo(id);
		assertThat(data.get("deal").get("id").asLong()).isEqualTo(id);
		assertThat(data.get("deal").get("name").asString()).isEqualTo(deal.name());
		assertThat(data.get("deal").get("amount").get("value").decimalValue()).isEqualByComparingTo("48000.00");
		assertThat(data.get("deal").get("amount").get("currency").asString()).isEqualTo(deal.currency());
		assertThat(data.get("account").get("id").asLong()).isEqualTo(world.accountId());
		assertThat(data.get("account").get("name").asString())
			.isEqualTo(this.jdbc.sql("SELECT name FROM account WHERE id = ?")
				.param(world.accountId())
				.query(String.class)
				.single());
		assertThat(data.get("partner").get("id").asLong()).isEqualTo(world.partnerId());
		assertThat(data.get("partner").get("name").asString())
			.isEqualTo(this.jdbc.sql("SELECT name FROM partner WHERE id = ?")
				.param(world.partnerId())
				.query(String.class)
				.single());
		assertThat(data.get("owner").get("id").asLong()).isEqualTo(world.ae().userId());
		assertThat(data.get("owner").get("email").asString()).isEqualTo(this.fixtures.email(world.ae()));
		assertThat(data.get("credit").get("type").asString()).isEqualTo(deal.creditType().name());
		assertThat(data.get("credit").get("partnerSharePercent").decimalValue())
			.isEqualByComparingTo(deal.partnerShare());

		var closedAt = OffsetDateTime.parse(data.get("deal").get("closedAt").asString());
		var stored = this.deals.get(admin, id).closedAt();
		assertThat(closedAt.toInstant()).isEqualTo(stored);
		assertThat(closedAt.getOffset()).isEqualTo(this.calendar.zone().getRules().getOffset(stored));
		assertThat(data.get("deal").get("closeDate").asString())
			.isEqualTo(stored.atZone(this.calendar.zone()).toLocalDate().toString());
	}

	private void forgetSubscriptions() {
		this.jdbc.sql("DELETE FROM webhook_subscription").update();
	}

}
