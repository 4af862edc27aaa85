package com.trellis.activation;

import java.time.LocalDate;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The activation pages as each reader meets them (found trying the pages in a browser): a
 * plan offers its "Done" and blocker forms only to whoever the form's answer would not
 * refuse (a PAM of another book was offered every form and answered 403), a PAM with no
 * plans is told so instead of an empty table, and a page past the end of the book keeps a
 * way back.
 */
@TrellisTest
class ActivationPageActionsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ActivationPlans plans;

	@Autowired
	ActivationProgress progress;

	@Test
	void aPlanOffersItsFormsOnlyToThoseWhoMayUseThem() throws Exception {
		var world = this.fixtures.world("Activation Forms Partner");
		this.progress.start(world.partnerId(), LocalDate.of(2026, 11, 20));
		var path = "/partners/" + world.partnerId() + "/activation";
		var partnerOwned = this.plans.plan(world.pam(), world.partnerId())
			.milestones()
			.stream()
			.filter(m -> "PARTNER".equals(m.owner()) && m.completedAt() == null && m.source() == null)
			.map(ActivationPlanView.Milestone::code)
			.toList();
		assertThat(partnerOwned).isNotEmpty();

		var ownPam = page(world.pam(), path);
		assertThat(ownPam).contains("/activation/milestones/ICP_ALIGNED\"", "/blockers\"");

		var otherPam = page(this.fixtures.user(Role.PAM), path);
		assertThat(otherPam).contains("Activation Forms Partner")
			.doesNotContain("/activation/milestones/", "/blockers\"");
		this.mvc
			.perform(post(path + "/milestones/ICP_ALIGNED").session(login(this.fixtures.user(Role.PAM)))
				.with(csrf())
				.param("evidence", "Workshop held"))
			.andExpect(status().isForbidden());

		var partnerUser = page(world.partnerUser(), path);
		assertThat(partnerUser).doesNotContain("/activation/milestones/ICP_ALIGNED\"", "/blockers\"");
		partnerOwned.forEach(code -> assertThat(partnerUser).contains("/activation/milestones/" + code + "\""));
	}

	@Test
	void aPamWithoutPlansIsToldSoAndAPagePastTheEndLeadsBack() throws Exception {
		var emptyBook = page(this.fixtures.user(Role.PAM), "/activation");
		assertThat(emptyBook).contains("id=\"no-plans\"");

		var admin = this.fixtures.user(Role.ADMIN);
		var book = this.plans.book(admin, com.trellis.shared.PageRequest.of(0, ActivationPageController.PAGE));
		assertThat(book.total()).isPositive();
		var past = page(admin, "/activation?page=" + book.totalPages());
		assertThat(past).doesNotContain("id=\"no-plans\"")
			.contains("href=\"/activation?page=" + (book.totalPages() - 1) + "\"");
	}

	private String page(Viewer viewer, String path) throws Exception {
		return this.mvc.perform(get(path).session(login(viewer)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		var result = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
