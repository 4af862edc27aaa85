package com.trellis.holidays;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

import com.trellis.identity.Viewer;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.ConflictException;
import com.trellis.shared.FormErrors;
import com.trellis.shared.InvalidInputException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The holiday calendar page: a year's holidays (the region's and the program's); a
 * program admin adds a program holiday or removes one.
 */
@Controller
class HolidayPageController {

	private final Holidays holidays;

	private final BusinessCalendar calendar;

	HolidayPageController(Holidays holidays, BusinessCalendar calendar) {
		this.holidays = holidays;
		this.calendar = calendar;
	}

	@GetMapping("/holidays")
	@PreAuthorize("!hasRole('PARTNER')")
	String page(Viewer viewer, @RequestParam(required = false) Integer year, Model model) {
		return page(viewer, year == null ? this.calendar.today().getYear() : year, model, Map.of(), "", "");
	}

	@PostMapping("/holidays")
	@PreAuthorize("hasRole('ADMIN')")
	String add(Viewer viewer, @RequestParam(required = false) String day, @RequestParam(required = false) String name,
			Model model) {
		LocalDate date = null;
		try {
			date = day == null || day.isBlank() ? null : LocalDate.parse(day.trim());
			this.holidays.add(viewer, new HolidayCommand(date, name));
			return "redirect:/holidays?year=" + date.getYear();
		}
		catch (DateTimeParseException ex) {
			return page(viewer, this.calendar.today().getYear(), model,
					Map.of("day", "must be a date like " + this.calendar.today()), day, name);
		}
		catch (InvalidInputException ex) {
			// the form shown again on the day's year, or this year when the day is
			// outside the calendar's years (whose page refused it, losing the form)
			boolean shown = date != null && date.getYear() >= 1970 && date.getYear() <= 2100;
			return page(viewer, shown ? date.getYear() : this.calendar.today().getYear(), model, FormErrors.of(ex), day,
					name);
		}
		catch (ConflictException ex) {
			return page(viewer, date.getYear(), model, Map.of("day", date + " is already a program holiday"), day,
					name);
		}
	}

	@PostMapping("/holidays/{day}/remove")
	@PreAuthorize("hasRole('ADMIN')")
	String remove(Viewer viewer, @PathVariable LocalDate day) {
		this.holidays.remove(viewer, day);
		return "redirect:/holidays?year=" + day.getYear();
	}

	private String page(Viewer viewer, int year, Model model, Map<String, String> errors, String day, String name) {
		model.addAttribute("year", year);
		model.addAttribute("admin", viewer.is(com.trellis.identity.Role.ADMIN));
		model.addAttribute("region", this.holidays.region());
		model.addAttribute("zone", this.calendar.zone());
		model.addAttribute("holidays", this.holidays.year(viewer, year));
		model.addAttribute("errors", errors);
		model.addAttribute("day", day);
		model.addAttribute("name", name);
		return "holidays/page";
	}

}
