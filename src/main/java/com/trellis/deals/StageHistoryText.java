package com.trellis.deals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A deal's stage history in one CSV cell, as the opportunities export writes it and the
 * Trellis deal format reads it: each move as {@code STAGE@moment} (the moment in ISO 8601
 * with an offset, as {@code 2026-03-02T09:15:00Z}), oldest first, separated by {@code ;}.
 * Empty for a deal without recorded moves.
 */
public final class StageHistoryText {

	private StageHistoryText() {
	}

	public static String write(List<ImportedDeal.Move> moves) {
		var text = new StringBuilder();
		for (var move : moves) {
			if (!text.isEmpty()) {
				text.append(';');
			}
			text.append(move.stage().name()).append('@').append(move.at());
		}
		return text.toString();
	}

	/** The moves of a cell, or why it is not a history. */
	public record Read(List<ImportedDeal.Move> moves, String refusal) {

		public boolean ok() {
			return this.refusal == null;
		}

	}

	public static Read read(String text) {
		var moves = new ArrayList<ImportedDeal.Move>();
		if (text.isBlank()) {
			return new Read(moves, null);
		}
		for (var part : text.split(";")) {
			var move = part.strip();
			int at = move.indexOf('@');
			if (at < 0) {
				return new Read(List.of(),
						"has '" + move + "', not STAGE@moment (such as QUALIFIED@2026-03-02T09:15:00Z)");
			}
			Stage stage;
			try {
				stage = Stage.valueOf(move.substring(0, at).strip().toUpperCase(java.util.Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				return new Read(List.of(), "has '" + move.substring(0, at) + "', not a stage");
			}
			Instant moment;
			try {
				moment = OffsetDateTime.parse(move.substring(at + 1).strip()).toInstant();
			}
			catch (DateTimeParseException ex) {
				return new Read(List.of(), "has '" + move.substring(at + 1)
						+ "', not a moment in ISO 8601 with an offset (such as 2026-03-02T09:15:00Z)");
			}
			moves.add(new ImportedDeal.Move(stage, moment));
		}
		return new Read(moves, null);
	}

}
