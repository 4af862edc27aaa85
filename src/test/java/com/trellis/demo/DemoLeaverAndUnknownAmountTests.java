package com.trellis.demo;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.trellis.hygiene.Hygiene;
import com.trellis.hygiene.HygieneCheck;
import com.trellis.hygiene.HygieneSummary;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.FirstStartTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The demo's first start has a rep who left (deactivated, still holding open deals and
 * accounts) and open deals whose amount is unknown, so the hygiene report, its one-click
 * fix, the leaver hand-over and "Amount unknown" can be tried at once. Runs on a context
 * of its own holding the demo's first start, as the other first-start checks do, so no
 * other class's hand-over or fix has touched the leaver's deals whatever ran before it in
 * the same JVM. Reads only (its API token aside).
 */
@FirstStartTest
class DemoLeaverAndUnknownAmountTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Hygiene hygiene;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MockMvc mvc;

	@Test
	void aDeactivatedRepStillHoldsOpenDealsAndAccountsAndTheAdminsHygieneCountsThem() {
		var leaver = this.jdbc.sql("SELECT id, enabled, role FROM app_user WHERE email = ?")
			.param(DemoLeaver.EMAIL)
			.query((rs, n) -> List.of(rs.getLong(1), rs.getBoolean(2), rs.getString(3)))
			.single();
		assertThat(leaver.subList(1, 3)).containsExactly(false, "AE");
		long id = (Long) leaver.get(0);
		assertThat(count("SELECT count(*) FROM account WHERE owner_ae_id = ?", id)).isBetween(1L,
				(long) DemoLeaver.ACCOUNTS);
		var held = count("SELECT count(*) FROM opportunity WHERE owner_id = ? AND stage NOT IN "
				+ "('CLOSED_WON', 'CLOSED_LOST')", id);
		var onOthersAccounts = count("""
				SELECT count(*) FROM opportunity o JOIN account a ON a.id = o.account_id
				WHERE o.owner_id = ? AND a.owner_ae_id <> o.owner_id AND o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
				""", id);
		assertThat(onOthersAccounts).as("deals the one-click fix can hand over").isPositive();
		assertThat(held).as("and deals only the leaver hand-over moves").isGreaterThan(onOthersAccounts);

		var admin = new Viewer(1, "Ada Admin", Role.ADMIN, null);
		assertThat(counts(admin).get(HygieneCheck.DEACTIVATED_OWNERS)).isEqualTo(held);
	}

	@Test
	void someOpenDealsHaveTheirAmountUnknownOutOfEverySumAndInTheHygieneReport() throws Exception {
		var unknown = this.jdbc.sql("""
				SELECT o.id FROM opportunity o WHERE o.amount_unknown AND o.amount = 0
				  AND o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') ORDER BY o.id
				""").query(Long.class).list();
		assertThat(unknown).hasSizeGreaterThanOrEqualTo(3);
		assertThat(count("SELECT count(*) FROM opportunity WHERE amount_unknown AND (amount <> 0 OR stage IN "
				+ "('CLOSED_WON', 'CLOSED_LOST'))"))
			.isZero();
		long alexs = count("""
				SELECT min(o.id) FROM opportunity o JOIN app_user u ON u.id = o.owner_id
				WHERE u.email = 'ae@trellis.demo' AND o.amount_unknown
				""");
		assertThat(count("SELECT count(*) FROM opportunity WHERE amount_unknown AND partner_id = 1")).isPositive();

		var admin = new Viewer(1, "Ada Admin", Role.ADMIN, null);
		var missing = new java.util.ArrayList<String>();
		this.hygiene.forEachRecord(admin, HygieneCheck.MISSING_FIELDS,
				r -> missing.add(r.recordId() + ": " + r.problem()));
		for (long deal : unknown) {
			assertThat(missing).contains(deal + ": amount unknown");
		}

		var ae = new Viewer(
				this.jdbc.sql("SELECT id FROM app_user WHERE email = 'ae@trellis.demo'").query(Long.class).single(),
				"Alex Rivera", Role.AE, null);
		new Api(this.mvc, this.fixtures.token(ae)).get("/api/v1/opportunities/" + alexs)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.amountUnknown").value(true))
			.andExpect(jsonPath("$.amount").value(nullValue()));
	}

	private Map<HygieneCheck, Long> counts(Viewer viewer) {
		return this.hygiene.summary(viewer)
			.stream()
			.collect(Collectors.toMap(HygieneSummary::check, HygieneSummary::count));
	}

	private long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

}
