package com.trellis.holidays;

import java.time.LocalDate;
import java.util.List;

import com.trellis.identity.Viewer;
import com.trellis.shared.BusinessCalendar;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The program's holiday calendar: read by vendor staff, edited by program admins. */
@RestController
class HolidayApiController {

	private final Holidays holidays;

	private final BusinessCalendar calendar;

	HolidayApiController(Holidays holidays, BusinessCalendar calendar) {
		this.holidays = holidays;
		this.calendar = calendar;
	}

	@GetMapping("/api/v1/holidays")
	@PreAuthorize("!hasRole('PARTNER')")
	List<HolidayView> list(Viewer viewer, @RequestParam(required = false) Integer year) {
		return this.holidays.year(viewer, year == null ? this.calendar.today().getYear() : year);
	}

	@PostMapping("/api/v1/holidays")
	@PreAuthorize("hasRole('ADMIN')")
	@ResponseStatus(HttpStatus.CREATED)
	HolidayView add(Viewer viewer, @Valid @RequestBody HolidayCommand command) {
		return this.holidays.add(viewer, command);
	}

	@DeleteMapping("/api/v1/holidays/{day}")
	@PreAuthorize("hasRole('ADMIN')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void remove(Viewer viewer, @PathVariable LocalDate day) {
		this.holidays.remove(viewer, day);
	}

}
