package com.trellis.adoption;

import java.text.NumberFormat;
import java.util.Locale;

import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.Percent;
import com.trellis.shared.Reading;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Words a stored {@link AdoptionDiagnosis.Diagnosis} for the person reading the page: the
 * sentence from the message bundle ({@code adoption.evidence.*}), its percentages and
 * counts in the reader's notation ("17,5 %", "1.204" in de-DE; {@link Reading}: the
 * profile's locale, else the program's). A missing win rate reads "—".
 */
@Component
class DiagnosisWording {

	private final MessageSource messages;

	private final BusinessCalendar calendar;

	DiagnosisWording(MessageSource messages, BusinessCalendar calendar) {
		this.messages = messages;
		this.calendar = calendar;
	}

	/** The diagnosis' evidence in the reader's locale. */
	String evidence(AdoptionDiagnosis.Diagnosis diagnosis) {
		return evidence(diagnosis, Reading.locale(this.calendar.locale()));
	}

	String evidence(AdoptionDiagnosis.Diagnosis diagnosis, Locale locale) {
		var counts = NumberFormat.getIntegerInstance(locale);
		var compared = diagnosis.compared() == null ? "" : text("adoption.evidence.compared", locale,
				diagnosis.compared().quarter(), diagnosis.compared().days(), diagnosis.compared().earlier());
		var partner = percent(diagnosis.partnerWinRate(), locale);
		var direct = percent(diagnosis.directWinRate(), locale);
		return switch (diagnosis.finding()) {
			case ADOPTION_PROBLEM -> text("adoption.evidence.adoptionProblem", locale,
					growth(diagnosis, "adoption.evidence.noEarlier", locale), compared,
					counts.format(diagnosis.idleCapable()), counts.format(diagnosis.capable()));
			case PARTNER_OR_MOTION_PROBLEM -> text("adoption.evidence.partnerProblem", locale, partner, direct);
			case HEALTHY ->
				text("adoption.evidence.healthy", locale, growth(diagnosis, "adoption.evidence.new", locale), compared,
						counts.format(diagnosis.idleCapable()), counts.format(diagnosis.capable()), partner, direct);
		};
	}

	private String growth(AdoptionDiagnosis.Diagnosis diagnosis, String none, Locale locale) {
		return diagnosis.growthPercent() == null ? text(none, locale)
				: text("adoption.evidence.changed", locale, Percent.text(diagnosis.growthPercent(), locale));
	}

	private static String percent(java.math.BigDecimal value, Locale locale) {
		return value == null ? "—" : Percent.text(value, locale);
	}

	private String text(String code, Locale locale, Object... args) {
		return this.messages.getMessage(code, args, locale);
	}

}
