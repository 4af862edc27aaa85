package com.trellis.web;

import java.time.LocalDate;

import com.trellis.activation.ActivationProgress;
import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A refused page form posted back to its page comes back with what was typed into it
 * (try69c: a PAM's comment was lost; the same for a blocker's note, a disqualification's
 * reason and the other short forms that redirect back), in the one form that was sent,
 * and nothing is saved.
 */
@TrellisTest
class RefusedFormTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ActivationProgress progress;

	@Test
	void aRefusedBlockerKeepsItsNoteAndItsChoice() throws Exception {
		var world = this.fixtures.world("Refused Form Blockers");
		this.progress.start(world.partnerId(), LocalDate.of(2026, 11, 20));
		var pam = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(world.pam());
		var path = "/partners/" + world.partnerId();
		long before = this.fixtures.count("partner_blocker WHERE partner_id = " + world.partnerId());

		refused(pam, path + "/blockers", "blocker", "GTM_MISALIGNMENT", "note", "x".repeat(2001));
		var page = Readers.read(this.mvc, pam, path + "/activation");
		assertThat(page).contains("value=\"" + "x".repeat(2001) + "\"",
				"value=\"GTM_MISALIGNMENT\" selected=\"selected\"");
		// the refusal also stands beside the form that was sent (s70: only at the top)
		assertThat(page).contains("id=\"blocker-error\"");
		// in the one form that was sent: the milestones' evidence fields stay empty
		assertThat(page.split("x".repeat(2001), -1)).hasSize(2);
		assertThat(this.fixtures.count("partner_blocker WHERE partner_id = " + world.partnerId())).isEqualTo(before);
		// read once: the next visit starts empty
		assertThat(Readers.read(this.mvc, pam, path + "/activation")).doesNotContain("x".repeat(2001));
	}

	@Test
	void aRefusedDisqualificationKeepsItsReasonInTheDealsProcessPanel() throws Exception {
		var world = this.fixtures.world("Refused Form Disqualify");
		var ae = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(world.ae());
		var deal = "/opportunities/" + world.dealId();
		var reason = "Budget moved to next year. " + "y".repeat(2000);

		refused(ae, deal + "/disqualify", "reason", reason);
		Readers.read(this.mvc, ae, deal);
		var panel = Readers.read(this.mvc, ae, deal + "/process");
		assertThat(panel).contains("value=\"" + reason + "\"");
		assertThat(this.jdbc.sql("SELECT stage FROM opportunity WHERE id = ?")
			.param(world.dealId())
			.query(String.class)
			.single()).isNotEqualTo("CLOSED_LOST");
	}

	/**
	 * A form refused twice before its page loaded again (a double click) shows the second
	 * refusal once (try70a: the first refusal's text, then the second's on a reload).
	 */
	@Test
	void aFormRefusedTwiceShowsTheSecondRefusalOnce() throws Exception {
		var world = this.fixtures.world("Refused Form Twice");
		this.progress.start(world.partnerId(), LocalDate.of(2026, 11, 20));
		var pam = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(world.pam());
		var path = "/partners/" + world.partnerId();
		refused(pam, path + "/blockers", "blocker", "GARBAGE", "note", "first try");
		refused(pam, path + "/blockers", "blocker", "GARBAGE", "note", "second try");
		assertThat(Readers.read(this.mvc, pam, path + "/activation")).contains("value=\"second try\"")
			.doesNotContain("first try");
		assertThat(Readers.read(this.mvc, pam, path + "/activation")).doesNotContain("second try", "GARBAGE");
	}

	/**
	 * A choice that is none of the offered ones comes back beside the typed text, not on
	 * an error page (try70a: a garbage blocker, stage or lifecycle status lost the note).
	 */
	@Test
	void aGarbageChoiceComesBackBesideTheTypedText() throws Exception {
		var world = this.fixtures.world("Refused Form Choices");
		this.progress.start(world.partnerId(), LocalDate.of(2026, 11, 20));
		var pam = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(world.pam());
		var path = "/partners/" + world.partnerId();
		refused(pam, path + "/blockers", "blocker", "GARBAGE", "note", "garbage enum note");
		assertThat(Readers.read(this.mvc, pam, path + "/activation")).contains("value=\"garbage enum note\"");
		refused(pam, path + "/lifecycle", "toStatus", "NOWHERE", "reason", "garbage status reason");
		assertThat(Readers.read(this.mvc, pam, path)).contains("garbage status reason");

		var ae = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(world.ae());
		var deal = "/opportunities/" + world.dealId();
		refused(ae, deal + "/move-back", "toStage", "NOWHERE", "seenStage", "QUALIFIED", "reason", "garbage stage");
		Readers.read(this.mvc, ae, deal);
		assertThat(Readers.read(this.mvc, ae, deal + "/process")).contains("value=\"garbage stage\"");
	}

	/**
	 * The joint owners' page form is checked as the API checks them (try70a: a control
	 * character and 5,000 characters were saved), and a name typed alone comes back.
	 */
	@Test
	void jointOwnersFromThePageAreCheckedAsOnTheApi() throws Exception {
		var world = this.fixtures.world("Refused Form Joint Owners");
		this.jdbc.sql("UPDATE opportunity SET stage = 'JOINT_WORKING' WHERE id = ?").param(world.dealId()).update();
		var ae = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(world.ae());
		var deal = "/opportunities/" + world.dealId();
		// moving back offers the stage just before first (try70b: the earliest came
		// first)
		assertThat(Readers.read(this.mvc, ae, deal + "/process"))
			.containsPattern("<select name=\"toStage\"[^>]*>\\s*<option value=\"QUALIFIED\"");
		for (var names : new String[][] { { "Rita\u0001", "Tom" }, { "r".repeat(5000), "Tom" },
				{ null, "Tom Tech" } }) {
			if (names[0] == null) {
				refused(ae, deal + "/joint-owners", "technicalOwner", names[1]);
			}
			else {
				refused(ae, deal + "/joint-owners", "relationshipOwner", names[0], "technicalOwner", names[1]);
			}
			// the page, then its panel, as the browser loads them after the redirect
			Readers.read(this.mvc, ae, deal);
			assertThat(Readers.read(this.mvc, ae, deal + "/process")).contains("value=\"" + names[1] + "\"");
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM deal_joint_owners WHERE opportunity_id = ?")
			.param(world.dealId())
			.query(Long.class)
			.single()).isZero();
	}

	/**
	 * What a refusal quotes of the input is cut to 60 characters, as other quoted values
	 * are (try70a: a 300-character checklist item came back whole).
	 */
	@Test
	void aLongUnknownChecklistItemIsQuotedCut() throws Exception {
		var world = this.fixtures.world("Refused Form Quoted");
		var ae = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(world.ae());
		var result = this.mvc
			.perform(post("/opportunities/" + world.dealId() + "/checklist").session(ae)
				.with(csrf())
				.param("item", "Bogus item " + "i".repeat(300)))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat((String) result.getFlashMap().get("error")).contains("Bogus item " + "i".repeat(49) + "…")
			.doesNotContain("i".repeat(61));
	}

	private void refused(MockHttpSession session, String url, String... params) throws Exception {
		var request = post(url).session(session).with(csrf());
		for (int i = 0; i + 1 < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		var result = this.mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn();
		assertThat(result.getFlashMap().get("error")).as(url).isNotNull();
	}

}
