package com.trellis.scoring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The back-test's rows as a plain-text table, with each method's mean over the cut-offs.
 */
final class BacktestTable {

	private BacktestTable() {
	}

	static String format(List<ScoringBacktest.Row> rows, List<PairedBootstrap.Difference> differences) {
		var out = new StringBuilder();
		out.append("%-10s %8s %9s  %-28s %7s %9s%n".formatted("cut-off", "partners", "positives", "ranking", "ROC AUC",
				"prec@10%"));
		for (var row : rows) {
			out.append("%-10s %8d %9d  %-28s %7.3f %9.3f%n".formatted(row.cutoff(), row.partners(), row.positives(),
					row.method(), row.auc(), row.precisionAtTop10()));
		}
		var sums = new LinkedHashMap<String, double[]>();
		for (var row : rows) {
			if (Double.isNaN(row.auc())) {
				continue;
			}
			var sum = sums.computeIfAbsent(row.method(), m -> new double[3]);
			sum[0] += row.auc();
			sum[1] += row.precisionAtTop10();
			sum[2]++;
		}
		out.append("%nMean over the cut-offs%n".formatted());
		for (Map.Entry<String, double[]> entry : sums.entrySet()) {
			var sum = entry.getValue();
			out.append("  %-28s %7.3f %9.3f  (%d cut-offs)%n".formatted(entry.getKey(), sum[0] / sum[2],
					sum[1] / sum[2], (int) sum[2]));
		}
		if (!differences.isEmpty()) {
			out.append("%nDifferences of the means, with 95 %% intervals (paired bootstrap over partners, %d rounds)%n"
				.formatted(PairedBootstrap.ROUNDS));
			for (var difference : differences) {
				out.append("  ").append(difference.line()).append(wins(rows, difference)).append('\n');
			}
		}
		rows.stream()
			.filter(r -> !r.note().isEmpty())
			.forEach(r -> out.append("%s %s: %s%n".formatted(r.cutoff(), r.method(), r.note())));
		return out.toString();
	}

	/** At how many cut-offs a beat b, on AUC and on precision. */
	private static String wins(List<ScoringBacktest.Row> rows, PairedBootstrap.Difference difference) {
		var a = new LinkedHashMap<Object, ScoringBacktest.Row>();
		var b = new LinkedHashMap<Object, ScoringBacktest.Row>();
		for (var row : rows) {
			if (row.method().equals(difference.a())) {
				a.put(row.cutoff(), row);
			}
			else if (row.method().equals(difference.b())) {
				b.put(row.cutoff(), row);
			}
		}
		int auc = 0;
		int precision = 0;
		for (var entry : a.entrySet()) {
			var other = b.get(entry.getKey());
			auc += (other != null && entry.getValue().auc() > other.auc()) ? 1 : 0;
			precision += (other != null && entry.getValue().precisionAtTop10() > other.precisionAtTop10()) ? 1 : 0;
		}
		return "   wins at %d/%d and %d/%d cut-offs".formatted(auc, a.size(), precision, a.size());
	}

}
