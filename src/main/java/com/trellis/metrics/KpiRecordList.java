package com.trellis.metrics;

import java.util.List;
import java.util.Map;

/**
 * The records behind a KPI as far as they are listed: at most {@link KpiRecords#LIMIT}
 * rows (the shape of each row is {@link Kpis#records}'s), and whether more records were
 * left out after them. The page says so under the table, the API and the CSV in the
 * {@value #CUT_HEADER} header ({@code true} or {@code false}).
 *
 * @param rows the listed records, in the KPI's display order
 * @param cut whether the KPI has more records than {@link KpiRecords#LIMIT}
 */
public record KpiRecordList(List<Map<String, Object>> rows, boolean cut) {

	/** The response header saying whether records were left out. */
	public static final String CUT_HEADER = "Trellis-Records-Cut";

	/** The first {@link KpiRecords#LIMIT} of rows read with one more than the limit. */
	static KpiRecordList of(List<Map<String, Object>> readOneMore) {
		boolean cut = readOneMore.size() > KpiRecords.LIMIT;
		return new KpiRecordList(cut ? List.copyOf(readOneMore.subList(0, KpiRecords.LIMIT)) : readOneMore, cut);
	}

}
