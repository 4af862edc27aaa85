package com.trellis.imports;

import java.nio.charset.StandardCharsets;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The activity export in the Trellis activity format: a partner's events, recorded by
 * Trellis or imported with a source id, re-import unchanged; a recorded event is never
 * rewritten by a file (a changed row is refused naming its row and id, and nothing is
 * written); the same events given source ids are another system's, written once; and
 * another partner's user cannot read them.
 */
@TrellisTest
class TrellisActivityFormatTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	Viewer pam;

	long partner;

	long native_;

	String sourceId;

	@BeforeEach
	void events() throws Exception {
		this.pam = this.fixtures.user(Role.PAM);
		this.partner = this.fixtures.partner("Activity Export Partner " + System.nanoTime(), this.pam.userId());
		var user = this.fixtures.user(Role.PARTNER, this.partner, null);
		this.native_ = this.jdbc.sql("""
				INSERT INTO activity_event (partner_id, user_id, type, occurred_at, detail)
				VALUES (?, ?, 'PORTAL_LOGIN', TIMESTAMPTZ '2026-10-05 08:15:30.123456+00', '=Signed in, "twice"')
				RETURNING id
				""").params(this.partner, user.userId()).query(Long.class).single();
		this.sourceId = "crm-ev-" + System.nanoTime();
		importing(this.pam,
				"source_id,partner_id,type,occurred_at,detail\n" + this.sourceId + "," + this.partner
						+ ",WEBINAR_ATTENDED,2026-10-01T09:30:00Z,Launch webinar\n",
				false)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.errorCount").value(0))
			.andExpect(jsonPath("$.created").value(1));
	}

	@Test
	void aPartnersActivityExportReimportsWithoutErrorsOrChanges() throws Exception {
		var export = export(this.pam, "/partners/" + this.partner + "/activity.csv");
		assertThat(export).startsWith("\uFEFFid,source_id,partner_id,type,occurred_at,user_email,detail\r\n")
			.contains(
					"," + this.sourceId + "," + this.partner + ",WEBINAR_ATTENDED,2026-10-01T09:30:00Z,,Launch webinar")
			.contains(this.native_ + ",," + this.partner + ",PORTAL_LOGIN,2026-10-05T08:15:30.123456Z,");
		long events = this.fixtures.count("activity_event");
		importing(this.pam, export, false).andExpect(status().isOk())
			.andExpect(jsonPath("$.errorCount").value(0))
			.andExpect(jsonPath("$.rows").value(2))
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.updated").value(0))
			.andExpect(jsonPath("$.unchanged").value(2));
		assertThat(this.fixtures.count("activity_event")).isEqualTo(events);
		assertThat(export(this.pam, "/api/v1/partners/" + this.partner + "/activity.csv")).isEqualTo(export);
	}

	@Test
	void aRecordedEventChangedInTheFileIsRefusedByRowAndIdAndNothingIsWritten() throws Exception {
		var export = export(this.pam, "/partners/" + this.partner + "/activity.csv");
		var changed = export.replace("2026-10-05T08:15:30.123456Z", "2026-09-01T08:00:00Z")
			.replace("Launch webinar", "Launch webinar (corrected)");
		importing(this.pam, changed, false).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("row 3: id")));
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM activity_event WHERE partner_id = ? AND"
					+ " (occurred_at = TIMESTAMPTZ '2026-09-01 08:00:00+00' OR detail LIKE '%corrected%')")
			.param(this.partner)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theExportedEventsGivenSourceIdsAreAnotherSystemsWrittenOnce() throws Exception {
		var lines = export(this.pam, "/partners/" + this.partner + "/activity.csv").substring(1).split("\r\n");
		var file = new StringBuilder(lines[0]).append("\r\n");
		for (int i = 1; i < lines.length; i++) {
			file.append(lines[i].replaceFirst("^(\\d+),[^,]*,", ",copy-$1,")).append("\r\n");
		}
		long events = this.fixtures.count("activity_event");
		importing(this.pam, file.toString(), false).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(2));
		importing(this.pam, file.toString(), false).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.unchanged").value(2));
		assertThat(this.fixtures.count("activity_event")).isEqualTo(events + 2);
	}

	@Test
	void anotherPartnersUserCannotExportThePartnersActivity() throws Exception {
		var world = this.fixtures.world("Activity Outsider " + System.nanoTime());
		this.mvc
			.perform(get("/api/v1/partners/" + this.partner + "/activity.csv").header("Authorization",
					"Bearer " + this.fixtures.token(world.partnerUser())))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/partners/" + world.partnerId() + "/activity.csv").header("Authorization",
				"Bearer " + this.fixtures.token(world.partnerUser())))
			.andExpect(status().isOk());
	}

	/**
	 * A PAM imports only the activity of their own book's partners: a row naming another
	 * PAM's partner is refused for that alone, its other values not looked up (try71a:
	 * the refusal also said whose user an address was), and another system's event
	 * recorded for another PAM's partner is not theirs to move to their own partner.
	 */
	@Test
	void aPamsRowForAnotherBookIsRefusedForThatAloneAndItsEventsStayPut() throws Exception {
		var other = this.fixtures.world("Activity Other Book " + System.nanoTime());
		var mine = this.fixtures.partner("Activity Mine " + System.nanoTime(), this.pam.userId());
		importing(this.pam,
				"source_id,partner_id,type,occurred_at,user_email\nx-" + System.nanoTime() + "," + other.partnerId()
						+ ",PORTAL_LOGIN,2026-10-01T09:30:00Z," + this.fixtures.email(other.partnerUser()) + "\n",
				false)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].field").value("row 2: partner_id"));

		var admin = this.fixtures.user(Role.ADMIN);
		var theirs = "theirs-" + System.nanoTime();
		importing(admin, "source_id,partner_id,type,occurred_at\n" + theirs + "," + other.partnerId()
				+ ",WEBINAR_ATTENDED,2026-10-01T09:30:00Z\n", false)
			.andExpect(status().isOk());
		importing(this.pam,
				"source_id,partner_id,type,occurred_at\n" + theirs + "," + mine
						+ ",WEBINAR_ATTENDED,2026-10-01T09:30:00Z\n",
				false)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("row 2: source_id"));
		assertThat(this.fixtures.count("activity_event WHERE partner_id = " + mine)).isZero();
	}

	private String export(Viewer viewer, String path) throws Exception {
		var request = get(path);
		if (path.startsWith("/api/")) {
			request.header("Authorization", "Bearer " + this.fixtures.token(viewer));
		}
		else {
			var login = this.mvc
				.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login")
					.param("username", this.fixtures.email(viewer))
					.param("password", "secret")
					.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
						.csrf()))
				.andReturn();
			request.session((org.springframework.mock.web.MockHttpSession) login.getRequest().getSession(false));
		}
		return this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private ResultActions importing(Viewer viewer, String csv, boolean dryRun) throws Exception {
		return this.mvc.perform(multipart("/api/v1/imports/trellis/activity")
			.file(new MockMultipartFile("file", "activity.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("dryRun", String.valueOf(dryRun))
			.header("Authorization", "Bearer " + this.fixtures.token(viewer)));
	}

}
