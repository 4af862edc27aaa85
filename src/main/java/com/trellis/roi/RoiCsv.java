package com.trellis.roi;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import com.trellis.shared.CsvExport;
import jakarta.servlet.http.HttpServletResponse;

/** A quarter's ROI per partner as CSV, amounts in the reporting currency. */
final class RoiCsv {

	private RoiCsv() {
	}

	static void write(RoiReport report, HttpServletResponse response) throws IOException {
		var header = List.of("partner_id", "partner", "tier", "quarter", "currency", "enablement_hours",
				"enablement_cost", "mdf_paid", "incentives_paid", "program_spend", "pam_cost", "cost", "pipeline",
				"revenue", "roi_percent", "lift_points", "lift_reason");
		var rows = report.partners()
			.stream()
			.map(p -> Arrays.<Object>asList(p.partnerId(), p.name(), p.tier(), report.quarter(), report.currency(),
					p.enablementHours(), p.enablementCost(), p.mdfPaid(), p.incentivesPaid(), p.programSpend(),
					p.pamCost(), p.cost(), p.pipeline(), p.revenue(), blank(p.roiPercent()), blank(p.liftPoints()),
					p.liftReason()));
		CsvExport.writeRows(response, "roi-" + report.quarter() + ".csv",
				Stream.concat(Stream.of(List.<Object>copyOf(header)), rows).toList());
	}

	private static Object blank(Object value) {
		return value == null ? "" : value;
	}

}
