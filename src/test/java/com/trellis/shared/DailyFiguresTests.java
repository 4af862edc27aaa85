package com.trellis.shared;

import java.util.List;

import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page figure set a daily job stores is a {@link DailyFigures} bean, so one call
 * brings them all up to date (what the page benchmark does before it measures the pages,
 * with the jobs switched off): each stores its set once a business day.
 */
@TrellisTest
class DailyFiguresTests {

	private static final List<String> SETS = List.of("adoption.diagnosis", "enablement.program-rates",
			"cohorts.metric-weeks", "cohorts.journey-weeks", "scoring.high-potential");

	@Autowired
	List<DailyFigures> figures;

	@Autowired
	PageFigureStore store;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void computePerRequestAgain() {
		SETS.forEach(this.store::clear);
	}

	@Test
	void oneCallStoresEverySetOnceADay() {
		SETS.forEach(this.store::clear);
		this.figures.forEach(DailyFigures::storeDaily);
		assertThat(this.jdbc.queryForList("SELECT DISTINCT name FROM stored_page_figures", String.class))
			.containsAll(SETS);
		assertThat(this.figures).allSatisfy(f -> assertThat(f.storeDaily()).as("once a business day").isFalse());
	}

}
