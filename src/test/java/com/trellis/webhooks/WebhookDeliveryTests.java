package com.trellis.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Collectors;

import com.standardwebhooks.Webhook;
import com.trellis.deals.DealClosed;
import com.trellis.identity.Role;
import com.trellis.shared.InvalidInputException;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Webhooks delivered to a real HTTP receiver running in the test, their signatures
 * checked with the Standard Webhooks library.
 */
@TrellisTest
class WebhookDeliveryTests {

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
	TransactionTemplate transactions;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	com.trellis.audit.AuditLog audit;

	@Autowired
	com.trellis.shared.validation.Commands commands;

	@Autowired
	ObjectMapper json;

	@Autowired
	com.trellis.registration.Registrations registrations;

	@Autowired
	com.trellis.credit.CreditDisputes disputes;

	Api admin;

	Receiver receiver;

	@BeforeEach
	void setUp() throws Exception {
		forgetSubscriptions();
		// the Standard Webhooks library checks the timestamp against the real time
		this.clock.set(Instant.now());
		this.admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		this.receiver = new Receiver();
	}

	@AfterEach
	void tearDown() {
		this.receiver.close();
		forgetSubscriptions();
	}

	@Test
	void aPartnersLifecycleChangeReachesTheReceiverSignedSoTheStandardWebhooksLibraryVerifiesIt() throws Exception {
		var secret = subscribe("partner.lifecycle_changed");
		var world = this.fixtures.world("Hooked Partners");

		this.admin
			.post("/api/v1/partners/" + world.partnerId() + "/lifecycle",
					"{\"toStatus\": \"DORMANT\", \"reason\": \"Quiet for a quarter\"}")
			.andExpect(status().isOk());
		this.dispatcher.dispatch();

		assertThat(this.receiver.requests()).hasSize(1);
		var request = this.receiver.requests().get(0);
		var verifier = new Webhook(secret);
		assertThatCode(() -> verifier.verify(request.body(), request.headers())).doesNotThrowAnyException();
		assertThatThrownBy(() -> verifier.verify(request.body().replace("DORMANT", "ACTIVE"), request.headers()))
			.hasMessageContaining("signature");
		assertThat(request.header("webhook-id")).startsWith("msg_");
		// a plain POST: no offer to upgrade to h2c, which some receivers and proxies
		// mishandle (try72)
		assertThat(request.headers()).doesNotContainKey("Upgrade").doesNotContainKey("HTTP2-Settings");
		assertThat(request.header("webhook-timestamp"))
			.isEqualTo(String.valueOf(this.clock.instant().getEpochSecond()));
		JsonNode body = this.json.readTree(request.body());
		assertThat(body.get("type").asString()).isEqualTo("partner.lifecycle_changed");
		assertThat(body.get("timestamp").asString()).isEqualTo(this.clock.instant().toString());
		assertThat(body.get("data").get("partnerId").asLong()).isEqualTo(world.partnerId());
		assertThat(body.get("data").get("to").asString()).isEqualTo("DORMANT");
	}

	@Test
	void aPartnersNewTierIsAnnouncedAndAnEditKeepingTheTierIsNot() throws Exception {
		subscribe("partner.tier_changed");
		var world = this.fixtures.world("Tiered Partners");
		var edit = """
				{"name": "Tiered Partners", "type": "SI", "region": "EMEA", "ownerPamId": %d, "tier": "%s"}
				""";

		this.admin.put("/api/v1/partners/" + world.partnerId(), edit.formatted(world.pam().userId(), "TIER_1_INVEST"))
			.andExpect(status().isOk());
		this.admin.put("/api/v1/partners/" + world.partnerId(), edit.formatted(world.pam().userId(), "TIER_1_INVEST"))
			.andExpect(status().isOk());
		this.dispatcher.dispatch();

		assertThat(this.receiver.requests()).hasSize(1);
		var data = this.json.readTree(this.receiver.requests().get(0).body()).get("data");
		assertThat(data.get("from").asString()).isEqualTo("TIER_2_EMERGING");
		assertThat(data.get("to").asString()).isEqualTo("TIER_1_INVEST");
	}

	@Test
	void aRegistrationAndACreditDisputeDecidedByThePamAreAnnouncedWithTheirIds() throws Exception {
		this.admin
			.post("/api/v1/webhooks",
					"""
							{"url": "%s", "eventTypes": ["registration.submitted", "registration.decided", "credit_dispute.decided"]}
							"""
						.formatted(this.receiver.url()))
			.andExpect(status().isCreated());
		var world = this.fixtures.world("Deciding Partners");
		var pam = new Api(this.mvc, this.fixtures.token(world.pam()));
		long registration = this.registrations
			.register(world.partnerUser(),
					new com.trellis.registration.RegistrationCommand(null, "Webhook Customer " + System.nanoTime(),
							null, "A confirmed need for webhooks", new java.math.BigDecimal("1000"), "USD",
							java.time.LocalDate.of(2027, 6, 30), null, com.trellis.deals.CreditType.SOURCED))
			.id();
		pam.post("/api/v1/registrations/" + registration + "/reject", "{\"reason\": \"Not a fit\"}")
			.andExpect(status().isOk());
		long dispute = this.disputes
			.raise(world.partnerUser(), world.dealId(),
					new com.trellis.credit.RaiseDispute(com.trellis.deals.CreditType.INFLUENCED,
							new java.math.BigDecimal("10"), "We only helped"))
			.id();
		pam.post("/api/v1/credit-disputes/" + dispute + "/decision", "{\"uphold\": true, \"reason\": \"Agreed\"}")
			.andExpect(status().isOk());

		this.dispatcher.dispatch();

		var bodies = this.receiver.requests().stream().map(r -> this.json.readTree(r.body())).toList();
		assertThat(bodies).extracting(b -> b.get("type").asString())
			.containsExactlyInAnyOrder("registration.submitted", "registration.decided", "credit_dispute.decided");
		var decided = bodies.stream().filter(b -> b.get("type").asString().equals("registration.decided")).findFirst();
		assertThat(decided.get().get("data").get("registrationId").asLong()).isEqualTo(registration);
		assertThat(decided.get().get("data").get("status").asString()).isEqualTo("REJECTED");
		var credit = bodies.stream().filter(b -> b.get("type").asString().equals("credit_dispute.decided")).findFirst();
		assertThat(credit.get().get("data").get("disputeId").asLong()).isEqualTo(dispute);
		assertThat(credit.get().get("data").get("upheld").asBoolean()).isTrue();
	}

	@Test
	void aReceiverThatFailsTwiceGetsTheEventExactlyOnceAfterRetries() throws Exception {
		this.receiver.answering(500, 503);
		var secret = subscribe("deal.won");
		long subscription = onlySubscription();
		dealClosed(4242L, true);

		this.dispatcher.dispatch();
		this.dispatcher.dispatch();
		assertThat(this.receiver.requests()).as("not tried again before the back-off").hasSize(1);
		this.clock.advance(Duration.ofMinutes(1));
		this.dispatcher.dispatch();
		this.clock.advance(Duration.ofMinutes(5));
		this.dispatcher.dispatch();
		this.clock.advance(Duration.ofHours(5));
		this.dispatcher.dispatch();

		var requests = this.receiver.requests();
		assertThat(requests).hasSize(3);
		assertThat(requests.stream().map(r -> r.header("webhook-id")).distinct()).hasSize(1);
		var last = requests.get(2);
		// sent six minutes ahead of the real time the library's verify compares with: its
		// signer computes what the header must hold
		assertThat(last.header("webhook-signature")).isEqualTo(new Webhook(secret).sign(last.header("webhook-id"),
				Long.parseLong(last.header("webhook-timestamp")), last.body()));
		this.admin.get("/api/v1/webhooks/" + subscription + "/deliveries")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].type").value("deal.won"))
			.andExpect(jsonPath("$.items[0].status").value("DELIVERED"))
			.andExpect(jsonPath("$.items[0].attempts").value(3))
			.andExpect(jsonPath("$.items[0].log[0].statusCode").value(500))
			.andExpect(jsonPath("$.items[0].log[1].statusCode").value(503))
			.andExpect(jsonPath("$.items[0].log[2].statusCode").value(200))
			.andExpect(jsonPath("$.items[0].log[2].durationMs").isNumber());
	}

	@Test
	void aReceiverAnsweringGoneDisablesItsSubscription() throws Exception {
		this.receiver.answering(410);
		subscribe("deal.lost");
		long subscription = onlySubscription();
		dealClosed(4343L, false);

		this.dispatcher.dispatch();
		dealClosed(4344L, false);
		this.clock.advance(Duration.ofHours(1));
		this.dispatcher.dispatch();

		assertThat(this.receiver.requests()).hasSize(1);
		this.admin.get("/api/v1/webhooks/" + subscription)
			.andExpect(jsonPath("$.enabled").value(false))
			.andExpect(jsonPath("$.disabledReason").value(org.hamcrest.Matchers.containsString("410")));
		this.admin.get("/api/v1/webhooks/" + subscription + "/deliveries")
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].status").value("FAILED"))
			.andExpect(jsonPath("$.items[0].lastStatusCode").value(410));
	}

	@Test
	void twoDispatchersRacingSendEachDeliveryOnce() throws Exception {
		this.receiver.slow(150);
		subscribe("deal.won");
		for (long deal = 1; deal <= 6; deal++) {
			dealClosed(5000 + deal, true);
		}
		var start = new CyclicBarrier(2);
		Runnable race = () -> {
			try {
				start.await();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			this.dispatcher.dispatch();
		};

		CompletableFuture.allOf(CompletableFuture.runAsync(race), CompletableFuture.runAsync(race)).join();

		var ids = this.receiver.requests().stream().map(r -> r.header("webhook-id")).toList();
		assertThat(ids).hasSize(6).doesNotHaveDuplicates();
		Set<Long> deals = this.receiver.requests()
			.stream()
			.map(r -> this.json.readTree(r.body()).get("data").get("opportunityId").asLong())
			.collect(Collectors.toSet());
		assertThat(deals).containsExactlyInAnyOrder(5001L, 5002L, 5003L, 5004L, 5005L, 5006L);
	}

	@Test
	void aReceiverThatHangsHoldsUpOnlyItsOwnDeliveries() throws Exception {
		// s56, try62: one dispatcher waited the full timeout for a hanging receiver on
		// each of its messages before anyone else's were sent
		try (var hanging = new Receiver().slow(3000)) {
			subscribe(hanging.url(), "deal.won");
			subscribe(this.receiver.url(), "deal.won");
			for (long deal = 1; deal <= 3; deal++) {
				dealClosed(6000 + deal, true);
			}
			var dispatching = CompletableFuture.runAsync(this.dispatcher::dispatch);
			// one hanging request at a time would take 9 s before the quick receiver's
			await().atMost(Duration.ofSeconds(5)).until(() -> this.receiver.requests().size() == 3);
			dispatching.get(30, java.util.concurrent.TimeUnit.SECONDS);
			// the hanging one got its three, one at a time and in order
			assertThat(hanging.requests())
				.extracting(r -> this.json.readTree(r.body()).get("data").get("opportunityId").asLong())
				.containsExactly(6001L, 6002L, 6003L);
		}
	}

	@Test
	void anEventNobodySubscribedToSendsNothing() throws Exception {
		subscribe("payout.made");
		dealClosed(4545L, true);

		this.dispatcher.dispatch();

		assertThat(this.receiver.requests()).isEmpty();
	}

	@Test
	void theSecretIsAnsweredOnlyAtCreationAndRotationAndTheNewOneSigns() throws Exception {
		var first = subscribe("deal.won");
		long subscription = onlySubscription();
		this.admin.get("/api/v1/webhooks")
			.andExpect(jsonPath("$[0].secret").doesNotExist())
			.andExpect(jsonPath("$[0].url").value(this.receiver.url()));

		var rotated = this.json
			.readTree(this.admin.post("/api/v1/webhooks/" + subscription + "/secret", "")
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString())
			.get("secret")
			.asString();
		dealClosed(4646L, true);
		this.dispatcher.dispatch();

		assertThat(rotated).startsWith("whsec_").isNotEqualTo(first);
		var request = this.receiver.requests().get(0);
		assertThatCode(() -> new Webhook(rotated).verify(request.body(), request.headers())).doesNotThrowAnyException();
		assertThatThrownBy(() -> new Webhook(first).verify(request.body(), request.headers()))
			.hasMessageContaining("signature");
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM audit_entry WHERE entity_type = 'webhook-subscription' "
					+ "AND entity_id = ? AND action IN ('created', 'secret rotated')")
			.param(String.valueOf(subscription))
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void badInputIsRefusedNamingTheFieldAndCreatesNothing() throws Exception {
		this.admin.post("/api/v1/webhooks", "{\"url\": \"ftp://files.example.com/in\", \"eventTypes\": [\"deal.won\"]}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("url"));
		this.admin
			.post("/api/v1/webhooks",
					"{\"url\": \"https://hooks.example.com/in\", \"eventTypes\": [\"deal.won\", \"deal.exploded\"]}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("eventTypes"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("deal.exploded")));
		this.admin.post("/api/v1/webhooks", "{\"url\": \"https://hooks.example.com/in\", \"eventTypes\": []}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("eventTypes"));
		this.admin.post("/api/v1/webhooks", "{\"eventTypes\": [\"deal.won\"]}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("url"));

		assertThat(this.fixtures.count("webhook_subscription")).isZero();
	}

	@Test
	void aUrlWithAnInvalidPortIsRefusedNamingTheUrl() throws Exception {
		for (var url : List.of("https://example.com:99999/", "https://example.com:0/")) {
			this.admin.post("/api/v1/webhooks", "{\"url\": \"%s\", \"eventTypes\": [\"deal.won\"]}".formatted(url))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("url"))
				.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("invalid port")));
		}

		assertThat(this.fixtures.count("webhook_subscription")).isZero();
	}

	@Test
	void withoutPrivateTargetsAUrlSendingWouldRefuseIsNotSavedEither() {
		var strict = new Webhooks(this.jdbc, this.audit, this.commands, this.clock, false,
				host -> List.of(java.net.InetAddress.getByAddress(host, new byte[] { 127, 0, 0, 1 })));
		var admin = this.fixtures.user(Role.ADMIN);
		for (var url : List.of("http://localhost.:9999/", "http://vm:9999/")) {
			assertThatThrownBy(() -> strict.create(admin, new WebhookCommand(url, List.of("deal.won"), null, null)))
				.isInstanceOfSatisfying(InvalidInputException.class,
						ex -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
							.containsExactly("url"));
		}

		assertThat(this.fixtures.count("webhook_subscription")).isZero();
	}

	private String subscribe(String type) throws Exception {
		return subscribe(this.receiver.url(), type);
	}

	private String subscribe(String url, String type) throws Exception {
		var answer = this.admin
			.post("/api/v1/webhooks",
					"{\"url\": \"%s\", \"eventTypes\": [\"%s\"], \"description\": \"test receiver\"}".formatted(url,
							type))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return this.json.readTree(answer).get("secret").asString();
	}

	private long onlySubscription() {
		return this.jdbc.sql("SELECT id FROM webhook_subscription").query(Long.class).single();
	}

	private void dealClosed(long dealId, boolean won) {
		this.transactions.executeWithoutResult(tx -> this.events.publishEvent(new DealClosed(dealId, null, won)));
	}

	private void forgetSubscriptions() {
		this.jdbc.sql("DELETE FROM webhook_subscription").update();
	}

}
