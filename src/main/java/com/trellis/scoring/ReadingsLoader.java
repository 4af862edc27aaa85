package com.trellis.scoring;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import com.trellis.shared.BusinessCalendar;

import org.springframework.stereotype.Component;

/**
 * Reads every signal of the rubric for every partner that existed by the end of a day,
 * from the records up to that moment only.
 */
@Component
class ReadingsLoader {

	private final ScoringRecords records;

	private final OutcomeRecords outcomes;

	private final BusinessCalendar calendar;

	private final Rubric rubric;

	ReadingsLoader(ScoringRecords records, OutcomeRecords outcomes, BusinessCalendar calendar,
			SelfAssessment.Source assessments) {
		this.rubric = Rubric.standard(assessments);
		this.records = records;
		this.outcomes = outcomes;
		this.calendar = calendar;
	}

	Rubric rubric() {
		return this.rubric;
	}

	/** The business day of a moment. */
	LocalDate dayOf(java.time.Instant moment) {
		return this.calendar.dayOf(moment);
	}

	/** The end of a business day: the cut-off a score as of that day reads up to. */
	AsOf asOf(LocalDate day) {
		return new AsOf(day, this.calendar.startOf(day.plusDays(1)));
	}

	/**
	 * Every partner's readings as of a day; {@code withReasons} false drops the evidence
	 * texts (training needs only the values).
	 */
	Map<Long, PartnerReadings> at(LocalDate day, boolean withReasons) {
		var asOf = asOf(day);
		var groups = this.outcomes.groups();
		var result = new HashMap<Long, PartnerReadings>();
		this.records.load(null, asOf, this.calendar.zone()).forEach((id, partner) -> {
			var readings = new HashMap<String, Reading>();
			for (var entry : this.rubric.entries()) {
				var reading = entry.signal().read(partner, asOf);
				readings.put(entry.signal().key(), withReasons ? reading : new Reading(reading.value(), ""));
			}
			result.put(id, new PartnerReadings(id, partner.onboardedOn(), groups.getOrDefault(id, ""),
					PartnerReadings.volume(partner, asOf), readings));
		});
		return result;
	}

}
