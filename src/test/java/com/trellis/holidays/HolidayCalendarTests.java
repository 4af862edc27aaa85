package com.trellis.holidays;

import java.time.LocalDate;

import com.trellis.identity.Role;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.InvalidInputException;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The program's holiday calendar: the region's public holidays (US by default) plus the
 * days a program admin adds, which the business calendar then skips.
 */
@TrellisTest
@TestPropertySource(properties = { "trellis.demo.enabled=false", "trellis.forecast.snapshot-cron=-" })
class HolidayCalendarTests {

	@Autowired
	Holidays holidays;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MockMvc mvc;

	@Test
	void christmasAndNewYearComeFromTheRegionAndAProgramShutdownFromTheAdmin() {
		var admin = this.fixtures.user(Role.ADMIN);
		this.holidays.add(admin, new HolidayCommand(LocalDate.of(2026, 12, 28), "Year-end shutdown"));
		assertThat(this.calendar.holidays(LocalDate.of(2026, 12, 20), LocalDate.of(2027, 1, 10)))
			.contains(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28), LocalDate.of(2027, 1, 1));
		// 24 December + 2 business days: 25 (Christmas), 28 (shutdown) and the weekend
		// skipped
		var working = this.calendar.workingDays(LocalDate.of(2026, 12, 24), 2);
		assertThat(working.add(java.time.Instant.parse("2026-12-24T10:00:00Z"), 2))
			.isEqualTo(java.time.Instant.parse("2026-12-30T10:00:00Z"));
		assertThat(this.holidays.year(admin, 2026))
			.anyMatch(h -> h.day().equals(LocalDate.of(2026, 12, 28)) && h.source().equals("PROGRAM"));

		this.holidays.remove(admin, LocalDate.of(2026, 12, 28));
		assertThat(this.calendar.holidays(LocalDate.of(2026, 12, 20), LocalDate.of(2027, 1, 10)))
			.doesNotContain(LocalDate.of(2026, 12, 28));
	}

	@Test
	void onlyAProgramAdminEditsTheCalendarAndPartnersDoNotSeeIt() {
		var pam = this.fixtures.user(Role.PAM);
		assertThatThrownBy(() -> this.holidays.add(pam, new HolidayCommand(LocalDate.of(2026, 12, 31), "Eve")))
			.isInstanceOf(AccessDeniedException.class);
		var partner = this.fixtures.partner("Holiday partner", pam.userId());
		assertThatThrownBy(() -> this.holidays.year(this.fixtures.user(Role.PARTNER, partner, null), 2026))
			.isInstanceOf(AccessDeniedException.class);
		var admin = this.fixtures.user(Role.ADMIN);
		assertThatThrownBy(() -> this.holidays.add(admin, new HolidayCommand(null, " ")))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("day");
	}

	/**
	 * A day outside the calendar's years comes back on the holiday form with what was
	 * typed (try-out s52: the general "Check your input" page, the form and the name
	 * lost).
	 */
	@Test
	void aDayOutsideTheCalendarsYearsIsRefusedOnTheFormAsTyped() throws Exception {
		var admin = (MockHttpSession) this.mvc
			.perform(post("/login").param("username", this.fixtures.email(this.fixtures.user(Role.ADMIN)))
				.param("password", "secret")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
		for (var day : new String[] { "1969-07-20", "2101-01-01" }) {
			var page = this.mvc.perform(
					post("/holidays").session(admin).with(csrf()).param("day", day).param("name", "Moon landing day"))
				.andReturn()
				.getResponse();
			assertThat(page.getStatus()).as(day).isEqualTo(400);
			assertThat(page.getContentAsString()).as(day)
				.contains("value=\"Moon landing day\"", "value=\"" + day + "\"");
		}
	}

}
