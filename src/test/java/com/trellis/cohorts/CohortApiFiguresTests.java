package com.trellis.cohorts;

import java.util.ArrayList;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.PageFigureStore;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The cohorts API answers a window of 13 weeks or fewer from the daily job's rows, with
 * their time in {@code X-Figures-As-Of} (try45: computed per request, several seconds on
 * the large data): the same weeks, in the same order, as computed for the request, for
 * the program and each stored book, and for 1, 5, 12 and 13 weeks and the default; a
 * longer window, or a scope the job did not store, is computed and has no time. A partner
 * user is refused before a bad window is named.
 */
@TrellisTest
class CohortApiFiguresTests {

	@Autowired
	CohortWeeksRead read;

	@Autowired
	Cohorts cohorts;

	@Autowired
	CohortFigures figures;

	@Autowired
	PageFigureStore store;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@AfterEach
	void clearSets() {
		this.store.clear(CohortFigures.NAME);
		this.store.clear(CohortFigures.JOURNEY);
	}

	@Test
	void aWindowOfThirteenWeeksOrFewerIsTheJobsRowsAsComputed() {
		clearSets();
		assertThat(this.figures.storeDaily()).isTrue();
		var viewers = new ArrayList<Viewer>();
		viewers.add(new Viewer(0, "admin", Role.ADMIN, null));
		this.jdbc.sql("SELECT scope FROM stored_page_figures WHERE name = :name AND scope <> 0 ORDER BY 1 LIMIT 3")
			.param("name", CohortFigures.NAME)
			.query(Long.class)
			.list()
			.forEach(pam -> viewers.add(new Viewer(pam, "pam", Role.PAM, null)));
		assertThat(viewers).hasSizeGreaterThan(1);
		Integer[] windows = { null, 1, 5, 12, 13 };
		for (var viewer : viewers) {
			for (var weeks : windows) {
				var metrics = this.read.metrics(viewer, weeks);
				assertThat(metrics.asOf()).as("stored, %s weeks", weeks).isNotNull();
				assertThat(metrics.weeks()).isEqualTo(this.cohorts.metrics(viewer, weeks)).isNotEmpty();
				var journey = this.read.journey(viewer, weeks);
				assertThat(journey.asOf()).isNotNull();
				assertThat(journey.weeks()).isEqualTo(this.cohorts.journey(viewer, weeks)).isNotEmpty();
			}
			var longer = this.read.metrics(viewer, 20);
			assertThat(longer.asOf()).isNull();
			assertThat(longer.weeks()).isEqualTo(this.cohorts.metrics(viewer, 20));
		}
		clearSets();
		var admin = viewers.get(0);
		assertThat(this.read.metrics(admin, 5).asOf()).isNull();
		assertThat(this.read.metrics(admin, 5).weeks()).isEqualTo(this.cohorts.metrics(admin, 5));
	}

	@Test
	void theApiSaysWhenTheJobStoredTheFiguresAndRefusesAPartnerFirst() throws Exception {
		clearSets();
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		admin.get("/api/v1/cohorts/metrics?weeks=5")
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist(CohortApiController.AS_OF));
		assertThat(this.figures.storeDaily()).isTrue();
		for (var path : new String[] { "/api/v1/cohorts/metrics?weeks=5", "/api/v1/cohorts/journey",
				"/api/v1/cohorts/metrics.csv?weeks=12", "/api/v1/cohorts/journey.csv?weeks=3" }) {
			admin.get(path).andExpect(status().isOk()).andExpect(header().exists(CohortApiController.AS_OF));
		}
		admin.get("/api/v1/cohorts/metrics?weeks=14")
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist(CohortApiController.AS_OF));
		admin.get("/api/v1/cohorts/metrics?weeks=0").andExpect(status().isBadRequest());
		var partner = new Api(this.mvc, this.fixtures.token(this.fixtures.world("Cohort API partner").partnerUser()));
		partner.get("/api/v1/cohorts/metrics?weeks=0").andExpect(status().isForbidden());
	}

}
