package com.trellis.deals;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import com.trellis.shared.PageRequest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first open deals of some owners read in the work order
 * ({@link Deals#firstOpenOwnedBy}, the pipeline review's) are the deals and the order of
 * the deal search with an open filter on its first page of the same size
 * ({@link Deals#searchOwnedBy}), on the demo (every rep, one team) and on a generated
 * world: reps whose open deals share close dates, have none, or are closed, for pages of
 * 1 to 1,000 deals and for a partner user, who sees only its own partner's deals.
 */
@TrellisTest
class FirstOpenDealsTests {

	private static final long SEED = 20261202L;

	private static final DealFilter OPEN = new DealFilter(null, null, true, null, null, null, null);

	@Autowired
	Deals deals;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theFirstOpenDealsOfSomeOwnersAreTheOpenSearchsFirstPage() {
		var admin = this.fixtures.user(Role.ADMIN);
		var everyRep = this.jdbc.sql("SELECT id FROM app_user WHERE role = 'AE' AND enabled ORDER BY display_name")
			.query(Long.class)
			.list();
		assertThat(everyRep).isNotEmpty();
		compare(admin, everyRep, "the demo's reps");
		compare(admin, everyRep.subList(0, Math.min(3, everyRep.size())), "three of the demo's reps");

		var random = new Random(SEED);
		var world = this.fixtures.world("First Open Partners " + SEED);
		var reps = new ArrayList<Long>(List.of(world.ae().userId()));
		for (int i = 0; i < 3; i++) {
			reps.add(this.fixtures.user(Role.AE).userId());
		}
		var today = LocalDate.now(this.clock);
		var stages = List.of("REGISTERED", "QUALIFIED", "COMMIT", "CLOSED_WON", "CLOSED_LOST");
		// the 160 deals in one statement, each drawn as when they were inserted one by
		// one
		int n = 160;
		var stageOf = new String[n];
		var closeOf = new String[n];
		var ownerOf = new Long[n];
		var partnerOf = new Long[n];
		for (int i = 0; i < n; i++) {
			// few close dates, so many ties; some undated; some closed
			var close = random.nextInt(6) == 0 ? null : today.plusDays(random.nextInt(5) - 2);
			boolean partnered = random.nextBoolean();
			stageOf[i] = stages.get(random.nextInt(stages.size()));
			closeOf[i] = close == null ? null : close.toString();
			ownerOf[i] = reps.get(random.nextInt(reps.size()));
			partnerOf[i] = partnered ? world.partnerId() : null;
		}
		this.jdbc
			.sql("""
					INSERT INTO opportunity (account_id, name, amount, currency, stage, close_date, owner_id, source,
					                         partner_id, credit_type, partner_share, stage_entered_at, created_at, updated_at)
					SELECT :account, 'First open deal', 1000, 'USD', d.stage, CAST(d.close AS DATE), d.owner,
					       CASE WHEN d.partner IS NULL THEN 'DIRECT' ELSE 'PARTNER' END, d.partner,
					       CASE WHEN d.partner IS NULL THEN NULL ELSE 'SOURCED' END,
					       CASE WHEN d.partner IS NULL THEN NULL ELSE 20 END, :now, :now, :now
					FROM unnest(CAST(:stages AS TEXT[]), CAST(:closes AS TEXT[]), CAST(:owners AS BIGINT[]),
					            CAST(:partners AS BIGINT[])) WITH ORDINALITY AS d(stage, close, owner, partner, n)
					ORDER BY d.n
					""")
			.param("account", world.accountId())
			.param("stages", stageOf)
			.param("closes", closeOf)
			.param("owners", ownerOf)
			.param("partners", partnerOf)
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		compare(admin, reps, "the generated reps");
		compare(admin, reps.subList(1, 3), "two generated reps");
		compare(admin, List.of(reps.get(0), everyRep.get(0)), "a generated rep and a demo rep");
		compare(world.partnerUser(), reps, "the generated reps, as the partner's user");
		assertThat(this.deals.firstOpenOwnedBy(admin, List.of(), 100)).isEmpty();
	}

	private void compare(Viewer viewer, List<Long> owners, String which) {
		for (int size : List.of(1, 7, 100, 200)) {
			var expected = this.deals.searchOwnedBy(viewer, owners, OPEN, PageRequest.listed(0, size)).items();
			assertThat(this.deals.firstOpenOwnedBy(viewer, owners, size)).as("%s, %d deals", which, size)
				.isEqualTo(expected);
			if (size == 100) {
				assertThat(expected).as("%s have open deals", which).isNotEmpty();
			}
		}
	}

}
