package com.trellis.notify;

import java.math.BigDecimal;
import java.time.Duration;

import com.trellis.credit.CreditDisputes;
import com.trellis.credit.RaiseDispute;
import com.trellis.deals.CreditType;
import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A manager deactivated while users still report to them: the deactivation's answer and
 * the user's page say how many active reports still name them, with the hand-over link
 * (the hand-over itself: HandoverTests); and nobody asks a deactivated manager to act: a
 * credit dispute on their report's deal goes to the next active manager up.
 */
@TrellisTest
class DeactivatedManagerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Users users;

	@Autowired
	CreditDisputes disputes;

	@Autowired
	StaffNotices notices;

	@Test
	void deactivatingAManagerWithActiveReportsWarnsWithTheirNumberAndTheHandOver() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var manager = this.fixtures.user(Role.SALES_MANAGER);
		this.fixtures.user(Role.AE, null, manager.userId());
		this.fixtures.user(Role.AE, null, manager.userId());
		var gone = this.fixtures.user(Role.AE, null, manager.userId());
		this.jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE id = ?").param(gone.userId()).update();
		new Api(this.mvc, this.fixtures.token(admin)).post("/api/v1/users/" + manager.userId() + "/deactivate", "")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(manager.userId()))
			.andExpect(jsonPath("$.active").value(false))
			.andExpect(jsonPath("$.activeReports").value(2))
			.andExpect(jsonPath("$.warning").value(containsString("2 active users still name")))
			.andExpect(jsonPath("$.handOver").value("/admin/users/" + manager.userId() + "/reassign"));
		var session = login(admin);
		this.mvc.perform(get("/admin/users/" + manager.userId()).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"reports-warning\"")))
			.andExpect(content().string(containsString("2 active users still name")));
		// a manager without active reports is deactivated without a warning
		var lone = this.fixtures.user(Role.SALES_MANAGER);
		new Api(this.mvc, this.fixtures.token(admin)).post("/api/v1/users/" + lone.userId() + "/deactivate", "")
			.andExpect(jsonPath("$.activeReports").value(0))
			.andExpect(jsonPath("$.warning").doesNotExist());
		this.mvc.perform(get("/admin/users/" + lone.userId()).session(session))
			.andExpect(content().string(not(containsString("reports-warning"))));
	}

	@Test
	void aDisputeOnADeactivatedManagersReportsDealGoesToTheNextActiveManagerUp() {
		var director = this.fixtures.user(Role.SALES_MANAGER);
		var manager = this.fixtures.user(Role.SALES_MANAGER, null, director.userId());
		var world = this.fixtures.world("Escalated Dispute " + System.nanoTime());
		this.jdbc.sql("UPDATE app_user SET manager_id = ? WHERE id = ?")
			.params(manager.userId(), world.ae().userId())
			.update();
		assertThat(this.users.activeManagerOf(world.ae().userId())).contains(manager.userId());
		this.jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE id = ?").param(manager.userId()).update();
		assertThat(this.users.activeManagerOf(world.ae().userId())).contains(director.userId());

		this.disputes.raise(world.partnerUser(), world.dealId(),
				new RaiseDispute(CreditType.INFLUENCED, new BigDecimal("10"), "We brought this customer"));
		var subject = "Credit dispute on " + this.jdbc.sql("SELECT name FROM opportunity WHERE id = ?")
			.param(world.dealId())
			.query(String.class)
			.single();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(subjects(director)).containsExactly(subject));
		assertThat(subjects(manager)).isEmpty();
		// nobody active above: no manager is asked (the partner's PAM decides)
		this.jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE id = ?").param(director.userId()).update();
		assertThat(this.users.activeManagerOf(world.ae().userId())).isEmpty();
	}

	private java.util.List<String> subjects(Viewer viewer) {
		return this.notices.inbox(viewer, 20).stream().map(Notification::subject).toList();
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		return (MockHttpSession) this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

}
