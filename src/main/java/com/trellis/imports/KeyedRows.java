package com.trellis.imports;

import java.util.HashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongFunction;

import com.trellis.shared.CsvImport;

/**
 * The key of the Trellis formats whose rows are whole records (partners, accounts,
 * deals): {@code id} names a record of this program, so the row is an edit of it;
 * {@code source_id} names a record of another system, created once and found through
 * {@code import_record} on every later import. Reports a row with neither key, a key that
 * appears twice in the file (source ids without regard to case) and an id of no record,
 * and hands every other row to its format with the record it names (null for a new one),
 * a row without a key or repeating one too, so that its other faults are reported in the
 * same round (the format writes no row with an error).
 */
final class KeyedRows {

	/** Plans one row whose key was read; {@code before} is the error count before it. */
	interface Row<V> {

		void plan(FormatCells cells, V existing, String sourceId, int before);

	}

	private KeyedRows() {
	}

	/**
	 * Plans every row of the file: {@code what} names the record in errors (a partner, an
	 * account), {@code find} reads one of this program by its id.
	 */
	static <V> void plan(FormatRecords records, String object, String what, CsvImport file, FormatPlan plan,
			LongFunction<Optional<V>> find, Row<V> each) {
		var known = records.targets(object,
				file.rows().stream().map(r -> r.get("source_id").strip()).filter(s -> !s.isEmpty()).toList());
		var seen = new HashMap<String, Long>();
		for (var row : file.rows()) {
			plan.next(row);
			var cells = new FormatCells(file, row, plan.errors);
			if (!cells.complete()) {
				continue;
			}
			int before = plan.errors.size();
			Long id = cells.id("id");
			String sourceId = cells.line("source_id", ExportCells.LINE, false);
			if (id == null && (sourceId == null || sourceId.isEmpty()) && plan.errors.size() == before) {
				cells.empty("id", "or source_id is required: id names " + what + " of this program, "
						+ "source_id a record of another system");
			}
			var first = plan.errors.size() == before ? seen.putIfAbsent(
					id != null ? "id:" + id : "source:" + sourceId.toLowerCase(Locale.ROOT), cells.number()) : null;
			if (first != null) {
				cells.error(id != null ? "id" : "source_id", id != null ? id.toString() : sourceId,
						"appears twice in the file (row " + first + ")");
			}
			V existing = null;
			if (id != null) {
				existing = find.apply(id).orElse(null);
				if (existing == null) {
					cells.error("id", id.toString(), "is no " + what.replaceFirst("^an? ", "") + " of this program");
					// its cells could only be judged against a record it does not name
					continue;
				}
			}
			else if (sourceId != null && known.containsKey(sourceId)) {
				existing = find.apply(known.get(sourceId)).orElse(null);
			}
			if (existing == null && !cells.text("id").isEmpty()) {
				continue; // an unreadable id names a record the row cannot be judged
							// against
			}
			// a row without a key, or repeating one, is never written, but its cells are
			// still read and judged, so every fault of the row is reported at once
			each.plan(cells, existing, sourceId, before);
		}
	}

}
