package com.trellis.roi;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ROI page computes the quarter's partner figures once for the report and the
 * reinvest list (issue 15): both are exactly what each computes on its own.
 */
@TrellisTest
class RoiPageFiguresTests {

	@Autowired
	Roi roi;

	@Autowired
	Fixtures fixtures;

	@Test
	void thePagesReportAndReinvestListAreTheSeparateOnes() {
		var admin = this.fixtures.user(Role.ADMIN);
		var page = this.roi.page(admin, null);
		var report = this.roi.report(admin, null, null);
		assertThat(report.partners()).isNotEmpty();
		assertThat(page.report()).isEqualTo(report);
		var reinvest = this.roi.reinvest(admin, report.quarter());
		assertThat(reinvest).isNotEmpty();
		assertThat(page.reinvest()).isEqualTo(reinvest);
		var world = this.fixtures.world("Roi Page Figures");
		var partner = this.roi.page(world.partnerUser(), null);
		assertThat(partner.report()).isEqualTo(this.roi.report(world.partnerUser(), null, null));
		assertThat(partner.reinvest()).isEmpty();
	}

}
