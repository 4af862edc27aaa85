package com.trellis.adoption;

import java.math.BigDecimal;
import java.util.Locale;

import com.trellis.adoption.AdoptionDiagnosis.Compared;
import com.trellis.adoption.AdoptionDiagnosis.Diagnosis;
import com.trellis.adoption.AdoptionDiagnosis.Finding;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The diagnosis is worded for each reader from its figures (issue 15 notes: the daily job
 * stored one English sentence, so a reader in de-DE read "17.5%" beside a table of "17,5
 * %"): the message bundle's sentence, numbers in the reader's notation.
 */
class DiagnosisWordingTest {

	private final DiagnosisWording wording = new DiagnosisWording(messages(), null);

	private static ResourceBundleMessageSource messages() {
		var messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	private static final Diagnosis HEALTHY = new Diagnosis(Finding.HEALTHY, new BigDecimal("17.5"), 1204L, 2000L,
			new BigDecimal("42.1"), new BigDecimal("25.9"), new Compared("2026-Q4", 52, "2026-Q3"));

	@Test
	void aReaderInGermanReadsTheFiguresInGermanNotation() {
		assertThat(this.wording.evidence(HEALTHY, Locale.GERMANY)).isEqualTo(
				"partner revenue changed 17,5 % (2026-Q4 to date, 52 days, against the same 52 days of 2026-Q3), "
						+ "1.204 of 2.000 capable partners idle, partner deals win at 42,1 % against 25,9 % direct");
	}

	@Test
	void aReaderInEnglishReadsTheSameSentenceInEnglishNotation() {
		assertThat(this.wording.evidence(HEALTHY, Locale.US)).isEqualTo(
				"partner revenue changed 17.5 % (2026-Q4 to date, 52 days, against the same 52 days of 2026-Q3), "
						+ "1,204 of 2,000 capable partners idle, partner deals win at 42.1 % against 25.9 % direct");
	}

	@Test
	void eachFindingHasItsSentenceAndMissingFiguresReadAsSuch() {
		var adoption = new Diagnosis(Finding.ADOPTION_PROBLEM, null, 4L, 10L, null, null, null);
		assertThat(this.wording.evidence(adoption, Locale.GERMANY))
			.isEqualTo("partner-sourced revenue has no earlier quarter to grow from while 4 of 10 capable partners "
					+ "had no new deal in 90 days: reps are not reaching for partners");
		var motion = new Diagnosis(Finding.PARTNER_OR_MOTION_PROBLEM, new BigDecimal("-3.2"), null, null,
				new BigDecimal("28"), new BigDecimal("30.5"), null);
		assertThat(this.wording.evidence(motion, Locale.GERMANY)).isEqualTo(
				"partner-sourced deals win at 28,0 % against 30,5 % for direct deals: partners engage but do not help close");
		var fresh = new Diagnosis(Finding.HEALTHY, null, 0L, 3L, new BigDecimal("50"), null, null);
		assertThat(this.wording.evidence(fresh, Locale.US)).isEqualTo(
				"partner revenue is new, 0 of 3 capable partners idle, partner deals win at 50.0 % against — direct");
	}

}
