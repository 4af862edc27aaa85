package com.trellis.roi;

import java.math.BigDecimal;

import com.trellis.audit.AuditLog;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Program spend recorded by mistake is corrected or deleted by a program admin, on the
 * API and (deleted) on the ROI page, each change audited with the amount and currency;
 * nobody else may, and the spend form picks the partner by name.
 */
@TrellisTest
@TestPropertySource(properties = { "trellis.demo.enabled=false", "trellis.forecast.snapshot-cron=-" })
class ProgramSpendChangesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ProgramSpend spend;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	com.trellis.shared.BusinessCalendar calendar;

	@Test
	void anAdminDeletesProgramSpendOnTheApiAuditedWithItsAmountAndCurrency() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var world = this.fixtures.world("Deleted spend partner");
		var entry = spend(admin, world.partnerId(), "1500.00", "GBP");
		var api = new Api(this.mvc, this.fixtures.token(admin));

		api.delete("/api/v1/roi/spend/" + entry.id()).andExpect(status().isNoContent());

		assertThat(stored(entry.id())).isZero();
		assertThat(this.audit.history("program-spend", entry.id())).extracting(AuditLog.Entry::action)
			.containsExactly("deleted", "recorded");
		assertThat(this.audit.history("program-spend", entry.id()).get(0).before()).contains("1500.00").contains("GBP");
		api.delete("/api/v1/roi/spend/" + entry.id()).andExpect(status().isNotFound());
		api.delete("/api/v1/roi/spend/999999999").andExpect(status().isNotFound());
	}

	@Test
	void anAdminCorrectsProgramSpendAuditedBeforeAndAfterAndABadCorrectionChangesNothing() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var world = this.fixtures.world("Corrected spend partner");
		var entry = spend(admin, world.partnerId(), "1500.00", "GBP");
		var api = new Api(this.mvc, this.fixtures.token(admin));

		api.put("/api/v1/roi/spend/" + entry.id(),
				ProgramSpendInputTests.spend(world.partnerId(), "2026-10-06", "150.00"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.amount").value(150.00))
			.andExpect(jsonPath("$.currency").value("USD"));
		var corrected = this.audit.history("program-spend", entry.id()).get(0);
		assertThat(corrected.action()).isEqualTo("corrected");
		assertThat(corrected.before()).contains("1500.00").contains("GBP");
		assertThat(corrected.after()).contains("150.00").contains("USD").contains("2026-10-06");

		api.put("/api/v1/roi/spend/" + entry.id(),
				ProgramSpendInputTests.spend(world.partnerId(), "2026-10-06", "1e10"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("amount"));
		api.put("/api/v1/roi/spend/" + entry.id(),
				ProgramSpendInputTests.spend(world.partnerId(), "2030-01-01", "150.00"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("spentOn"));
		assertThat(this.jdbc.sql("SELECT amount FROM roi_program_spend WHERE id = :id")
			.param("id", entry.id())
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo("150.00");
		assertThat(this.audit.history("program-spend", entry.id())).hasSize(2);
		api.put("/api/v1/roi/spend/999999999", ProgramSpendInputTests.spend(world.partnerId(), "2026-10-06", "1.00"))
			.andExpect(status().isNotFound());
	}

	@Test
	void onlyAProgramAdminMayCorrectOrDeleteSpendWhateverItSends() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var world = this.fixtures.world("Guarded spend partner");
		var entry = spend(admin, world.partnerId(), "10.00", "USD");
		for (var caller : new Viewer[] { world.pam(), this.fixtures.user(Role.EXECUTIVE), world.partnerUser() }) {
			var api = new Api(this.mvc, this.fixtures.token(caller));
			api.delete("/api/v1/roi/spend/" + entry.id()).andExpect(status().isForbidden());
			api.delete("/api/v1/roi/spend/999999999").andExpect(status().isForbidden());
			api.put("/api/v1/roi/spend/" + entry.id(), "{\"amount\": \"lots\"}").andExpect(status().isForbidden());
			this.mvc.perform(post("/roi/spend/" + entry.id() + "/delete").session(login(caller)).with(csrf()))
				.andExpect(status().isForbidden());
		}
		assertThat(stored(entry.id())).isOne();
	}

	@Test
	void anAdminDeletesSpendFromTheRoiPageAndOthersSeeNoDeleteButton() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var world = this.fixtures.world("Page deleted spend partner");
		var entry = spend(admin, world.partnerId(), "75.00", "EUR");
		var session = login(admin);
		var action = "/roi/spend/" + entry.id() + "/delete";
		assertThat(page(session)).contains("action=\"" + action + "\"");
		assertThat(page(login(world.pam()))).doesNotContain("/delete\"");

		this.mvc.perform(post(action).session(session).with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(stored(entry.id())).isZero();
		assertThat(this.audit.history("program-spend", entry.id()).get(0).before()).contains("75.00").contains("EUR");
		this.mvc.perform(post(action).session(session)).andExpect(status().isForbidden());
		this.mvc.perform(post(action).session(session).with(csrf())).andExpect(status().isNotFound());
	}

	@Test
	void theSpendFormPicksThePartnerByNameAndRecordsItsId() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var name = "Named spend partner " + System.nanoTime();
		var world = this.fixtures.world(name);
		var session = login(admin);
		var page = page(session);
		assertThat(page).doesNotContain("name=\"partnerId\" type=\"text\"").doesNotContain("Partner id");
		if (this.fixtures.count("partner") <= RoiPageController.PARTNER_CHOICES) {
			assertThat(page).contains("<option value=\"" + world.partnerId() + "\">" + name + "</option>");
		}
		else {
			assertThat(page).contains("name=\"partnerName\" list=\"partner-options\"");
		}
		this.mvc
			.perform(post("/roi/spend").session(session)
				.with(csrf())
				.param("partnerName", " " + name.toUpperCase() + " ")
				.param("spentOn", "2026-10-05")
				.param("amount", "1,250.50")
				.param("currency", "USD")
				.param("purpose", "Booth"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.spend.list(admin, null, new com.trellis.shared.PageRequest(0, 200)).items()).anySatisfy(s -> {
			assertThat(s.partnerId()).isEqualTo(world.partnerId());
			assertThat(s.amount()).isEqualByComparingTo("1250.50");
		});
		var unknown = this.mvc
			.perform(post("/roi/spend").session(session)
				.with(csrf())
				.param("partnerName", "Nobody by this name " + System.nanoTime())
				.param("spentOn", "2026-10-05")
				.param("amount", "10")
				.param("currency", "USD")
				.param("purpose", "Booth"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(unknown).contains("pick one of the suggestions");
	}

	private String page(MockHttpSession session) throws Exception {
		return this.mvc.perform(get("/roi").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private long stored(long id) {
		return this.jdbc.sql("SELECT count(*) FROM roi_program_spend WHERE id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
	}

	/** Spend of today, so that it is among the latest the page lists. */
	private SpendView spend(Viewer admin, long partnerId, String amount, String currency) {
		return this.spend.add(admin,
				new SpendCommand(partnerId, this.calendar.today(), new BigDecimal(amount), currency, "Partner event"));
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		var result = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
