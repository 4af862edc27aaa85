package com.trellis.deals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.incentives.Incentives;
import com.trellis.incentives.ProgramCommand;
import com.trellis.incentives.ProgramKind;
import com.trellis.process.JointOwners;
import com.trellis.process.SalesProcess;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.Fixtures.World;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A deal's stage changes only through the sales process, and a closed deal's money only
 * through a recorded correction.
 */
@TrellisTest
class DealIntegrityTests {

	private static final String DEAL = """
			{"accountId": %d, "name": "Fixture deal", "amount": %s, "currency": "USD", "stage": "%s",
			 "source": "PARTNER", "partnerId": %d, "creditType": "SOURCED", "partnerShare": 20}
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Incentives incentives;

	@Autowired
	SalesProcess process;

	@Test
	void anAccountExecutiveCannotCloseARegisteredPartnerDealByEditingItsStage() throws Exception {
		long program = referralProgram();
		var world = this.fixtures.world("Bypass Partners");
		this.jdbc.sql("UPDATE opportunity SET stage = 'REGISTERED' WHERE id = ?").param(world.dealId()).update();
		var ae = new Api(this.mvc, this.fixtures.token(world.ae()));

		ae.post("/api/v1/opportunities/" + world.dealId() + "/advance", "").andExpect(status().isForbidden());
		ae.put("/api/v1/opportunities/" + world.dealId(),
				DEAL.formatted(world.accountId(), "125000.00", "CLOSED_WON", world.partnerId()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("stage"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("advance")));

		assertThat(stage(world.dealId())).isEqualTo("REGISTERED");
		assertThat(stageChanges(world.dealId())).isZero();
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(5))
			.until(() -> earned(world.partnerId(), program).signum() == 0);
	}

	@Test
	void anEditNeverMovesTheStageNotEvenBetweenOpenStages() throws Exception {
		var world = this.fixtures.world("Open Bypass Partners");
		var ae = new Api(this.mvc, this.fixtures.token(world.ae()));
		ae.put("/api/v1/opportunities/" + world.dealId(),
				DEAL.formatted(world.accountId(), "125000.00", "COMMIT", world.partnerId()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("stage"));
		ae.put("/api/v1/opportunities/" + world.dealId(),
				DEAL.formatted(world.accountId(), "130000.00", "QUALIFIED", world.partnerId()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.amount").value(130000.00));
		assertThat(stage(world.dealId())).isEqualTo("QUALIFIED");
	}

	@Test
	void aDealOpensOnlyAtAnOpenStage() throws Exception {
		var world = this.fixtures.world("Born Won Partners");
		var ae = new Api(this.mvc, this.fixtures.token(world.ae()));
		long deals = this.fixtures.count("opportunity");
		for (var closed : List.of("CLOSED_WON", "CLOSED_LOST")) {
			ae.post("/api/v1/opportunities", DEAL.formatted(world.accountId(), "1000", closed, world.partnerId()))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("stage"));
		}
		assertThat(this.fixtures.count("opportunity")).isEqualTo(deals);
	}

	@Test
	void aStaleAdvanceFormDoesNotMoveTheDealOnFromWhereSomeoneElseLeftIt() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var world = this.fixtures.world("Stale Form Partners");
		tickAll(world.ae(), world.dealId());
		var session = login(admin);
		// the admin's page shows Qualified, complete; meanwhile the rep advances and
		// prepares
		// Joint working
		this.process.advance(world.ae(), world.dealId());
		tickAll(world.ae(), world.dealId());
		this.process.setJointOwners(world.ae(), world.dealId(), new JointOwners("Partner lead", "Vendor SE"));

		this.mvc
			.perform(post("/opportunities/" + world.dealId() + "/advance").param("seenStage", "QUALIFIED")
				.session(session)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("error", containsString("Joint working")));
		assertThat(stage(world.dealId())).isEqualTo("JOINT_WORKING");
	}

	@Test
	void aStaleApiMoveIsRefusedWithAConflict() throws Exception {
		var world = this.fixtures.world("Stale Api Partners");
		tickAll(world.ae(), world.dealId());
		this.process.advance(world.ae(), world.dealId());
		tickAll(world.ae(), world.dealId());
		this.process.setJointOwners(world.ae(), world.dealId(), new JointOwners("Partner lead", "Vendor SE"));
		var ae = new Api(this.mvc, this.fixtures.token(world.ae()));

		ae.post("/api/v1/opportunities/" + world.dealId() + "/advance?seenStage=QUALIFIED", "")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("stage"));
		assertThat(stage(world.dealId())).isEqualTo("JOINT_WORKING");
	}

	@Test
	void twoAdvancesAtOnceMoveTheDealOneStage() throws Exception {
		var world = this.fixtures.world("Double Click Partners");
		tickAll(world.ae(), world.dealId());
		var pool = Executors.newFixedThreadPool(2);
		var start = new CountDownLatch(1);
		var outcomes = new ArrayList<Future<Object>>();
		try {
			for (int i = 0; i < 2; i++) {
				Callable<Object> advance = () -> {
					start.await();
					try {
						return this.process.advance(world.ae(), world.dealId());
					}
					catch (RuntimeException ex) {
						return ex;
					}
				};
				outcomes.add(pool.submit(advance));
			}
			start.countDown();
			int advanced = 0;
			for (var outcome : outcomes) {
				if (!(outcome.get() instanceof RuntimeException)) {
					advanced++;
				}
			}
			assertThat(advanced).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(stage(world.dealId())).isEqualTo("JOINT_WORKING");
		assertThat(stageChanges(world.dealId())).isEqualTo(1);
	}

	@Test
	void anAccountExecutiveCannotChangeTheMoneyOfAWonDeal() throws Exception {
		long program = referralProgram();
		var world = this.fixtures.world("Inflating Partners");
		win(world);
		await().atMost(Duration.ofSeconds(10)).until(() -> earned(world.partnerId(), program).signum() != 0);
		var ae = new Api(this.mvc, this.fixtures.token(world.ae()));

		ae.put("/api/v1/opportunities/" + world.dealId(),
				DEAL.formatted(world.accountId(), "125000000.00", "CLOSED_WON", world.partnerId()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("amount"));
		ae.put("/api/v1/opportunities/" + world.dealId(),
				DEAL.formatted(world.accountId(), "125000.00", "CLOSED_WON", world.partnerId()).replace("USD", "EUR"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("currency"));
		ae.post("/api/v1/opportunities/" + world.dealId() + "/correction",
				"{\"amount\": 125000000.00, \"currency\": \"USD\", \"reason\": \"typo\"}")
			.andExpect(status().isForbidden());

		assertThat(this.jdbc.sql("SELECT amount FROM opportunity WHERE id = ?")
			.param(world.dealId())
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo("125000.00");
		// the fixture deal's partner share is 20 %: 10 % of 20 % of USD 125,000.00
		assertThat(earned(world.partnerId(), program)).isEqualByComparingTo("2500.00");
	}

	@Test
	void anAdminCorrectsAWonDealWithAReasonAndThePartnerEarnsFromTheCorrectedAmount() throws Exception {
		long program = referralProgram();
		var world = this.fixtures.world("Corrected Partners");
		win(world);
		await().atMost(Duration.ofSeconds(10)).until(() -> earned(world.partnerId(), program).signum() != 0);
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		var url = "/api/v1/opportunities/" + world.dealId() + "/correction";

		admin.post(url, "{\"amount\": 150000.00, \"currency\": \"USD\", \"reason\": \" \"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		admin.post(url, "{\"amount\": 150000.00, \"currency\": \"USD\", \"reason\": \"Order form said 150k\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.amount").value(150000.00))
			.andExpect(jsonPath("$.stage").value("CLOSED_WON"));

		await().atMost(Duration.ofSeconds(10))
			.until(() -> earned(world.partnerId(), program).compareTo(new BigDecimal("3000.00")) == 0);
		assertThat(this.jdbc
			.sql("""
					SELECT kind || ' ' || round(amount, 2) FROM incentive_earning WHERE partner_id = ? AND program_id = ? ORDER BY id
					""")
			.params(world.partnerId(), program)
			.query(String.class)
			.list()).containsExactly("REFERRAL 2500.00", "REFERRAL 500.00");
		assertThat(this.jdbc
			.sql("""
					SELECT action FROM audit_entry WHERE entity_type = 'opportunity' AND entity_id = ? AND actor_id IS NOT NULL
					ORDER BY id DESC LIMIT 1
					""")
			.param(String.valueOf(world.dealId()))
			.query(String.class)
			.single()).isEqualTo("corrected USD 125,000.00 to USD 150,000.00: Order form said 150k");
	}

	@Test
	void anAdminCorrectsAWonDealOnItsPageAndARepCannot() throws Exception {
		var world = this.fixtures.world("Page Corrected Partners");
		win(world);
		var admin = login(this.fixtures.user(Role.ADMIN));
		this.mvc.perform(get("/opportunities/" + world.dealId()).session(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Correct the amount")));

		var refused = this.mvc
			.perform(post("/opportunities/" + world.dealId() + "/correction").param("amount", "abc")
				.param("currency", "USD")
				.param("reason", "typo")
				.session(admin)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("error", containsStringIgnoringCase("amount")))
			.andReturn();
		// the page shows the correction as it was typed (s52: the amount went back to the
		// deal's and the reason was emptied)
		this.mvc.perform(get("/opportunities/" + world.dealId()).session(admin).flashAttrs(refused.getFlashMap()))
			.andExpect(content().string(containsString("name=\"amount\" inputmode=\"decimal\" value=\"abc\"")))
			.andExpect(content().string(containsString("value=\"typo\"")));
		this.mvc
			.perform(post("/opportunities/" + world.dealId() + "/correction").param("amount", "1250000")
				.param("currency", "USD")
				.param("reason", "typo")
				.session(login(world.ae()))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/opportunities/" + world.dealId() + "/correction").param("amount", "130000.00")
				.param("currency", "USD")
				.param("reason", "Signed order form says 130k")
				.session(admin)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", "Corrected"));

		assertThat(this.jdbc.sql("SELECT amount FROM opportunity WHERE id = ?")
			.param(world.dealId())
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo("130000.00");
		this.mvc.perform(get("/opportunities/" + world.dealId()).session(admin))
			.andExpect(content().string(containsString("Signed order form says 130k")));
		this.mvc.perform(get("/opportunities/" + world.dealId()).session(login(world.partnerUser())))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("Signed order form says 130k"))));
	}

	private void win(World world) {
		var admin = this.fixtures.user(Role.ADMIN);
		while (!"CLOSED_WON".equals(stage(world.dealId()))) {
			tickAll(admin, world.dealId());
			if ("JOINT_WORKING".equals(stage(world.dealId()))) {
				this.process.setJointOwners(admin, world.dealId(), new JointOwners("Partner lead", "Vendor SE"));
			}
			this.process.advance(admin, world.dealId());
		}
	}

	private void tickAll(Viewer viewer, long dealId) {
		for (var item : this.process.of(viewer, dealId).current().checklist()) {
			this.process.tick(viewer, dealId, item, true);
		}
	}

	private long referralProgram() {
		var admin = this.fixtures.user(Role.ADMIN);
		return this.incentives
			.createProgram(admin,
					new ProgramCommand("Referral " + System.nanoTime(), ProgramKind.REFERRAL, "USD",
							LocalDate.of(2026, 1, 1), null,
							Map.of("sourcedPercent", "10", "influencedPercent", "5", "coSellPercent", "3")))
			.id();
	}

	private BigDecimal earned(long partnerId, long programId) {
		return this.jdbc
			.sql("SELECT coalesce(sum(amount), 0) FROM incentive_earning WHERE partner_id = ? AND program_id = ?")
			.params(partnerId, programId)
			.query(BigDecimal.class)
			.single();
	}

	private String stage(long dealId) {
		return this.jdbc.sql("SELECT stage FROM opportunity WHERE id = ?").param(dealId).query(String.class).single();
	}

	private long stageChanges(long dealId) {
		return this.jdbc.sql("SELECT count(*) FROM opportunity_stage_change WHERE opportunity_id = ?")
			.param(dealId)
			.query(Long.class)
			.single();
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		var result = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
