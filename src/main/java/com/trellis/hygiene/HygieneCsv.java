package com.trellis.hygiene;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import com.trellis.identity.Viewer;
import com.trellis.shared.CsvExport;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A check's records as CSV, written as read in one pass ({@link Hygiene#forEachRecord}).
 */
final class HygieneCsv {

	private HygieneCsv() {
	}

	static void write(Hygiene hygiene, Viewer viewer, HygieneCheck check, HttpServletResponse response)
			throws IOException {
		CsvExport.<HygieneRecord>stream(response,
				"hygiene-" + check.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".csv",
				List.of("record_type", "record_id", "name", "problem", "owner"),
				action -> hygiene.forEachRecord(viewer, check, action),
				r -> List.of(r.recordType(), r.recordId(), r.name(), r.problem(), r.owner() == null ? "" : r.owner()));
	}

}
