package com.trellis.metrics;

import java.util.List;
import java.util.Map;

/**
 * One stretch of the records behind a KPI as the API lists them: at most a page's size of
 * rows (the shape of each row is {@link Kpis#records}'s), and whether more records follow
 * them. The API says so in the {@value #CUT_HEADER} header ({@code true} or
 * {@code false}): the next page has records.
 *
 * @param rows the listed records, in the KPI's display order
 * @param cut whether the KPI has more records after these
 */
public record KpiRecordList(List<Map<String, Object>> rows, boolean cut) {

	/** The response header saying whether more records follow. */
	public static final String CUT_HEADER = "Trellis-Records-Cut";

	/** The first {@code size} of rows read with one more than {@code size}. */
	static KpiRecordList of(List<Map<String, Object>> readOneMore, int size) {
		boolean cut = readOneMore.size() > size;
		return new KpiRecordList(cut ? List.copyOf(readOneMore.subList(0, size)) : readOneMore, cut);
	}

}
