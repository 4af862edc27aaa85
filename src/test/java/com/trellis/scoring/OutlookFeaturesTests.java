package com.trellis.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OutlookFeaturesTests {

	@Test
	void percentilesPutTiesAtTheirMiddleAndPartnersWithoutRecordsAtTheBottom() {
		var inputs = new OutlookFeatures.Inputs(Map.of(1L, new BigDecimal("500"), 2L, new BigDecimal("100")),
				Map.of(1L, new BigDecimal("900"), 2L, new BigDecimal("900"), 3L, new BigDecimal("50")),
				Map.of(1L, 40L, 3L, 10L), Map.of(1L, 10L, 3L, 10L));
		var rows = OutlookFeatures.of(List.of(1L, 2L, 3L, 4L), inputs);
		assertThat(rows.get(1L)[0]).as("the most recent pipeline").isEqualTo(0.875);
		assertThat(rows.get(4L)[0]).as("none, tied with partner 3").isEqualTo(0.25);
		assertThat(rows.get(1L)[1]).as("tied first on pipeline to date").isEqualTo(rows.get(2L)[1]).isEqualTo(0.75);
		assertThat(rows.get(3L)[3]).as("as busy as before: steady").isEqualTo(0.5);
		assertThat(rows.get(1L)[3]).as("four times as busy").isCloseTo(0.5 + Math.log(41.0 / 11) / 4, within(1e-9));
	}

	@Test
	void momentumIsCappedBothWays() {
		assertThat(OutlookFeatures.momentum(1000, 0)).isEqualTo(1.0);
		assertThat(OutlookFeatures.momentum(0, 1000)).isEqualTo(0.0);
		assertThat(OutlookFeatures.momentum(0, 0)).isEqualTo(0.5);
	}

}
