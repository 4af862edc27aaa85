package com.trellis.dormancy;

import java.time.Duration;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dormant partner's page offers the re-engagement forms to those who may post them, its
 * PAM and the program's admins (try70a: executives, AEs and other PAMs were offered them
 * and refused on posting), and a step done without a note reads as done.
 */
@TrellisTest
class DormancyPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Dormancy dormancy;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theFormsAreOfferedOnlyToThoseWhoManageThePartner() throws Exception {
		var world = this.fixtures.world("Dormancy Page Partners");
		this.clock.advance(Duration.ofDays(1));
		this.dormancy.daily();
		var readers = new Readers(this.mvc, this.jdbc, this.fixtures);
		var url = "/partners/" + world.partnerId() + "/dormancy";
		assertThat(Readers.read(this.mvc, readers.signIn(world.pam()), url)).contains("id=\"start-reengagement\"");
		for (var viewer : new com.trellis.identity.Viewer[] { this.fixtures.user(Role.EXECUTIVE), world.ae(),
				this.fixtures.user(Role.PAM) }) {
			assertThat(Readers.read(this.mvc, readers.signIn(viewer), url)).as(viewer.role().name())
				.doesNotContain("id=\"start-reengagement\"");
		}
		var started = this.dormancy.start(world.pam(), world.partnerId());
		this.dormancy.completeStep(world.pam(), world.partnerId(), started.sequence().steps().get(0).id(), "");
		var page = Readers.read(this.mvc, readers.signIn(world.pam()), url);
		assertThat(page).doesNotContain("null").contains("/reengagement/steps/");
		assertThat(Readers.read(this.mvc, readers.signIn(this.fixtures.user(Role.EXECUTIVE)), url))
			.doesNotContain("/reengagement/steps/");
	}

}
