package com.trellis.leads;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.trellis.shared.PageRequest;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lead list narrowed to one status is ordered by that status's part of the work order
 * written on the columns (so an index gives it): the same leads in the same order, page
 * by page, as the work order's CASE expressions give, for every status and for a PAM's
 * book as for the program (the demo's leads).
 */
@TrellisTest
class LeadWorkOrderTests {

	@Autowired
	LeadRepository repository;

	@Autowired
	JdbcClient jdbc;

	@Test
	void eachStatusesListIsInTheWorkOrderOfAllLeads() {
		var now = Instant.now();
		var book = this.jdbc.sql("""
				SELECT id FROM partner WHERE owner_pam_id = (SELECT owner_pam_id FROM partner p
				  JOIN partner_lead l ON l.partner_id = p.id GROUP BY owner_pam_id ORDER BY count(*) DESC LIMIT 1)
				""").query(Long.class).list();
		int compared = 0;
		for (var scope : List.of(LeadRepository.Scope.ALL, new LeadRepository.Scope(null, null, book))) {
			var statuses = new ArrayList<LeadStatus>(Arrays.asList(LeadStatus.values()));
			statuses.add(null);
			for (var status : statuses) {
				for (int page = 0; page < 2; page++) {
					var listed = this.repository.search(scope, status, PageRequest.of(page, 20), now)
						.items()
						.stream()
						.map(LeadView::id)
						.toList();
					var ordered = scope
						.bind(this.jdbc.sql("SELECT id FROM partner_lead WHERE " + scope.where()
								+ " AND (CAST(:status AS TEXT) IS NULL OR status = :status) ORDER BY "
								+ LeadRepository.WORK_ORDER + " LIMIT 20 OFFSET :offset"))
						.param("status", status == null ? null : status.name(), java.sql.Types.VARCHAR)
						.param("offset", page * 20)
						.query(Long.class)
						.list();
					assertThat(listed).as("%s leads, page %d, %s", status, page, scope).isEqualTo(ordered);
					compared += listed.size();
				}
			}
		}
		assertThat(compared).as("leads compared").isPositive();
	}

}
