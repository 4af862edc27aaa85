package com.trellis.imports;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import com.trellis.deals.DealFormatImport;
import com.trellis.deals.ImportedDeal;
import com.trellis.deals.OpportunityView;
import com.trellis.deals.StageHistoryText;

/**
 * Reads the history columns of the Trellis deal format: {@code created_at} (a moment) and
 * {@code stage_history} ({@link StageHistoryText}), and holds a deal already here to its
 * recorded ones.
 */
final class DealHistoryCells {

	private DealHistoryCells() {
	}

	/**
	 * A moment in ISO 8601 with an offset, or null when blank or (after an error) not
	 * one.
	 */
	static Instant moment(FormatCells cells, String column) {
		var value = cells.text(column);
		if (value.isEmpty()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			cells.error(column, value, "is not a moment in ISO 8601 with an offset (such as 2026-03-02T09:15:00Z)");
			return null;
		}
	}

	static List<ImportedDeal.Move> history(FormatCells cells) {
		var value = cells.text("stage_history");
		var read = StageHistoryText.read(value);
		if (!read.ok()) {
			cells.error("stage_history", value, read.refusal());
		}
		return read.moves();
	}

	/**
	 * A deal already here keeps its created moment and recorded history: the row may
	 * leave them blank or give them as they are, never others.
	 */
	static void keepsRecorded(DealFormatImport deals, FormatCells cells, OpportunityView existing, Instant createdAt,
			List<ImportedDeal.Move> history) {
		if (createdAt != null && !createdAt.equals(existing.createdAt())) {
			cells.error("created_at", cells.text("created_at"), "is not when deal " + existing.id() + " was created ("
					+ existing.createdAt() + "); an import never changes it");
		}
		if (!history.isEmpty() && !history.equals(deals.history(existing.id()))) {
			cells.error("stage_history", cells.text("stage_history"), "is not the recorded history of deal "
					+ existing.id() + "; a file never rewrites it (the deal moves through the sales process)");
		}
	}

}
