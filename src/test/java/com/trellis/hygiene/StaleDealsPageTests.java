package com.trellis.hygiene;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.trellis.shared.PageRequest;
import com.trellis.support.FirstStartTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page of STALE_DEALS read per stage ({@link StaleDeals}) holds the same records in the
 * same order as the whole list cut at the page (the former page), for the program, PAM
 * books large and small and sales teams, page sizes from 1 to 50 and every page up to one
 * past the last, at several moments and norms, with many deals entered at the same
 * instant (ties ordered by id) and deals of several stages entered on the same day;
 * rolled back. On the demo as its first start left it ({@link FirstStartTest}: the test
 * writes nothing that outlasts it), so the lists compared are the demo's and do not grow
 * with the rows other test classes leave in the shared database.
 */
@FirstStartTest
class StaleDealsPageTests {

	/** Short norms, so that most open deals are stale at some moment. */
	private static final HygieneRepository.Norms SHORT = new HygieneRepository.Norms(
			new String[] { "REGISTERED", "QUALIFIED", "JOINT_WORKING", "COMMIT" }, new Integer[] { 0, 1, 3, 6 },
			new String[] { "Registered", "Qualified", "Joint working", "Commit" });

	/** Two stages only, one of them without a norm (no record of it is stale). */
	private static final HygieneRepository.Norms PARTIAL = new HygieneRepository.Norms(
			new String[] { "QUALIFIED", "COMMIT" }, new Integer[] { 2, null }, new String[] { "Qualified", "Commit" });

	@Autowired
	HygieneRepository repository;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aPageReadPerStageIsTheWholeListCutAtThePage() {
		var template = new TransactionTemplate(this.transactions);
		template.executeWithoutResult(status -> {
			status.setRollbackOnly();
			// ties: a third of the open deals entered their stage at one instant per
			// stage, and a further third at midnight of their day
			this.jdbc.sql("""
					UPDATE opportunity SET stage_entered_at = TIMESTAMPTZ '2025-03-01 10:00:00+00'
					WHERE stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') AND id % 3 = 0
					""").update();
			this.jdbc.sql("""
					UPDATE opportunity SET stage_entered_at = date_trunc('day', stage_entered_at)
					WHERE stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') AND id % 3 = 1
					""").update();
			long compared = 0;
			for (var scope : SampleScopes.of(this.jdbc, 2)) {
				for (var now : moments()) {
					for (var norms : List.of(SHORT, PARTIAL)) {
						compared += compare(scope, now, norms);
					}
				}
			}
			assertThat(compared).as("records compared").isGreaterThan(1000);
		});
	}

	/** Compares every page of the check in scope; returns the records compared. */
	private long compare(HygieneScope scope, Instant now, HygieneRepository.Norms norms) {
		var query = this.repository.query(HygieneCheck.STALE_DEALS, scope, now,
				LocalDate.ofInstant(now, ZoneOffset.UTC), norms);
		var whole = whole(query, scope);
		long compared = 0;
		for (int size : new int[] { 1, 2, 3, 7, 50 }) {
			int pages = whole.size() / size + 2;
			var read = new ArrayList<HygieneRecord>();
			for (int page = 0; page < Math.min(pages, 40); page++) {
				var request = PageRequest.of(page, size);
				var items = this.repository.page(query, scope, request).items();
				var cut = whole.subList(Math.min(whole.size(), request.offset()),
						Math.min(whole.size(), request.offset() + size));
				assertThat(items).as("%s at %s, page %d of %d", scope, now, page, size).containsExactlyElementsOf(cut);
				read.addAll(items);
				compared += items.size();
			}
		}
		assertThat(this.repository.count(query, scope)).as("%s at %s counted", scope, now).isEqualTo(whole.size());
		return compared;
	}

	/** The former page's source: every record of the check in scope, in page order. */
	private List<HygieneRecord> whole(HygieneRepository.Query query, HygieneScope scope) {
		var records = new ArrayList<HygieneRecord>();
		this.repository.forEach(query, scope, records::add);
		return records;
	}

	/**
	 * Now, a day and a week on, and cut-offs exactly on the shared entry instant (under
	 * each short norm) and just before it.
	 */
	private List<Instant> moments() {
		var now = Instant.now();
		var moments = new ArrayList<>(List.of(now, now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(7))));
		var shared = Instant.parse("2025-03-01T10:00:00Z");
		for (int days : new int[] { 1, 2, 4 }) {
			moments.add(shared.plus(Duration.ofDays(days)));
			moments.add(shared.plus(Duration.ofDays(days)).minusNanos(1000));
		}
		return moments;
	}

}
