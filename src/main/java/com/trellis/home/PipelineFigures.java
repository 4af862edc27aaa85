package com.trellis.home;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.trellis.shared.Percent;
import com.trellis.deals.PipelineLine;
import com.trellis.deals.Stage;

/**
 * Open pipeline summed per currency and split partner-involved against direct, plus the
 * chart configuration that shows it by stage. Amounts in different currencies are never
 * added up.
 */
record PipelineFigures(Map<String, Totals> byCurrency, String chartCurrency, Map<String, Object> chart) {

	static PipelineFigures of(List<PipelineLine> lines) {
		Map<String, Totals> byCurrency = new TreeMap<>();
		for (var line : lines) {
			byCurrency.merge(line.currency(), Totals.of(line), Totals::plus);
		}
		var chartCurrency = byCurrency.entrySet()
			.stream()
			.max(Map.Entry.comparingByValue((a, b) -> Long.compare(a.deals(), b.deals())))
			.map(Map.Entry::getKey)
			.orElse("USD");
		return new PipelineFigures(byCurrency, chartCurrency, chart(lines, chartCurrency));
	}

	private static Map<String, Object> chart(List<PipelineLine> lines, String currency) {
		var stages = List.of(Stage.REGISTERED, Stage.QUALIFIED, Stage.JOINT_WORKING, Stage.COMMIT);
		var partner = new ArrayList<BigDecimal>();
		var direct = new ArrayList<BigDecimal>();
		for (var stage : stages) {
			partner.add(sum(lines, stage, true, currency));
			direct.add(sum(lines, stage, false, currency));
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("labels", stages.stream().map(Stage::label).toList());
		data.put("datasets",
				List.of(Map.of("label", "Partner-involved (" + currency + ")", "data", partner, "backgroundColor",
						"#3f6ad8"),
						Map.of("label", "Direct (" + currency + ")", "data", direct, "backgroundColor", "#b0b8c8")));
		return Map.of("type", "bar", "data", data);
	}

	private static BigDecimal sum(List<PipelineLine> lines, Stage stage, boolean partner, String currency) {
		return lines.stream()
			.filter(line -> line.stage() == stage && line.partnerInvolved() == partner
					&& line.currency().equals(currency))
			.map(PipelineLine::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	record Totals(long deals, long partnerDeals, BigDecimal amount, BigDecimal partnerAmount) {

		static Totals of(PipelineLine line) {
			return new Totals(line.deals(), line.partnerInvolved() ? line.deals() : 0, line.amount(),
					line.partnerInvolved() ? line.amount() : BigDecimal.ZERO);
		}

		Totals plus(Totals other) {
			return new Totals(this.deals + other.deals, this.partnerDeals + other.partnerDeals,
					this.amount.add(other.amount), this.partnerAmount.add(other.partnerAmount));
		}

		public BigDecimal partnerSharePercent() {
			return this.amount.signum() == 0 ? Percent.round(BigDecimal.ZERO)
					: Percent.of(this.partnerAmount, this.amount);
		}

	}

}
