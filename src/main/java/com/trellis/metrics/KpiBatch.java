package com.trellis.metrics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A request's KPI statements sent as one statement, one round trip: each part is a
 * statement that yields exactly one row (an aggregate without {@code GROUP BY}, or scalar
 * subqueries), and the batch reads them as
 * {@code SELECT * FROM (part 1) k1 CROSS JOIN (part 2) k2 …}: one row holding every
 * part's columns in order, each read as a {@link BigDecimal} (counts, sums and medians,
 * as each part's own statement returned them). PostgreSQL plans each part on its own (an
 * aggregate is never merged into another), so a part reads the same rows by the same plan
 * as when it was sent alone; only the round trips go.
 *
 * <p>
 * A batch may hold the parts of several periods and slices (a trend's six periods): the
 * parts of group {@code g > 0} bind {@link KpiRepository#bind}'s parameters under names
 * ending in {@code _g<g>}, so each group reads its own period. Group 0 is the first
 * period and slice, bound under the plain names.
 */
final class KpiBatch {

	/** The parameters {@link KpiRepository#bind} binds, longest first within a prefix. */
	private static final Pattern PARAMETER = Pattern.compile(
			"(?<![:\\w]):(fromDate|from|toDate|to|sliceValue|sliceBook|cohortFrom|cohortTo|asOfMinus30|asOfMinus90|asOfDate|asOf|zone)(?!\\w)");

	private final List<Period> periods = new ArrayList<>();

	private final List<Slice> slices = new ArrayList<>();

	private final List<Part> parts = new ArrayList<>();

	private boolean ran;

	/**
	 * Adds a period and slice whose parts bind their own parameters; its group number.
	 */
	int group(Period period, Slice slice) {
		this.periods.add(period);
		this.slices.add(slice);
		return this.periods.size() - 1;
	}

	/**
	 * Adds a part of group {@code group}: {@code sql} yields one row of {@code columns}
	 * columns; the returned slot holds them once the batch ran.
	 */
	Slot add(int group, String sql, int columns) {
		if (group < 0 || group >= this.periods.size()) {
			throw new IllegalArgumentException("no group " + group + " in the batch");
		}
		var slot = new Slot(columns);
		this.parts.add(new Part(group == 0 ? sql : suffixed(sql, suffix(group)), slot));
		return slot;
	}

	/** The one statement of every part, as it is sent ({@code null} without parts). */
	String sql() {
		if (this.parts.isEmpty()) {
			return null;
		}
		var sql = new StringBuilder("SELECT * FROM ");
		for (int i = 0; i < this.parts.size(); i++) {
			if (i > 0) {
				sql.append("\nCROSS JOIN ");
			}
			sql.append("(\n").append(this.parts.get(i).sql().strip()).append("\n) k").append(i);
		}
		return sql.toString();
	}

	/** Sends the one statement and fills every part's slot; nothing without parts. */
	void run(JdbcClient jdbc) {
		if (this.ran) {
			throw new IllegalStateException("a KPI batch runs once");
		}
		this.ran = true;
		var sql = sql();
		if (sql == null) {
			return;
		}
		var spec = jdbc.sql(sql);
		for (int g = 0; g < this.periods.size(); g++) {
			spec = KpiRepository.bind(spec, this.periods.get(g), this.slices.get(g), suffix(g));
		}
		var rows = spec.query((rs, n) -> {
			int column = 1;
			for (var part : this.parts) {
				for (int i = 0; i < part.slot().values.length; i++) {
					part.slot().values[i] = rs.getBigDecimal(column++);
				}
				part.slot().filled = true;
			}
			return n;
		}).list();
		if (rows.size() != 1) {
			throw new IllegalStateException("a KPI batch yields one row, not " + rows.size());
		}
	}

	static String suffix(int group) {
		return group == 0 ? "" : "_g" + group;
	}

	/** The SQL with each of {@link KpiRepository#bind}'s parameters renamed. */
	static String suffixed(String sql, String suffix) {
		return PARAMETER.matcher(sql).replaceAll(m -> ":" + m.group(1) + suffix);
	}

	private record Part(String sql, Slot slot) {
	}

	/** A part's columns, filled when the batch ran. */
	static final class Slot {

		private final BigDecimal[] values;

		private boolean filled;

		Slot(int columns) {
			this.values = new BigDecimal[columns];
		}

		/** Column {@code i} (0-based) of the part; the batch must have run. */
		BigDecimal get(int i) {
			if (!this.filled) {
				throw new IllegalStateException("the KPI batch has not run");
			}
			return this.values[i];
		}

		boolean filled() {
			return this.filled;
		}

	}

}
