package com.trellis.guidance;

import java.time.Duration;
import java.util.List;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.GuidanceRunTest;
import com.trellis.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The program's ICP as an admin sets it on the page or through the API, and as the next
 * daily run reads it.
 */
@GuidanceRunTest
class ProgramIcpTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	Guidance guidance;

	@Autowired
	ProgramIcp icp;

	private Viewer admin;

	private ProgramIcp.Settings before;

	@BeforeEach
	void remember() {
		this.admin = this.fixtures.user(Role.ADMIN);
		this.before = this.icp.view(this.admin);
	}

	@AfterEach
	void restore() {
		this.icp.set(this.admin, this.before.industries(), this.before.employeeBands(), this.before.countries(), null);
		this.clock.reset();
	}

	@Test
	void aChangedIcpChangesTheNextDailyRunsMismatches() throws Exception {
		var world = this.fixtures.world("Icp Next Run");
		var api = new Api(this.mvc, this.fixtures.token(this.admin));

		api.put("/api/v1/guidance/icp",
				"{\"industries\": [\"Manufacturing\"], \"employeeBands\": [], \"countries\": []}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.industries[0]").value("Manufacturing"));
		this.clock.set(TestClock.START.plus(Duration.ofDays(4000)));
		this.guidance.runDaily();
		assertThat(mismatches(world)).as("the customer is in Retail, the program targets Manufacturing")
			.singleElement()
			.satisfies(r -> assertThat(r.reason()).contains("the program targets the industries Manufacturing"));

		api.put("/api/v1/guidance/icp",
				"{\"industries\": [\"Retail\", \"Manufacturing\"], \"employeeBands\": [], \"countries\": []}")
			.andExpect(status().isOk());
		this.clock.set(TestClock.START.plus(Duration.ofDays(4001)));
		this.guidance.runDaily();
		assertThat(mismatches(world)).as("Retail is now targeted").isEmpty();
	}

	@Test
	void badValuesThroughTheApiAreEachNamedAndChangeNothing() throws Exception {
		var api = new Api(this.mvc, this.fixtures.token(this.admin));
		api.put("/api/v1/guidance/icp",
				"{\"industries\": [\"Retail\"], \"employeeBands\": [\"201-1000\"], \"countries\": []}")
			.andExpect(status().isOk());
		long audited = audited();

		api.put("/api/v1/guidance/icp", """
				{"industries": ["Retail", "Energy", " "], "employeeBands": ["50-100"], "countries": ["DE", "Germany"]}
				""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("industries[2]"))
			.andExpect(jsonPath("$.errors[1].field").value("employeeBands[0]"))
			.andExpect(jsonPath("$.errors[2].field").value("countries[1]"));
		api.put("/api/v1/guidance/icp", "null").andExpect(status().isBadRequest());

		api.get("/api/v1/guidance/icp")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.industries.length()").value(1))
			.andExpect(jsonPath("$.industries[0]").value("Retail"))
			.andExpect(jsonPath("$.employeeBands[0]").value("201-1000"));
		assertThat(audited()).isEqualTo(audited);
	}

	@Test
	void aPutLeavingOutAListIsRefusedNamingItAndTheIcpStaysAsItWas() throws Exception {
		var api = new Api(this.mvc, this.fixtures.token(this.admin));
		api.put("/api/v1/guidance/icp",
				"{\"industries\": [\"Retail\"], \"employeeBands\": [\"51-200\"], \"countries\": [\"DE\"]}")
			.andExpect(status().isOk());
		long audited = audited();

		api.put("/api/v1/guidance/icp", "{}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(contains("industries", "employeeBands", "countries")))
			.andExpect(jsonPath("$.errors[0].message").value(startsWith("must be given")));
		api.put("/api/v1/guidance/icp", "{\"industries\": [], \"employeeBands\": null, \"countries\": [\"XX\"]}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(contains("employeeBands", "countries[0]")));

		api.get("/api/v1/guidance/icp")
			.andExpect(jsonPath("$.industries").value(contains("Retail")))
			.andExpect(jsonPath("$.employeeBands").value(contains("51-200")))
			.andExpect(jsonPath("$.countries").value(contains("DE")));
		assertThat(audited()).isEqualTo(audited);
	}

	@Test
	void anAdminSetsTheIcpOnThePageAndEachChangeIsAudited() throws Exception {
		var session = login(this.admin);
		long audited = audited();

		this.mvc
			.perform(post("/guidance/icp").session(session)
				.with(csrf())
				.param("industries", "Manufacturing\n\nLogistics")
				.param("employeeBands", "201-1000", "1001-5000")
				.param("countries", "de\nAT"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/guidance/icp"));

		assertThat(this.icp.current()).isEqualTo(
				Icp.of(List.of("Manufacturing", "Logistics"), List.of("201-1000", "1001-5000"), List.of("DE", "AT")));
		assertThat(audited()).isEqualTo(audited + 1);
		var entry = this.jdbc.sql(
				"SELECT actor_id, after::text FROM audit_entry WHERE entity_type = 'guidance-icp' ORDER BY id DESC LIMIT 1")
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
			.single();
		assertThat(entry.get(0)).isEqualTo(String.valueOf(this.admin.userId()));
		assertThat(entry.get(1)).contains("Logistics", "1001-5000", "AT");
		this.mvc.perform(get("/guidance/icp").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Logistics")));
		this.mvc.perform(get("/guidance").session(session))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("href=\"/guidance/icp\"")));
	}

	@Test
	void badValuesOnThePageAreShownWithWhatWasTypedAndChangeNothing() throws Exception {
		this.icp.set(this.admin, List.of("Retail"), List.of(), List.of("US"), null);
		long audited = audited();

		this.mvc
			.perform(post("/guidance/icp").session(login(this.admin))
				.with(csrf())
				.param("industries", "Energy")
				.param("employeeBands", "50-100")
				.param("countries", "DE\nGermany"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("&#39;Germany&#39; must be a two-letter")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("must be one of 1-50")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString(">Energy</textarea>")));
		// a direction mark in a refused value is quoted by its code, not turned around
		// the
		// message (s56)
		this.mvc
			.perform(post("/guidance/icp").session(login(this.admin))
				.with(csrf())
				.param("industries", "Ret\u202eail")
				.param("countries", "US"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("&#39;RetU+202Eail&#39;")));

		assertThat(this.icp.current()).isEqualTo(Icp.of(List.of("Retail"), List.of(), List.of("US")));
		assertThat(audited()).isEqualTo(audited);
	}

	private List<RecommendationView> mismatches(com.trellis.support.Fixtures.World world) {
		return this.guidance.current(world.ae())
			.stream()
			.filter(r -> r.kind() == Kind.ICP_MISMATCH)
			.filter(r -> r.actionLink().equals("/opportunities/" + world.dealId()))
			.toList();
	}

	private long audited() {
		return this.jdbc.sql("SELECT count(*) FROM audit_entry WHERE entity_type = 'guidance-icp'")
			.query(Long.class)
			.single();
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		var result = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
