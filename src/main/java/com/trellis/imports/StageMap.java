package com.trellis.imports;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.trellis.deals.Stage;
import com.trellis.shared.InvalidInputException.FieldError;

/**
 * The source's stages, each with its suggestion and the Trellis stage the import uses for
 * it: the admin's choice when there is one, else the suggestion.
 */
final class StageMap {

	private final Map<String, Line> lines = new LinkedHashMap<>();

	private static final class Line {

		final String source;

		int rows;

		Boolean closed;

		Boolean won;

		Stage mapped;

		StageSuggestion.Suggestion suggestion;

		Line(String source) {
			this.source = source;
		}

	}

	/**
	 * Counts a use of a source stage, with the closed and won flags of its row if any.
	 */
	void use(String source, Boolean closed, Boolean won) {
		var line = this.lines.computeIfAbsent(key(source), k -> new Line(source.strip()));
		line.rows++;
		if (line.closed == null) {
			line.closed = closed;
		}
		if (line.won == null) {
			line.won = won;
		}
	}

	/**
	 * Decides each stage, adding an error for a chosen stage that is not a Trellis stage.
	 */
	void decide(ImportMapping mapping, List<FieldError> errors) {
		for (var line : this.lines.values()) {
			line.suggestion = StageSuggestion.suggest(line.source, line.closed, line.won);
			line.mapped = line.suggestion.stage();
			var chosen = mapping.stages().get(line.source);
			if (chosen != null && !chosen.isBlank()) {
				try {
					line.mapped = Stage.valueOf(chosen.strip().toUpperCase(Locale.ROOT));
				}
				catch (IllegalArgumentException ex) {
					errors.add(new FieldError("stage." + line.source,
							"'" + chosen + "' is not a Trellis stage; one of " + Arrays.toString(Stage.values())));
				}
			}
		}
		for (var chosen : mapping.stages().keySet()) {
			if (!this.lines.containsKey(key(chosen))) {
				errors.add(new FieldError("stage." + chosen, "no row of the export has this stage"));
			}
		}
	}

	/** The Trellis stage for a source stage, null when it is unknown. */
	Stage of(String source) {
		var line = this.lines.get(key(source));
		return line == null ? null : line.mapped;
	}

	/** Each source stage (its key: stripped, lower case) that has a Trellis stage. */
	Map<String, Stage> mapped() {
		var mapped = new LinkedHashMap<String, Stage>();
		this.lines.forEach((key, line) -> {
			if (line.mapped != null) {
				mapped.put(key, line.mapped);
			}
		});
		return mapped;
	}

	List<ImportReport.StageLine> report() {
		return this.lines.values()
			.stream()
			.map(l -> new ImportReport.StageLine(l.source, l.rows,
					l.suggestion.stage() == null ? null : l.suggestion.stage().name(), l.suggestion.reason(),
					l.mapped == null ? null : l.mapped.name()))
			.toList();
	}

	private static String key(String source) {
		return source.strip().toLowerCase(Locale.ROOT);
	}

}
