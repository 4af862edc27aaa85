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
	com.trellis.activation.ActivationPlans activation;

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
		assertThatThrownBy(() -> this.enablement.importCsv(admin, csv)).isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).errors()).extracting(FieldError::field)
				.containsExactly("row 3: email", "row 4: completed_on"));
		assertThat(this.fixtures.count("enablement_completion")).isEqualTo(before);

		assertThat(this.enablement.importCsv(admin,
				"email,item,completed_on\n%s,AE-101,2026-10-01\n%s,SE-101,2026-10-02".formatted(email, email)))
			.isEqualTo(2);
		assertThat(this.fixtures.count("enablement_completion")).isEqualTo(before + 2);
		assertThatThrownBy(() -> this.enablement.importCsv(world.pam(), "email,item,completed_on"))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void anExcelFileWithByteOrderMarkSemicolonsAndQuotesImportsThroughTheApi() throws Exception {
		var world = this.fixtures.world("Excel Partners");
		var ae = seller(world);
		var email = this.fixtures.email(ae);
		var admin = this.fixtures.user(Role.ADMIN);
		long before = this.fixtures.count("enablement_completion");
		// as Excel saves "CSV UTF-8" in a locale whose list separator is a semicolon
		var excel = "\uFEFF\"Email\";\"Item\";\"Completed_on\"\r\n\"%s\";\"AE-101\";\"2026-10-01\"\r\n%s;SE-101;2026-10-02\r\n"
			.formatted(email.toUpperCase(java.util.Locale.ROOT), email);
		this.mvc
			.perform(post("/api/v1/enablement/completions/import")
				.header("Authorization", "Bearer " + this.fixtures.token(admin))
				.contentType("text/csv")
				.content(excel.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.imported").value(2));
		assertThat(this.fixtures.count("enablement_completion")).isEqualTo(before + 2);

		// a bad row in the same kind of file is named by its spreadsheet row
		this.mvc
			.perform(post("/api/v1/enablement/completions/import")
				.header("Authorization", "Bearer " + this.fixtures.token(admin))
				.contentType("text/csv")
				.content("\uFEFFemail;item;completed_on\r\n%s;AE-101;01.10.2026\r\n".formatted(email)
					.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("row 2: completed_on"));
		assertThat(this.fixtures.count("enablement_completion")).isEqualTo(before + 2);
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

	private Viewer seller(com.trellis.support.Fixtures.World world) {
		this.jdbc.sql("UPDATE app_user SET job_role = 'AE' WHERE id = ?").param(world.partnerUser().userId()).update();
		return world.partnerUser();
	}

}
