package com.trellis.roi;

import java.sql.Timestamp;
import java.util.regex.Pattern;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The ROI page shows a page of the cohorts' totals (roi43: every one of 1,561 cohorts was
 * rendered on each request), by name, with how many there are and a pager that keeps the
 * quarter; the costliest partners' and the marketplace tables are paged alike; a bad
 * quarter, page or size is named, all at once, and a partner user reads its own cohorts
 * only.
 */
@TrellisTest
@TestPropertySource(properties = { "trellis.demo.enabled=false", "trellis.forecast.snapshot-cron=-" })
class RoiCohortPagerTests {

	private static final Pattern COHORT_ROW = Pattern.compile("<td>Pager cohort \\d+ ([A-C])</td>");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Roi roi;

	@Test
	void theCohortTableIsPagedAndBadParametersAreNamed() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var world = this.fixtures.world("Cohort pager partner");
		this.fixtures.world("Cohort pager second partner");
		long tag = System.nanoTime();
		for (var name : new String[] { " A", " B", " C" }) {
			long cohort = this.jdbc.sql("""
					INSERT INTO cohort (name, kind, rule_key, basis, created_at)
					VALUES (:name, 'RULE', :name, 'test', now() - interval '400 days') RETURNING id""")
				.param("name", "Pager cohort " + tag + name)
				.query(Long.class)
				.single();
			this.jdbc.sql("""
					INSERT INTO cohort_membership (cohort_id, partner_id, valid_from, reason)
					VALUES (:cohort, :partner, :from, 'test')""")
				.param("cohort", cohort)
				.param("partner", world.partnerId())
				.param("from", Timestamp.valueOf("2020-01-01 00:00:00"))
				.update();
		}
		// the partner user's page: its own three cohorts (made by rule: a partner reads
		// no hand-made one), two a page; all three on one
		// page
		// without a line that says which are shown (try43: "Cohorts 1–3 of 3")
		var partner = login(world.partnerUser());
		var whole = page(partner, "/roi");
		assertThat(rows(whole)).containsExactly("A", "B", "C");
		assertThat(whole).doesNotContain("roi-cohorts-shown").doesNotContain("Page 1 of 1");
		var first = page(partner, "/roi?cohortSize=2");
		assertThat(rows(first)).containsExactly("A", "B");
		assertThat(first).contains("Cohorts 1–2 of 3, by name").contains("Page 1 of 2");
		var quarter = this.roi.report(world.partnerUser(), null, null).quarter();
		assertThat(first).contains("cohortPage=1").contains("quarter=" + quarter);
		var second = page(partner, "/roi?cohortSize=2&cohortPage=1&quarter=" + quarter);
		assertThat(rows(second)).containsExactly("C");
		// the quarter form keeps the sizes, not the pages (try43: it dropped cohortSize)
		assertThat(second).contains("<input type=\"hidden\" name=\"cohortSize\" value=\"2\">")
			.doesNotContain("name=\"cohortPage\" value=");
		assertThat(second).contains("Cohorts 3–3 of 3");
		// past the end: the pager says so, not "no cohorts" (try43)
		var past = page(partner, "/roi?cohortSize=2&cohortPage=4");
		assertThat(past).contains("Page 5 is past the end: the list has 2 pages")
			.doesNotContain("No cohort has members");
		assertThat(rows(past)).isEmpty();

		// the admin's page: the program's cohorts a page at a time
		int total = this.roi.report(admin, null, null).cohorts().size();
		// (at least the three above: one fewer a page than there are makes two pages)
		int size = Math.min(200, total - 1);
		var program = page(login(admin), "/roi?cohortSize=" + size);
		assertThat(program).contains("Cohorts 1–" + size + " of " + String.format(java.util.Locale.ROOT, "%,d", total));

		// the costliest partners and the marketplace a page each, one row a page here
		var one = page(login(admin), "/roi?partnerSize=1&marketSize=1");
		assertThat(one.split("<a href=\"/partners/", -1)).hasSize(2);
		assertThat(one).contains("partnerPage=1").contains("Partners (the " + Math.min(Roi.LISTED, total(admin)) + " ");

		for (var bad : new String[] { "cohortPage=-1 | cohortPage", "cohortSize=0&quarter=2019-Q9 | cohortSize quarter",
				"partnerPage=-1&marketSize=0&partnerSize=1 | partnerPage marketSize",
				// a page or size that is no number is named with the others (try43)
				"quarter=2026-Q5&cohortSize=abc | quarter cohortSize",
				"quarter=2099-Q1&cohortPage=99999999999&marketSize=x | quarter cohortPage marketSize",
				"cohortPage=-1&cohortSize=abc | cohortPage cohortSize",
				"cohortSize=201&cohortPage=-2&quarter=2099-Q1 | cohortSize cohortPage quarter" }) {
			var parts = bad.split(" \\| ");
			var body = this.mvc.perform(get("/roi?" + parts[0]).session(partner))
				.andExpect(status().isBadRequest())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(Readers.namedFields(body)).as(parts[0]).containsExactlyInAnyOrder(parts[1].split(" "));
			// typed, not followed from a page: "Go back" leads to the page as it opens,
			// not
			// to the home page (try43)
			assertThat(body).as(parts[0]).contains("<a href=\"/roi\">");
		}
	}

	private int total(Viewer viewer) {
		return this.roi.report(viewer, null, null).partners().size();
	}

	private static java.util.List<String> rows(String page) {
		return COHORT_ROW.matcher(page).results().map(m -> m.group(1)).toList();
	}

	private String page(MockHttpSession session, String path) throws Exception {
		return new Readers(this.mvc, this.jdbc, this.fixtures).read(session, path);
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		return new Readers(this.mvc, this.jdbc, this.fixtures).signIn(viewer);
	}

}
