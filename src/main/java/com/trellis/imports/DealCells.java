package com.trellis.imports;

import java.math.BigDecimal;
import java.util.Arrays;

import com.trellis.deals.CreditType;
import com.trellis.deals.OpportunityView;
import com.trellis.deals.Stage;

/**
 * Reads the value cells of the Trellis deal format ({@link DealRows}): the amount, the
 * partner's share and the choices (stage, credit type, source), each refused on its own
 * cell.
 */
final class DealCells {

	private DealCells() {
	}

	/**
	 * The row's amount; an empty cell on a deal whose amount is unknown (as the export
	 * writes it) keeps it unknown, stored as 0.
	 */
	static BigDecimal amount(FormatCells cells, OpportunityView existing) {
		var text = cells.text("amount");
		if (text.isEmpty() && existing != null && existing.amountUnknown()) {
			return existing.amount();
		}
		if (text.isEmpty()) {
			cells.error("amount", text, "is required (a number with a point for decimals, such as 12500.50)");
			return null;
		}
		var parsed = SourceValues.amount(text);
		if (!parsed.ok()) {
			cells.error("amount", text, parsed.refusal());
			return null;
		}
		return parsed.value();
	}

	static BigDecimal share(FormatCells cells) {
		var text = cells.text("partner_share");
		if (text.isEmpty()) {
			return null;
		}
		var parsed = SourceValues.amount(text);
		if (!parsed.ok()) {
			cells.error("partner_share", text, "is not a percentage (a number such as 20 or 12.5)");
			return null;
		}
		return parsed.value();
	}

	static <E extends Enum<E>> E choice(FormatCells cells, String column, E[] values, boolean required) {
		var text = cells.text(column);
		if (text.isEmpty()) {
			if (required) {
				cells.error(column, text, "is required");
			}
			return null;
		}
		for (var value : values) {
			if (value.name().equalsIgnoreCase(text) || label(value).equalsIgnoreCase(text)) {
				return value;
			}
		}
		cells.error(column, text, "is not one of " + String.join(", ", Arrays.stream(values).map(Enum::name).toList()));
		return null;
	}

	static String label(Enum<?> value) {
		if (value instanceof Stage stage) {
			return stage.label();
		}
		return value instanceof CreditType type ? type.label() : value.name();
	}

}
