package com.trellis.hygiene;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.trellis.shared.PageRequest;
import com.trellis.support.TrellisTest;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page of MISSING_FIELDS (cut from the check's index before the owners are joined), of
 * OWNER_NOT_ACCOUNT_OWNER (cut from the kept mismatches, V121) and of DEACTIVATED_OWNERS
 * holds the same records in the same order as the check's whole list cut at the page (the
 * former page), with the same count, for the program, PAM books large and small and sales
 * teams, page sizes 1, 3, 7 and 50 and every page up to one past the last; on the demo
 * data with a fifth of the open deals' amounts set to 0 (half of them unknown) and a
 * ninth of their close dates taken away, a quarter of the accounts given to another rep
 * and two deal owners deactivated; rolled back.
 */
@TrellisTest
class HygienePagesCutFirstTests {

	private static final List<HygieneCheck> CHECKS = List.of(HygieneCheck.MISSING_FIELDS,
			HygieneCheck.OWNER_NOT_ACCOUNT_OWNER, HygieneCheck.DEACTIVATED_OWNERS);

	private static final HygieneRepository.Norms NORMS = new HygieneRepository.Norms(new String[] { "QUALIFIED" },
			new Integer[] { 3 }, new String[] { "Qualified" });

	@Autowired
	HygieneRepository repository;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aPageIsTheWholeListCutAtThePage() {
		var template = new TransactionTemplate(this.transactions);
		template.executeWithoutResult(status -> {
			status.setRollbackOnly();
			this.jdbc.sql("""
					UPDATE opportunity SET amount = 0, amount_unknown = (id % 2 = 0)
					WHERE stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') AND id % 5 = 0
					""").update();
			this.jdbc.sql("""
					UPDATE opportunity SET close_date = NULL
					WHERE stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') AND id % 9 = 0
					""").update();
			// the accounts' owners change in one statement: the kept mismatches follow
			this.jdbc.sql("""
					UPDATE account SET owner_ae_id = (SELECT min(id) FROM app_user WHERE role = 'AE' AND enabled)
					WHERE id % 4 = 0
					""").update();
			this.jdbc.sql("""
					UPDATE app_user SET enabled = FALSE WHERE id IN (
					    SELECT owner_id FROM opportunity WHERE stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
					    GROUP BY owner_id ORDER BY count(*) DESC, owner_id OFFSET 3 LIMIT 2)
					""").update();
			var now = Instant.now();
			long compared = 0;
			// every check's differences are reported, not only the first check's
			var soft = new SoftAssertions();
			for (var check : CHECKS) {
				long ofCheck = 0;
				for (var scope : SampleScopes.of(this.jdbc, 4)) {
					ofCheck += compare(soft, check, scope, now);
				}
				soft.assertThat(ofCheck).as("%s records compared", check).isGreaterThan(20);
				compared += ofCheck;
			}
			soft.assertThat(compared).as("records compared").isGreaterThan(500);
			soft.assertAll();
		});
	}

	/** Compares every page of the check in scope; returns the records compared. */
	private long compare(SoftAssertions soft, HygieneCheck check, HygieneScope scope, Instant now) {
		var query = this.repository.query(check, scope, now, LocalDate.ofInstant(now, ZoneOffset.UTC), NORMS);
		var whole = new ArrayList<HygieneRecord>();
		this.repository.forEach(query, scope, whole::add);
		long compared = 0;
		for (int size : new int[] { 1, 3, 7, 50 }) {
			int pages = whole.size() / size + 2;
			for (int page = 0; page < Math.min(pages, 30); page++) {
				var request = PageRequest.of(page, size);
				var result = this.repository.page(query, scope, request);
				var cut = whole.subList(Math.min(whole.size(), request.offset()),
						Math.min(whole.size(), request.offset() + size));
				soft.assertThat(result.items())
					.as("%s of %s, page %d of %d", check, scope, page, size)
					.containsExactlyElementsOf(cut);
				soft.assertThat(result.total()).as("%s of %s counted", check, scope).isEqualTo(whole.size());
				compared += result.items().size();
			}
		}
		return compared;
	}

}
