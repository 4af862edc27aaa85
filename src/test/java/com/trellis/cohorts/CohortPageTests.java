package com.trellis.cohorts;

import java.time.Clock;
import java.util.regex.Pattern;

import com.trellis.shared.PageFigureStore;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Cohorts page with many cohorts (issue 15, co41): it lists a page of them (25 by
 * default) with the total and links onwards, not every cohort; a bad page, size, weeks or
 * more than 25 cohorts to chart are refused naming each parameter, after the role check
 * (a partner user is refused first), as is a cohort to chart that is not in the viewer's
 * list; a PAM's page holds the cohorts of the book only. The tests only read, so the
 * cohorts are made and stored once for all of them.
 */
@TrellisTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CohortPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	CohortFigures figures;

	@Autowired
	PageFigureStore store;

	private ManyCohorts many;

	@BeforeAll
	void manyCohortsStoredByTheJob() {
		this.many = ManyCohorts.make(this.jdbc, this.clock, 120);
		clearSets();
		assertThat(this.figures.storeDaily()).isTrue();
	}

	@AfterAll
	void removeThem() {
		this.many.remove();
		clearSets();
	}

	private void clearSets() {
		this.store.clear(CohortFigures.NAME);
		this.store.clear(CohortFigures.JOURNEY);
	}

	@Test
	void theAdminsPageListsAPageOfTheCohortsWithTheTotalAndLinksOnwards() throws Exception {
		var admin = signIn("admin@trellis.demo");
		long total = this.jdbc.sql("SELECT count(*) FROM cohort WHERE retired_at IS NULL").query(Long.class).single();
		assertThat(total).isGreaterThan(120);

		var first = page(admin, "/cohorts");
		assertThat(checkboxes(first)).as("one page of cohorts, not all %d", total).isEqualTo(25);
		assertThat(first).contains("id=\"cohorts-found\">" + total + "<");
		assertThat(first).contains("page=1").contains("Page 1 of " + ((total + 24) / 25));
		assertThat(charted(first)).as("the 8 largest charted, on whichever page they are listed").isEqualTo(8);

		var sized = page(admin, "/cohorts?size=50&page=1");
		assertThat(checkboxes(sized)).isEqualTo(50);
		assertThat(sized).contains("Cohorts side by side").contains("page=2").contains("page=0");

		var picked = page(admin, "/cohorts?page=1&show=" + this.many.ids().get(0) + "&show=" + this.many.ids().get(1));
		assertThat(charted(picked)).isEqualTo(2);

		assertThat(page(admin, "/cohorts?page=99")).contains("is past the end");
	}

	@Test
	void badPageParametersAreRefusedNamingEachAfterTheRoleCheck() throws Exception {
		var admin = signIn("admin@trellis.demo");
		assertThat(refused(admin, "/cohorts?page=-1&size=0")).contains("data-field=\"page\"", "data-field=\"size\"");
		assertThat(refused(admin, "/cohorts?size=many")).contains("data-field=\"size\"");
		assertThat(refused(admin, "/cohorts?weeks=0&page=-1")).contains("data-field=\"weeks\"", "data-field=\"page\"");
		var tooMany = new StringBuilder("/cohorts?page=0");
		this.many.ids().stream().limit(26).forEach(id -> tooMany.append("&show=").append(id));
		assertThat(refused(admin, tooMany.toString())).contains("data-field=\"show\"");
		assertThat(refused(admin, "/cohorts?show=" + this.many.ids().get(0) + "&show=987654321"))
			.contains("data-field=\"show\"", "no cohort 987654321 in your list");

		var partner = this.fixtures.world("Cohort page partner").partnerUser();
		var session = signIn(this.fixtures.email(partner), "secret");
		this.mvc.perform(get("/cohorts?page=-1&size=0").session(session)).andExpect(status().isForbidden());
		this.mvc.perform(get("/cohorts").session(session)).andExpect(status().isForbidden());
	}

	@Test
	void aPamsPageHoldsTheCohortsOfTheBookOnly() throws Exception {
		long pam = this.jdbc.sql("SELECT id FROM app_user WHERE email = 'pam@trellis.demo'").query(Long.class).single();
		long inBook = this.jdbc
			.sql("""
					SELECT count(DISTINCT c.id) FROM cohort c JOIN cohort_membership m ON m.cohort_id = c.id AND m.valid_to IS NULL
					JOIN partner p ON p.id = m.partner_id WHERE c.retired_at IS NULL AND p.owner_pam_id = :pam
					""")
			.param("pam", pam)
			.query(Long.class)
			.single();
		long all = this.jdbc.sql("SELECT count(*) FROM cohort WHERE retired_at IS NULL").query(Long.class).single();
		assertThat(inBook).isPositive().isLessThan(all);
		var html = page(signIn("pam@trellis.demo"), "/cohorts?size=200");
		assertThat(html).contains("id=\"cohorts-found\">" + inBook + "<");
		assertThat(checkboxes(html)).isEqualTo((int) Math.min(inBook, 200));
		long elsewhere = this.jdbc.sql("""
				SELECT min(c.id) FROM cohort c WHERE c.retired_at IS NULL AND NOT EXISTS (
				  SELECT 1 FROM cohort_membership m JOIN partner p ON p.id = m.partner_id
				  WHERE m.cohort_id = c.id AND m.valid_to IS NULL AND p.owner_pam_id = :pam)
				""").param("pam", pam).query(Long.class).single();
		assertThat(refused(signIn("pam@trellis.demo"), "/cohorts?show=" + elsewhere))
			.as("a cohort with no partner of the book is not charted for the PAM")
			.contains("data-field=\"show\"", "no cohort " + elsewhere + " in your list");
	}

	private String page(MockHttpSession session, String path) throws Exception {
		return com.trellis.support.Readers.read(this.mvc, session, path);
	}

	private String refused(MockHttpSession session, String path) throws Exception {
		return this.mvc.perform(get(path).session(session))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** The table's rows: one chart checkbox each. */
	private static long checkboxes(String html) {
		return Pattern.compile("type=\"checkbox\" name=\"show\"").matcher(html).results().count();
	}

	/** The cohorts charted: ticked on this page or kept from others. */
	private static long charted(String html) {
		return Pattern.compile("name=\"show\" value=\"\\d+\"[^>]*checked").matcher(html).results().count()
				+ Pattern.compile("type=\"hidden\" name=\"show\"").matcher(html).results().count();
	}

	private MockHttpSession signIn(String email) throws Exception {
		return signIn(email, "demo");
	}

	private MockHttpSession signIn(String email, String password) throws Exception {
		return (MockHttpSession) this.mvc
			.perform(post("/login").param("username", email).param("password", password).with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

}
