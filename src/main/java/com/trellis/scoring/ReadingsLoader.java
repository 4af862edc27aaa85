package com.trellis.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.trellis.shared.BusinessCalendar;

import org.springframework.stereotype.Component;

/**
 * Reads every signal of the rubric for every partner that existed by the end of a day,
 * from the records up to that moment only: for several days at once in one pass over each
 * kind of record, the signals' rules applied to each partner's records as the pass
 * streams by.
 */
@Component
class ReadingsLoader {

	private final ScoringRecords records;

	private final RecordStream stream;

	private final SelfAssessment.Source assessments;

	private final OutcomeRecords outcomes;

	private final BusinessCalendar calendar;

	private final Rubric rubric;

	private final SalesMaturity.Source maturity;

	ReadingsLoader(ScoringRecords records, RecordStream stream, OutcomeRecords outcomes, BusinessCalendar calendar,
			SelfAssessment.Source assessments, SalesMaturity.Source maturity) {
		this.rubric = Rubric.standard(assessments, maturity);
		this.assessments = assessments;
		this.maturity = maturity;
		this.records = records;
		this.stream = stream;
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
		return at(List.of(day), withReasons ? day : null).get(day);
	}

	/**
	 * Every partner's readings as of each of some days, read in one pass over each kind
	 * of record ({@link RecordStream}); only the day {@code withReasonsOn} (null: none)
	 * keeps the evidence texts, the others keep the values (training needs no more).
	 */
	Map<LocalDate, Map<Long, PartnerReadings>> at(Collection<LocalDate> days, LocalDate withReasonsOn) {
		var cutoffs = days.stream().distinct().sorted().map(this::asOf).toList();
		var groups = this.outcomes.groups();
		var rubrics = new ArrayList<Rubric>();
		var result = new LinkedHashMap<LocalDate, Map<Long, PartnerReadings>>();
		for (var asOf : cutoffs) {
			var validated = this.assessments.everyValidatedAsOf(asOf);
			var latest = this.maturity.everyLatestAsOf(asOf);
			rubrics.add(
					validated == null && latest == null ? this.rubric
							: Rubric
								.standard(
										validated == null ? this.assessments
												: (partner, at) -> java.util.Optional
													.ofNullable(validated.get(partner)),
										latest == null ? this.maturity
												: (partner, at) -> java.util.Optional.ofNullable(latest.get(partner))));
			result.put(asOf.day(), new HashMap<>());
		}
		var values = new HashMap<BigDecimal, Reading>();
		this.stream.forEach(cutoffs, this.calendar.zone(), (k, partner) -> {
			var asOf = cutoffs.get(k);
			boolean reasons = asOf.day().equals(withReasonsOn);
			var readings = new HashMap<String, Reading>();
			for (var entry : rubrics.get(k).entries()) {
				var reading = entry.signal().read(partner, asOf);
				readings.put(entry.signal().key(),
						reasons ? reading : values.computeIfAbsent(reading.value(), v -> new Reading(v, "")));
			}
			long id = partner.partnerId();
			result.get(asOf.day())
				.put(id, new PartnerReadings(id, partner.onboardedOn(), groups.getOrDefault(id, ""),
						PartnerReadings.volume(partner, asOf), Map.copyOf(readings)));
		});
		return result;
	}

	/**
	 * The readings of one partner as of a day, from its records read for it alone: what
	 * every partner's readings were computed from before they were read in one pass (the
	 * reference {@link #at(Collection, LocalDate)} is checked against).
	 */
	PartnerReadings onePartnerAt(long partnerId, LocalDate day) {
		var asOf = asOf(day);
		var partner = this.records.load(partnerId, asOf, this.calendar.zone()).get(partnerId);
		if (partner == null) {
			return null;
		}
		var readings = new HashMap<String, Reading>();
		for (var entry : this.rubric.entries()) {
			readings.put(entry.signal().key(), entry.signal().read(partner, asOf));
		}
		return new PartnerReadings(partnerId, partner.onboardedOn(), "", PartnerReadings.volume(partner, asOf),
				readings);
	}

}
