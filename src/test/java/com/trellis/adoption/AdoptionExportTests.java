package com.trellis.adoption;

import java.util.List;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The adoption page's teams and reps export as CSV for the period shown: every rep of the
 * reader's scope (not the page of reps shown) and each team's row the sum of its reps'
 * counts.
 */
@TrellisTest
class AdoptionExportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	@Test
	void theExportHoldsEveryRepAndTeamsThatAddUpTheirReps() throws Exception {
		this.fixtures.world("Export Adoption Partners");
		var readers = new Readers(this.mvc, this.jdbc, this.fixtures);
		var adminUser = this.fixtures.user(Role.ADMIN);
		var admin = readers.signIn(adminUser);
		int all = com.jayway.jsonpath.JsonPath
			.read(new com.trellis.support.Api(this.mvc, this.fixtures.token(adminUser))
				.get("/api/v1/adoption/reps?from=2026-01-01&to=2026-12-31")
				.andReturn()
				.getResponse()
				.getContentAsString(), "$.length()");
		var csv = this.mvc.perform(get("/adoption/export.csv?from=2026-01-01&to=2026-12-31").session(admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var lines = csv.lines().toList();
		assertThat(lines.get(0)).isEqualTo("\uFEFF" + String.join(",", AdoptionExport.HEADER));
		var reps = lines.stream().filter(l -> l.startsWith("REP,")).map(l -> List.of(l.split(",", -1))).toList();
		var teams = lines.stream().filter(l -> l.startsWith("TEAM,")).map(l -> List.of(l.split(",", -1))).toList();
		assertThat(reps).hasSize(all).hasSizeGreaterThan(10);
		assertThat(teams).isNotEmpty();
		int deals = AdoptionExport.HEADER.indexOf("deals");
		int closed = AdoptionExport.HEADER.indexOf("closed_with_partner");
		for (var team : teams) {
			var members = reps.stream()
				.filter(r -> r.get(3).equals(team.get(3)) || r.get(3).isEmpty() && team.get(3).equals("(no team)"))
				.toList();
			assertThat(members).as(team.get(3)).hasSize(Integer.parseInt(team.get(4)));
			assertThat(members.stream().mapToLong(r -> Long.parseLong(r.get(deals))).sum()).as(team.get(3))
				.isEqualTo(Long.parseLong(team.get(deals)));
			assertThat(members.stream().mapToLong(r -> Long.parseLong(r.get(closed))).sum()).as(team.get(3))
				.isEqualTo(Long.parseLong(team.get(closed)));
		}
		assertThat(reps).allSatisfy(r -> assertThat(r.subList(5, 7)).containsExactly("2026-01-01", "2026-12-31"));

		assertThat(Readers.read(this.mvc, admin, "/adoption?from=2026-01-01&to=2026-12-31&repPage=1&repSize=5"))
			.contains("href=\"/adoption/export.csv?from=2026-01-01&amp;to=2026-12-31\"");
		this.mvc.perform(get("/adoption/export.csv?from=2026-02-30").session(admin)).andExpect(status().isBadRequest());
		var world = this.fixtures.world("Export Adoption Outsiders");
		this.mvc.perform(get("/adoption/export.csv").session(readers.signIn(world.partnerUser())))
			.andExpect(status().isForbidden());
	}

}
