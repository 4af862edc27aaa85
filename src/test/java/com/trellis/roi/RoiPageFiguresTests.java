package com.trellis.roi;

import java.util.Comparator;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ROI page decides only what it lists (issue 15: the program's page decided every
 * partner's figures, 40,000 rows per request): its totals per tier and cohort, the
 * scope's total and the trend are the full report's, its partners the report's first by
 * cost and its reinvest list the full list's first rows.
 */
@TrellisTest
class RoiPageFiguresTests {

	@Autowired
	Roi roi;

	@Autowired
	Fixtures fixtures;

	@Test
	void thePageShowsTheReportsTotalsItsCostliestPartnersAndTheFirstToReinvestIn() {
		var admin = this.fixtures.user(Role.ADMIN);
		var report = this.roi.report(admin, null, null);
		assertThat(report.partners()).hasSizeGreaterThan(3);
		assertSamePage(admin, null, Roi.LISTED, Roi.REINVESTED);
		// fewer listed than the scope holds: the page lists the costliest only (it listed
		// every partner of the scope before)
		var page = this.roi.page(admin, null, 3, 2);
		assertThat(page.report().partners()).hasSize(3);
		assertThat(page.reinvest()).hasSizeLessThanOrEqualTo(2);
		assertSamePage(admin, null, 3, 2);
		assertSamePage(admin, report.trend().get(0).group(), 5, 4);
		var world = this.fixtures.world("Roi Page Figures");
		assertSamePage(world.pam(), null, Roi.LISTED, Roi.REINVESTED);
		assertSamePage(world.partnerUser(), null, Roi.LISTED, Roi.REINVESTED);
		assertThat(this.roi.page(world.partnerUser(), null, null).reinvest()).isEmpty();
	}

	private void assertSamePage(Viewer viewer, String quarter, int listed, int reinvested) {
		var report = this.roi.report(viewer, quarter, null);
		var page = this.roi.page(viewer, quarter, listed, reinvested);
		var costliest = report.partners()
			.stream()
			.sorted(Comparator.comparing(PartnerQuarter::cost).reversed().thenComparing(PartnerQuarter::partnerId))
			.limit(listed)
			.toList();
		assertThat(page.report().partners()).containsExactlyElementsOf(costliest);
		assertThat(page.report().tiers()).isEqualTo(report.tiers());
		assertThat(page.report().cohorts()).isEqualTo(report.cohorts());
		assertThat(page.report().total()).isEqualTo(report.total());
		assertThat(page.report().trend()).isEqualTo(report.trend());
		assertThat(page.report().marketplace()).isEqualTo(report.marketplace());
		assertThat(page.report().quarter()).isEqualTo(report.quarter());
		if (!viewer.isPartnerUser()) {
			assertThat(page.reinvest())
				.isEqualTo(this.roi.reinvest(viewer, quarter).stream().limit(reinvested).toList());
		}
	}

}
