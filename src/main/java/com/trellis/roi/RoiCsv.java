package com.trellis.roi;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.trellis.marketplace.Marketplace;
import com.trellis.marketplace.MarketplaceVelocity;
import com.trellis.shared.CsvExport;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A quarter's ROI as CSV, amounts in the reporting currency: per partner (with its
 * marketplace velocity), and the totals of the scope, each tier, each cohort and each
 * quarter of the trend.
 */
final class RoiCsv {

	private RoiCsv() {
	}

	static void write(RoiReport report, HttpServletResponse response) throws IOException {
		var header = List.of("partner_id", "partner", "tier", "quarter", "currency", "enablement_hours",
				"enablement_cost", "mdf_paid", "incentives_paid", "program_spend", "pam_cost", "cost", "pipeline",
				"revenue", "roi_percent", "lift_points", "lift_reason", "marketplace_transactions_30d",
				"marketplace_amount_30d", "marketplace_transactions_90d", "marketplace_amount_90d",
				"marketplace_change_percent", "marketplace_trend");
		var velocity = report.marketplace()
			.stream()
			.collect(Collectors.toMap(MarketplaceVelocity::partnerId, Function.identity()));
		var asOf = report.marketplace().isEmpty() ? null : report.marketplace().get(0).asOf();
		var rows = report.partners().stream().map(p -> {
			var v = velocity.getOrDefault(p.partnerId(), Marketplace.none(p.partnerId(), p.name(), asOf));
			return Arrays.<Object>asList(p.partnerId(), p.name(), p.tier(), report.quarter(), report.currency(),
					p.enablementHours(), p.enablementCost(), p.mdfPaid(), p.incentivesPaid(), p.programSpend(),
					p.pamCost(), p.cost(), p.pipeline(), p.revenue(), blank(p.roiPercent()), blank(p.liftPoints()),
					p.liftReason(), v.transactions30(), v.amount30(), v.transactions90(), v.amount90(),
					blank(v.changePercent()), v.trend());
		});
		CsvExport.writeRows(response, "roi-" + report.quarter() + ".csv",
				Stream.concat(Stream.of(List.<Object>copyOf(header)), rows).toList());
	}

	/**
	 * The totals: {@code kind} ALL (the scope), TIER, COHORT or QUARTER (the trend), with
	 * the group's code, name or label.
	 */
	static void writeTotals(RoiReport report, HttpServletResponse response) throws IOException {
		var rows = new ArrayList<List<?>>();
		rows.add(List.of("kind", "group", "quarter", "currency", "partners", "enablement_hours", "enablement_cost",
				"mdf_paid", "incentives_paid", "program_spend", "pam_cost", "cost", "pipeline", "revenue",
				"roi_percent"));
		rows.add(total("ALL", report.total(), report));
		report.tiers().forEach(t -> rows.add(total("TIER", t, report)));
		report.cohorts().forEach(t -> rows.add(total("COHORT", t, report)));
		report.trend().forEach(t -> rows.add(total("QUARTER", t, report)));
		CsvExport.writeRows(response, "roi-totals-" + report.quarter() + ".csv", rows);
	}

	private static List<?> total(String kind, RoiReport.Total t, RoiReport report) {
		return Arrays.<Object>asList(kind, t.group(), "QUARTER".equals(kind) ? t.group() : report.quarter(),
				report.currency(), t.partners(), t.enablementHours(), t.enablementCost(), t.mdfPaid(),
				t.incentivesPaid(), t.programSpend(), t.pamCost(), t.cost(), t.pipeline(), t.revenue(),
				blank(t.roiPercent()));
	}

	private static Object blank(Object value) {
		return value == null ? "" : value;
	}

}
