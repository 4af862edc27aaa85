package com.trellis.metrics;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A KPI record's value reads in the reader's notation, whatever it counts (try30: the
 * days of the sales cycle and of the time to first revenue, the hours to approval and the
 * completions read "95.56" and "1234.50" to a German reader, beside amounts written "USD
 * 475.524,00"): grouped with two decimals, amounts with their currency.
 */
class KpiRecordRowsTests {

	@Test
	void daysHoursAndCountsReadInTheReadersNotationAsAmountsDo() {
		var records = List.of(record(new BigDecimal("1234.50"), null), record(new BigDecimal("95.56"), null),
				record(new BigDecimal("475524.00"), "USD"), record(new BigDecimal("3.00"), null));
		assertThat(values(records, Locale.GERMANY)).containsExactly("1.234,50", "95,56", "USD 475.524,00", "3,00");
		assertThat(values(records, Locale.US)).containsExactly("1,234.50", "95.56", "USD 475,524.00", "3.00");
	}

	private static List<String> values(List<Map<String, Object>> records, Locale locale) {
		return KpiRecordRows.of(records, "", new StaticMessageSource() {
			{
				setUseCodeAsDefaultMessage(true);
			}
		}, locale).stream().map(KpiRecordRows.Row::value).toList();
	}

	private static Map<String, Object> record(BigDecimal value, String currency) {
		var r = new HashMap<String, Object>();
		r.put("kind", "deal");
		r.put("id", 1L);
		r.put("label", "A deal");
		r.put("side", "partner");
		r.put("value", value);
		r.put("currency", currency);
		r.put("counted", true);
		r.put("amountUnknown", false);
		return r;
	}

}
