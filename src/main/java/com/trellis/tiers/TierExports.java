package com.trellis.tiers;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.trellis.identity.Viewer;
import com.trellis.shared.CsvExport;
import com.trellis.shared.PageRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Tier history and tier changes as CSV. */
final class TierExports {

	static final List<String> HEADER = List.of("change_id", "partner_id", "partner", "from_tier", "to_tier",
			"effective_on", "kind", "readiness", "behaviour", "trust", "reason", "changed_by", "changed_at");

	private TierExports() {
	}

	static void history(List<TierChange> changes, String fileName, HttpServletResponse response) throws IOException {
		var rows = new ArrayList<List<?>>();
		rows.add(HEADER);
		changes.forEach(c -> rows.add(row(c)));
		CsvExport.writeRows(response, fileName, rows);
	}

	static void changes(PartnerTiers tiers, Viewer viewer, HttpServletResponse response) throws IOException {
		CsvExport.write(response, "tier-changes.csv", HEADER,
				page -> tiers.changes(viewer, new PageRequest(page, PageRequest.MAX_SIZE)), TierExports::row);
	}

	private static List<?> row(TierChange c) {
		return Arrays.asList(c.id(), c.partnerId(), c.partnerName(), c.from().name(), c.to().name(), c.effectiveOn(),
				c.kind(), c.readiness(), c.behaviour(), c.trust(), c.reason(), c.changedBy(), c.changedAt());
	}

}
