package com.trellis.guidance;

import com.trellis.support.Fixtures;
import com.trellis.support.GuidanceRunTest;
import com.trellis.support.OwnGuidanceWeeks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The guidance page says in words what the person did with each recommendation. */
@GuidanceRunTest
class GuidancePageWordingTests {

	@Autowired
	Guidance guidance;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MockMvc mvc;

	@RegisterExtension
	final OwnGuidanceWeeks weeks = new OwnGuidanceWeeks();

	@Test
	void theHistoryTableShowsAcceptedDismissedAndSnoozedInWordsNotAsCodes() throws Exception {
		var world = this.fixtures.world("Guidance Wording");
		var ae = world.ae();
		this.fixtures.partnerDeal(world.accountId(), ae.userId(), world.partnerId(), "2000.00");
		this.fixtures.partnerDeal(world.accountId(), ae.userId(), world.partnerId(), "3000.00");
		var monday = this.weeks.monday(8);
		this.guidance.runDaily();
		var stalled = this.guidance.current(ae).stream().filter(r -> r.kind() == Kind.STALLED_DEAL).toList();
		assertThat(stalled).hasSizeGreaterThanOrEqualTo(3);
		this.guidance.accept(ae, stalled.get(0).id());
		this.guidance.dismiss(ae, stalled.get(1).id(), "The customer paused the project");
		this.guidance.snooze(ae, stalled.get(2).id(), monday.plusDays(5));

		var page = this.mvc.perform(get("/guidance").session(login(this.fixtures.email(ae))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		var history = page.substring(page.indexOf("id=\"guidance-handled\""));
		history = history.substring(0, history.indexOf("</table>"));

		assertThat(history).contains("<td>Accepted</td>", "<td>Dismissed</td>", "<td>Snoozed</td>")
			.doesNotContain("ACCEPTED", "DISMISSED", "SNOOZED");
	}

	@Test
	void theGuidancePageLinksToTheNoticePreferencesWhereTheWeeklyDigestIsSwitched() throws Exception {
		var world = this.fixtures.world("Guidance Digest Link");
		var session = login(this.fixtures.email(world.ae()));
		var page = this.mvc.perform(get("/guidance").session(session)).andReturn().getResponse().getContentAsString();

		assertThat(page).containsPattern(
				"<a id=\"guidance-digest-link\" href=\"/notifications/preferences\">Weekly digest: change in your notice preferences</a>");
		assertThat(this.mvc.perform(get("/notifications/preferences").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("The weekly digest of your recommendations");
	}

	private MockHttpSession login(String email) throws Exception {
		var result = this.mvc.perform(post("/login").param("username", email).param("password", "secret").with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
