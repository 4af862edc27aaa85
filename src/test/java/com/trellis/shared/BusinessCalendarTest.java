package com.trellis.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.TimeZone;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The business calendar answers from the business zone and fiscal year only; the JVM's
 * default zone (set to New York here) never changes a result.
 */
class BusinessCalendarTest {

	private TimeZone jvmZone;

	@BeforeEach
	void runTheJvmInNewYork() {
		this.jvmZone = TimeZone.getDefault();
		TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
	}

	@AfterEach
	void restoreTheJvmZone() {
		TimeZone.setDefault(this.jvmZone);
	}

	private static BusinessCalendar calendar(String now, String zone, Month fiscalStart) {
		return new BusinessCalendar(Clock.fixed(Instant.parse(now), ZoneOffset.UTC),
				new BusinessProperties(ZoneId.of(zone), fiscalStart, "", null),
				new StaticListableBeanFactory().getBeanProvider(HolidaySource.class),
				new StaticListableBeanFactory().getBeanProvider(com.trellis.shared.validation.ValueLimits.class));
	}

	@Test
	void aDealClosedAtThreeInTheMorningUtcClosedOnThatUtcDayWhateverTheJvmZone() {
		var utc = calendar("2026-11-19T03:09:00Z", "UTC", Month.JANUARY);
		assertThat(utc.dayOf(Instant.parse("2026-11-19T03:09:00Z"))).isEqualTo(LocalDate.parse("2026-11-19"));
		assertThat(utc.today()).isEqualTo(LocalDate.parse("2026-11-19"));
		assertThat(utc.startOf(LocalDate.parse("2026-11-19"))).isEqualTo(Instant.parse("2026-11-19T00:00:00Z"));
	}

	@Test
	void aWinAtHalfPastSevenOnNewYearsEveInNewYorkCountsInTheOldQuarter() {
		var newYork = calendar("2026-12-31T12:00:00Z", "America/New_York", Month.JANUARY);
		var win = Instant.parse("2027-01-01T00:30:00Z"); // 31 December 19:30 in New York
		assertThat(newYork.quarterOf(win).label()).isEqualTo("2026-Q4");
		assertThat(newYork.end(newYork.quarterOf(win))).isEqualTo(Instant.parse("2027-01-01T05:00:00Z"));
		var utc = calendar("2026-12-31T12:00:00Z", "UTC", Month.JANUARY);
		assertThat(utc.quarterOf(win).label()).isEqualTo("2027-Q1");
	}

	@Test
	void aBerlinBusinessDayStartsAtMidnightInBerlin() {
		var berlin = calendar("2026-11-19T23:30:00Z", "Europe/Berlin", Month.FEBRUARY);
		assertThat(berlin.today()).isEqualTo(LocalDate.parse("2026-11-20"));
		assertThat(berlin.currentQuarter().label()).isEqualTo("FY2027-Q4");
		assertThat(berlin.start(berlin.currentQuarter())).isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
		assertThat(berlin.weekOfQuarter(berlin.today())).isEqualTo(3);
	}

	@Test
	void aRollingWindowStartsTheSameBusinessTimeOfDayEarlierAcrossADaylightSavingChange() {
		var berlin = calendar("2026-10-28T23:00:00Z", "Europe/Berlin", Month.JANUARY);
		// midnight of 29 October in Berlin (winter time) back to midnight of 31 July
		// (summer time): 90 days and one hour
		assertThat(berlin.daysBefore(berlin.now(), 90)).isEqualTo(Instant.parse("2026-07-30T22:00:00Z"));
		var honolulu = calendar("2026-10-28T23:00:00Z", "Pacific/Honolulu", Month.JANUARY);
		assertThat(honolulu.daysBefore(honolulu.now(), 90)).isEqualTo(Instant.parse("2026-07-30T23:00:00Z"));
	}

}
