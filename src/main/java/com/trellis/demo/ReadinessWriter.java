package com.trellis.demo;

import java.time.Instant;
import java.util.List;

import static com.trellis.demo.PartnerPlan.DAY;

/**
 * Writes readiness self-assessments for some active partners, in each state: accepted
 * (some weeks ago, so the readiness history shows it arrive), returned with a comment and
 * answered by a new version awaiting the PAM, submitted and awaiting the PAM, and
 * accepted then returned on a later version (the accepted one still counts). What a
 * partner declares follows its hidden quality. Partner 1 (the demo's partner user) has
 * none, so it can fill one in.
 */
final class ReadinessWriter {

	private static final String[] ICP = {
			"Mid-market retailers with 50-500 stores that run their own e-commerce and want one view of stock.",
			"Regional hospitals and clinic groups moving patient scheduling to the cloud within two years.",
			"Manufacturers with 200-2,000 staff replacing spreadsheets in production planning." };

	private static final String[] USE_CASES = { "Inventory visibility across stores", "Patient self-scheduling",
			"Production planning roll-out", "Data migration from the legacy suite" };

	private final long now;

	private final List<PartnerPlan> partners;

	ReadinessWriter(long now, List<PartnerPlan> partners) {
		this.now = now;
		this.partners = partners;
	}

	void write(RowSink sink) {
		long id = 1;
		var items = new java.util.ArrayList<Object[]>();
		try (var table = sink.table("readiness_assessment",
				List.of("id", "partner_id", "version", "status", "icp_definition", "sales_process", "packaged_offers",
						"delivery_staff", "delivery_notes", "submitted_at", "submitted_by", "decided_at", "decided_by",
						"decision_comment"))) {
			for (var p : this.partners) {
				if (p.id == 1 || !"ACTIVE".equals(p.status) || p.id % 6 > 3) {
					continue;
				}
				int level = (int) Math.round(p.q * 4);
				long submitted = this.now - (20 + p.id % 50) * DAY;
				long decided = submitted + 3 * DAY;
				String icp = ICP[(int) (p.id % ICP.length)];
				switch ((int) (p.id % 6)) {
					case 0 -> version(table, items, id++, p, 1, "ACCEPTED", icp, level, submitted, decided, null);
					case 1 -> {
						version(table, items, id++, p, 1, "RETURNED", "Retail.", level, submitted, decided,
								"Describe the ideal customer: industry, size and the problem they buy for.");
						version(table, items, id++, p, 2, "SUBMITTED", icp, level, decided + DAY, null, null);
					}
					case 2 -> version(table, items, id++, p, 1, "SUBMITTED", icp, level, submitted, null, null);
					default -> {
						version(table, items, id++, p, 1, "ACCEPTED", icp, level, submitted - 30 * DAY,
								decided - 30 * DAY, null);
						version(table, items, id++, p, 2, "RETURNED", icp, level + 1, submitted, decided,
								"The new use cases need a won deal as proof.");
					}
				}
			}
		}
		try (var table = sink.table("readiness_item",
				List.of("assessment_id", "kind", "position", "title", "proof_deal_id"))) {
			items.forEach(table::row);
		}
	}

	private void version(RowSink.Table table, List<Object[]> items, long id, PartnerPlan p, int version, String status,
			String icp, int level, long submitted, Long decided, String comment) {
		table.row(id, p.id, version, status, icp, Math.min(4, level), Math.min(3, level), level + 1,
				"Certified consultants in " + p.region, Instant.ofEpochSecond(submitted), p.firstUserId,
				decided == null ? null : Instant.ofEpochSecond(decided), decided == null ? null : p.ownerPamId,
				comment);
		for (int i = 0; i <= level % 3; i++) {
			items.add(new Object[] { id, "USE_CASE", i, USE_CASES[(int) ((p.id + i) % USE_CASES.length)], null });
		}
		if (!p.verticals.isEmpty()) {
			items.add(new Object[] { id, "SPECIALISATION", 0, p.verticals.get(0), null });
		}
	}

}
