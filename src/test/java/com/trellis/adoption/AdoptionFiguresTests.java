package com.trellis.adoption;

import com.trellis.identity.Role;
import com.trellis.shared.PageFigureStore;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The adoption page's program diagnosis as the daily job stored it (issue 15) is the
 * per-request one, evidence word for word; a PAM's stays per request.
 */
@TrellisTest
class AdoptionFiguresTests {

	@Autowired
	AdoptionFigures figures;

	@Autowired
	Adoption adoption;

	@Autowired
	PageFigureStore store;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@AfterEach
	void computePerRequestAgain() {
		this.store.clear(AdoptionFigures.NAME);
	}

	@Test
	void theStoredDiagnosisIsThePerRequestOne() {
		var admin = this.fixtures.user(Role.ADMIN);
		this.store.clear(AdoptionFigures.NAME);
		assertThat(this.figures.diagnosis(admin).asOf()).as("nothing stored yet").isNull();
		assertThat(this.figures.storeDaily()).isTrue();
		assertThat(this.figures.storeDaily()).as("once a business day").isFalse();
		var shown = this.figures.diagnosis(admin);
		assertThat(shown.asOf()).isNotNull();
		assertThat(shown.value()).isEqualTo(this.adoption.diagnosis(admin));
		var manager = this.fixtures.user(Role.SALES_MANAGER);
		assertThat(this.figures.diagnosis(manager).value()).isEqualTo(this.adoption.diagnosis(manager));
		var pam = this.fixtures.user(Role.PAM);
		var book = this.figures.diagnosis(pam);
		assertThat(book.asOf()).isNull();
		assertThat(book.value()).isEqualTo(this.adoption.diagnosis(pam));
	}

	/**
	 * A reader in de-DE reads the stored diagnosis in German notation beside the tables
	 * (issue 15 notes: the job stored "changed 17.5%" for every reader).
	 */
	@Test
	void aReaderInGermanReadsTheStoredDiagnosisInGermanNotation() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		this.store.clear(AdoptionFigures.NAME);
		storeAsBefore("""
				{"finding": "HEALTHY", "evidence": "partner revenue changed 17.5% (2026-Q4 to date, 52 days, against \
				the same 52 days of 2026-Q3), 1204 of 2000 capable partners idle, partner deals win at 42.1% against \
				25.9% direct"}""");
		migrate();
		var session = login(admin);
		this.mvc.perform(post("/profile/reading").param("locale", "de-DE").session(session).with(csrf()))
			.andExpect(status().is3xxRedirection());
		var page = this.mvc.perform(get("/adoption").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		page.setCharacterEncoding("UTF-8");
		assertThat(page.getContentAsString())
			.contains("partner revenue changed 17,5 % (2026-Q4 to date, 52 days, against the same 52 days of 2026-Q3), "
					+ "1.204 of 2.000 capable partners idle, partner deals win at 42,1 % against 25,9 % direct")
			.doesNotContain("17.5%");
	}

	/**
	 * A diagnosis stored before V233 (its sentence) is read back into its figures, each
	 * finding's; one whose sentence cannot be read is removed and computed per request.
	 */
	@Test
	void aDiagnosisStoredAsASentenceIsReadBackIntoItsFigures() {
		var admin = this.fixtures.user(Role.ADMIN);
		this.store.clear(AdoptionFigures.NAME);
		storeAsBefore(
				"""
						{"finding": "ADOPTION_PROBLEM", "evidence": "partner-sourced revenue has no earlier quarter to grow \
						from while 7 of 12 capable partners had no new deal in 90 days: reps are not reaching for partners"}""");
		migrate();
		var adoption = this.figures.diagnosis(admin);
		assertThat(adoption.asOf()).as("still the stored one").isNotNull();
		assertThat(adoption.value()).isEqualTo(new AdoptionDiagnosis.Diagnosis(
				AdoptionDiagnosis.Finding.ADOPTION_PROBLEM, null, 7L, 12L, null, null, null));
		storeAsBefore("""
				{"finding": "PARTNER_OR_MOTION_PROBLEM", "evidence": "partner-sourced deals win at 28.0% against \
				30.5% for direct deals: partners engage but do not help close"}""");
		migrate();
		assertThat(this.figures.diagnosis(admin).value())
			.isEqualTo(new AdoptionDiagnosis.Diagnosis(AdoptionDiagnosis.Finding.PARTNER_OR_MOTION_PROBLEM, null, null,
					null, new java.math.BigDecimal("28.0"), new java.math.BigDecimal("30.5"), null));
		storeAsBefore("{\"finding\": \"HEALTHY\", \"evidence\": \"something else\"}");
		migrate();
		var unreadable = this.figures.diagnosis(admin);
		assertThat(unreadable.asOf()).as("computed per request").isNull();
		assertThat(unreadable.value()).isEqualTo(this.adoption.diagnosis(admin));
	}

	private void storeAsBefore(String body) {
		this.jdbc.update("""
				INSERT INTO stored_page_figures (name, scope, computed_at, body) VALUES (?, 0, now(), CAST(? AS JSONB))
				ON CONFLICT (name, scope) DO UPDATE SET body = EXCLUDED.body
				""", AdoptionFigures.NAME, body);
	}

	private void migrate() {
		try (var in = new ClassPathResource("db/migration/V233__adoption_diagnosis_figures.sql").getInputStream()) {
			this.jdbc.execute(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private MockHttpSession login(com.trellis.identity.Viewer viewer) throws Exception {
		var result = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
