package com.trellis.cadence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import com.trellis.cadence.Pack.Column;
import com.trellis.cadence.Pack.Section;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pack's percentage reads the same in its CSV as on its page and in its PDF: the
 * forecast 1:1's probability of 45.75 % was "45.75" in the CSV and "45.8 %" in the PDF.
 */
class PackPercentTest {

	@Test
	@SuppressWarnings("unchecked")
	void aPercentageColumnCarriesOneDecimalInTheCsvAsThePageAndPdfShowIt() {
		var probability = Column.percent("Probability");
		var pack = new Pack(Meeting.FORECAST_ONE_ON_ONE, "2026-Q4", 1, LocalDate.of(2026, 10, 5), "Program",
				Instant.parse("2026-10-05T08:00:00Z"),
				List.of(Section.table("Deals in the quarter", "", List.of(Column.text("Deal"), probability),
						List.of(Arrays.asList("Alpha", new BigDecimal("45.75")), Arrays.asList("Beta", 100)))));

		var rows = PackExports.csv(pack);

		assertThat((List<Object>) rows.get(rows.size() - 2)).containsExactly("Alpha", new BigDecimal("45.8"));
		assertThat((List<Object>) rows.get(rows.size() - 1)).containsExactly("Beta", new BigDecimal("100.0"));
		assertThat(probability.format(new BigDecimal("45.75"))).isEqualTo("45.8 %");
		assertThat(probability.format(100)).isEqualTo("100.0 %");
	}

}
