package com.trellis.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import com.trellis.shared.ReportingCurrency;
import com.trellis.shared.StoredFigures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each score text a daily job stores with figures in it reads in an en-US and a de-DE
 * reader's own notation, written while the JVM's default locale is German (which must
 * decide nothing).
 */
class StoredEvidenceNotationTest {

	private Locale jvmDefault;

	@BeforeEach
	void germanJvm() {
		this.jvmDefault = Locale.getDefault();
		Locale.setDefault(Locale.GERMANY);
	}

	@AfterEach
	void restoreJvm() {
		Locale.setDefault(this.jvmDefault);
	}

	@Test
	void aDriftsSlopeAndSignificance() {
		var reason = ScoreDrift.decide(weeks(40, 62, 38, 60, 45, 70, 50, 66)).reason();
		read(reason,
				"steady: +2.4 points a week over the last 8 weeks, but the weeks swing too much for a trend (p = 0.22)",
				"steady: +2,4 points a week over the last 8 weeks, but the weeks swing too much for a trend (p = 0,22)");
	}

	@Test
	void anActivityTrendsCountAndAverage() {
		var reason = new RecordsFixture().events("PORTAL_LOGIN", 10, 1234)
			.events("PORTAL_LOGIN", 60, 10)
			.read(new ActivityTrend())
			.reason();
		read(reason, "1,234 events in the last 30 days against 3.3 on average before",
				"1.234 events in the last 30 days against 3,3 on average before");
	}

	@Test
	void coSellResponsivenessMedianHours() {
		var reason = new RecordsFixture().ask(10, 2.0)
			.ask(20, 6.5)
			.ask(30, 30.0)
			.read(new CoSellResponsiveness())
			.reason();
		read(reason, "median 6.5 h over 3 requests", "median 6,5 h over 3 requests");
	}

	@Test
	void highPotentialsPipelineAndPercentiles() {
		var code = ReportingCurrency.CODE;
		var reason = HighPotential.decide(0.9, 0.8, new BigDecimal("89182"), new BigDecimal("124416.8")).reason();
		read(reason,
				"little pipeline (" + code + " 89,182.00 in the last 180 days, median " + code
						+ " 124,416.80), yet readiness at percentile 90 and behaviour at percentile 80 of the program",
				"little pipeline (" + code + " 89.182,00 in the last 180 days, median " + code
						+ " 124.416,80), yet readiness at percentile 90 and behaviour at percentile 80 of the program");
	}

	@Test
	void enoughHistorysCounts() {
		read(EnoughHistory.decide(2, 4000, 500, 2).reason(),
				"learned from 2 past cut-offs, 4,000 partner-periods, 500 with and 3,500 without the pipeline",
				"learned from 2 past cut-offs, 4.000 partner-periods, 500 with and 3.500 without the pipeline");
	}

	@Test
	void aPointsMovesNote() {
		read(PointsMove.of(true, null, new BigDecimal("12.5")).note(),
				"Not counted this week: the 12.5 points it gave last week are gone",
				"Not counted this week: the 12,5 points it gave last week are gone");
	}

	private static void read(String stored, String english, String german) {
		assertThat(StoredFigures.render(stored, Locale.US)).isEqualTo(english);
		assertThat(StoredFigures.render(stored, Locale.GERMANY)).isEqualTo(german);
	}

	private static List<BigDecimal> weeks(double... values) {
		return java.util.Arrays.stream(values).mapToObj(BigDecimal::valueOf).toList();
	}

}
