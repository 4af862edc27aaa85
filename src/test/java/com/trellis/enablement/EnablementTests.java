package com.trellis.enablement;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;

import com.trellis.activity.Activity;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.InvalidInputException.FieldError;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@TrellisTest
class EnablementTests {

	@Autowired
	Enablement enablement;

	@Autowired
	com.trellis.activation.ActivationProgress activation;

	@Autowired
	Activity activity;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	com.trellis.imports.TrellisFormats formats;

	@Test
	void aPartnerUserRecordsOwnCompletionsAndBadInputIsNamed() {
		var world = this.fixtures.world("Learning Partners");
		var ae = seller(world);
		var other = this.fixtures.user(Role.PARTNER, world.partnerId(), null);
		assertThatThrownBy(() -> this.enablement.record(ae, other.userId(), "AE-101", LocalDate.of(2026, 11, 1)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.enablement.record(ae, ae.userId(), "NOPE-1", LocalDate.of(2026, 12, 25)))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).errors()).extracting(FieldError::field)
				.containsExactly("item", "completedOn"));
		// nothing named: asked for, not "no course or certification null"
		assertThatThrownBy(() -> this.enablement.record(ae, ae.userId(), null, LocalDate.of(2026, 11, 1)))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).errors()).extracting(FieldError::message)
				.containsExactly("give the code of the course or certification"));
		var progress = this.enablement.record(ae, ae.userId(), "AE-101", LocalDate.of(2026, 11, 1));
		assertThat(progress.trackName()).isEqualTo("Partner sales (AE)");
		assertThat(progress.requiredDone()).isEqualTo(1);
		assertThat(progress.requiredTotal()).isEqualTo(3);
	}

	@Test
	void completingTheTrackCompletesTheActivationMilestoneAndCertificationsExpire() {
		var world = this.fixtures.world("Certified Partners");
		this.activation.start(world.partnerId(), LocalDate.of(2026, 11, 10));
		var ae = seller(world);
		this.enablement.record(ae, ae.userId(), "AE-101", LocalDate.of(2026, 11, 12));
		this.enablement.record(ae, ae.userId(), "AE-201", LocalDate.of(2026, 11, 15));
		var done = this.enablement.record(ae, ae.userId(), "AE-CERT", LocalDate.of(2026, 11, 20));
		assertThat(done.complete()).isTrue();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc
				.sql("""
						SELECT completed_at IS NOT NULL FROM activation_milestone WHERE partner_id = ? AND code = 'TRAINING_COMPLETE'
						""")
				.param(world.partnerId())
				.query(Boolean.class)
				.single());
		assertThat(this.enablement.ofPartner(world.pam(), world.partnerId()).completionRatePercent()).isEqualTo(100);

		this.clock.advance(Duration.ofDays(370));
		var lapsed = this.enablement.progress(world.pam(), ae.userId());
		assertThat(lapsed.complete()).isFalse();
		assertThat(lapsed.items()).filteredOn(i -> i.code().equals("AE-CERT"))
			.singleElement()
			.satisfies(i -> assertThat(i.expiresOn()).isEqualTo(LocalDate.of(2027, 11, 20)));
	}

	@Test
	void trainingFollowedByAPlayWithinSixtyDaysCountsAsApplied() {
		var world = this.fixtures.world("Applied Partners");
		var ae = seller(world);
		this.enablement.record(ae, ae.userId(), "AE-101", LocalDate.of(2026, 11, 1));
		this.enablement.record(ae, ae.userId(), "AE-201", LocalDate.of(2026, 11, 2));
		assertThat(this.enablement.ofPartner(world.pam(), world.partnerId()).appliedCompletions()).isZero();
		this.activity.record(world.partnerId(), ae.userId(), "PLAY_USED", "Discovery play on a live deal");
		var partner = this.enablement.ofPartner(world.pam(), world.partnerId());
		assertThat(partner.appliedCompletions()).isEqualTo(2);
		assertThat(partner.appliedRatePercent()).isEqualTo(100);
		// the user's own progress (and a recorded completion's answer) says the same
		// (try12: null there)
		var own = this.enablement.record(ae, ae.userId(), "AE-CERT", LocalDate.of(2026, 11, 3));
		assertThat(own.items()).filteredOn(item -> item.completedOn() != null)
			.extracting(ItemProgress::code, ItemProgress::applied)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("AE-101", true),
					org.assertj.core.groups.Tuple.tuple("AE-201", true),
					org.assertj.core.groups.Tuple.tuple("AE-CERT", true));
	}

	@Test
	void anImportWithABadRowImportsNothingAndNamesTheRow() {
		var world = this.fixtures.world("Imported Partners");
		var ae = seller(world);
		var email = this.fixtures.email(ae);
		var admin = this.fixtures.user(Role.ADMIN);
		long before = this.fixtures.count("enablement_completion");
		var csv = """
				email,item,completed_on
				%s,SE-101,2026-10-01
				nobody@nowhere.example,AE-101,2026-10-01
				%s,AE-101,yesterday
				""".formatted(email, email);
		var completions = com.trellis.imports.TrellisFormats.Format.COMPLETIONS;
		assertThatThrownBy(() -> this.formats.run(admin, completions, csv, false))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).errors()).extracting(FieldError::field)
				.containsExactly("row 3: email", "row 4: completed_on"));
		assertThat(this.fixtures.count("enablement_completion")).isEqualTo(before);

		assertThat(
				this.formats
					.run(admin, completions,
							"email,item,completed_on\n%s,AE-101,2026-10-01\n%s,SE-101,2026-10-02".formatted(email,
									email),
							false)
					.created())
			.isEqualTo(2);
		assertThat(this.fixtures.count("enablement_completion")).isEqualTo(before + 2);
		assertThatThrownBy(() -> this.formats.run(world.partnerUser(), completions, "email,item,completed_on", false))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void anExcelFileOfTheRetiredImportImportsUnchangedThroughTheTrellisCompletionsFormat() throws Exception {
		var world = this.fixtures.world("Excel Partners");
		var ae = seller(world);
		var email = this.fixtures.email(ae);
		var admin = this.fixtures.user(Role.ADMIN);
		long before = this.fixtures.count("enablement_completion");
		// as Excel saves "CSV UTF-8" in a locale whose list separator is a semicolon
		var excel = "\uFEFF\"Email\";\"Item\";\"Completed_on\"\r\n\"%s\";\"AE-101\";\"2026-10-01\"\r\n%s;SE-101;2026-10-02\r\n"
			.formatted(email.toUpperCase(java.util.Locale.ROOT), email);

		// the old path answers with where to go, and writes nothing
		this.mvc
			.perform(post("/api/v1/enablement/completions/import")
				.header("Authorization", "Bearer " + this.fixtures.token(admin))
				.contentType("text/csv")
				.content(excel.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isGone())
			.andExpect(jsonPath("$.replacement").value("/api/v1/imports/trellis/completions"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Nothing was imported")));
		assertThat(this.fixtures.count("enablement_completion")).isEqualTo(before);

		completions(admin, excel, true).andExpect(status().isOk())
			.andExpect(jsonPath("$.errorCount").value(0))
			.andExpect(jsonPath("$.created").value(2));
		assertThat(this.fixtures.count("enablement_completion")).isEqualTo(before);
		completions(admin, excel, false).andExpect(status().isOk()).andExpect(jsonPath("$.created").value(2));
		assertThat(this.fixtures.count("enablement_completion")).isEqualTo(before + 2);

		// a bad row in the same kind of file is named by its spreadsheet row
		completions(admin, "\uFEFFemail;item;completed_on\r\n%s;AE-101;01.10.2026\r\n".formatted(email), false)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("row 2: completed_on"));
		assertThat(this.fixtures.count("enablement_completion")).isEqualTo(before + 2);
	}

	private org.springframework.test.web.servlet.ResultActions completions(Viewer viewer, String csv, boolean dryRun)
			throws Exception {
		return this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.multipart("/api/v1/imports/trellis/completions")
			.file(new org.springframework.mock.web.MockMultipartFile("file", "completions.csv", "text/csv",
					csv.getBytes(StandardCharsets.UTF_8)))
			.param("dryRun", String.valueOf(dryRun))
			.header("Authorization", "Bearer " + this.fixtures.token(viewer)));
	}

	@Test
	void aPartnerNeverReadsAnotherPartnersEnablement() {
		var a = this.fixtures.world("Enablement Alpha");
		var b = this.fixtures.world("Enablement Beta");
		assertThatThrownBy(() -> this.enablement.ofPartner(a.partnerUser(), b.partnerId()))
			.isInstanceOf(com.trellis.shared.NotFoundException.class);
		assertThatThrownBy(() -> this.enablement.progress(a.partnerUser(), b.partnerUser().userId()))
			.isInstanceOf(com.trellis.shared.NotFoundException.class);
	}

	/**
	 * Failed before (s59 try-out): a partner user's own completion sent to another
	 * partner's page was recorded, then redirected to a page they may not open.
	 */
	@Test
	void aCompletionSentToAnotherPartnersPageIsNotFoundAndNotRecorded() throws Exception {
		var world = this.fixtures.world("Own Page Learners");
		var other = this.fixtures.world("Other Page Learners");
		var ae = seller(world);
		long before = this.fixtures.count("enablement_completion");
		this.mvc
			.perform(post("/partners/" + other.partnerId() + "/enablement")
				.session(new com.trellis.support.Readers(this.mvc, this.jdbc, this.fixtures).signIn(ae))
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
				.param("userId", String.valueOf(ae.userId()))
				.param("item", "AE-101")
				.param("completedOn", "2026-11-01"))
			.andExpect(status().isNotFound());
		assertThat(this.fixtures.count("enablement_completion")).isEqualTo(before);
	}

	private Viewer seller(com.trellis.support.Fixtures.World world) {
		this.jdbc.sql("UPDATE app_user SET job_role = 'AE' WHERE id = ?").param(world.partnerUser().userId()).update();
		return world.partnerUser();
	}

}
