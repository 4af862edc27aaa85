package com.trellis.holidays;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.trellis.audit.AuditLog;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.BusinessProperties;
import com.trellis.shared.ConflictException;
import com.trellis.shared.HolidaySource;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.NotFoundException;
import com.trellis.shared.validation.Commands;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The holidays module's facade: the program's holiday calendar is the business region's
 * public holidays ({@code trellis.business.holidays}, from the Jollyday library) plus the
 * days a program admin added. Vendor staff see it; program admins add and remove the
 * program's own days (audited). It is the business calendar's {@link HolidaySource}.
 */
@Service
public class Holidays implements HolidaySource {

	private final RegionalHolidays regional;

	private final JdbcClient jdbc;

	private final Commands commands;

	private final AuditLog audit;

	private final Clock clock;

	Holidays(BusinessProperties properties, JdbcClient jdbc, Commands commands, AuditLog audit, Clock clock) {
		this.regional = RegionalHolidays.of(properties.holidays());
		this.jdbc = jdbc;
		this.commands = commands;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public Set<LocalDate> between(LocalDate from, LocalDate to) {
		var days = regional(from, to);
		days.addAll(this.jdbc.sql(PROGRAM_DAYS)
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.query((rs, n) -> rs.getObject(1, LocalDate.class))
			.list());
		return days;
	}

	@Override
	public java.util.function.Supplier<Set<LocalDate>> between(com.trellis.shared.SqlPipeline pipeline, LocalDate from,
			LocalDate to) {
		var days = regional(from, to);
		var read = pipeline.query(PROGRAM_DAYS, java.util.Map.of("from", Date.valueOf(from), "to", Date.valueOf(to)),
				(rs, n) -> rs.getObject(1, LocalDate.class));
		return () -> {
			var all = new HashSet<>(days);
			all.addAll(read.get());
			return all;
		};
	}

	private static final String PROGRAM_DAYS = "SELECT day FROM program_holiday WHERE day >= :from AND day < :to";

	private HashSet<LocalDate> regional(LocalDate from, LocalDate to) {
		var days = new HashSet<LocalDate>();
		for (int year = from.getYear(); year <= to.getYear(); year++) {
			this.regional.of(year)
				.keySet()
				.stream()
				.filter(d -> !d.isBefore(from) && d.isBefore(to))
				.forEach(days::add);
		}
		return days;
	}

	/** The region the public holidays come from ("US", "DE-BY"), or empty for none. */
	public String region() {
		return this.regional.region();
	}

	/** Every holiday of a year in date order; vendor staff only. */
	@Transactional(readOnly = true)
	public List<HolidayView> year(Viewer viewer, int year) {
		if (viewer.isPartnerUser()) {
			throw new AccessDeniedException("The holiday calendar is for vendor staff");
		}
		if (year < 1970 || year > 2100) {
			throw InvalidInputException.of("year", "must be between 1970 and 2100");
		}
		var result = new ArrayList<HolidayView>();
		this.regional.of(year).forEach((day, name) -> result.add(new HolidayView(day, name, "REGION")));
		result.addAll(program(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1)));
		result.sort(Comparator.comparing(HolidayView::day).thenComparing(HolidayView::source));
		return result;
	}

	/** A program admin adds a holiday of the program (a day the whole program is off). */
	@Transactional
	public HolidayView add(Viewer viewer, HolidayCommand command) {
		requireAdmin(viewer);
		this.commands.check(command);
		var name = command.name().trim();
		boolean added = this.jdbc.sql("""
				INSERT INTO program_holiday (day, name, added_by, added_at) VALUES (:day, :name, :by, :now)
				ON CONFLICT (day) DO NOTHING
				""")
			.param("day", Date.valueOf(command.day()))
			.param("name", name)
			.param("by", viewer.userId())
			.param("now", Timestamp.from(this.clock.instant()))
			.update() == 1;
		if (!added) {
			throw new ConflictException("day", command.day() + " is already a program holiday");
		}
		var view = new HolidayView(command.day(), name, "PROGRAM");
		this.audit.record(viewer.actor(), "program-holiday", command.day().toString(), "added", null,
				Map.of("name", name));
		return view;
	}

	/** A program admin removes a holiday the program added. */
	@Transactional
	public void remove(Viewer viewer, LocalDate day) {
		requireAdmin(viewer);
		var before = program(day, day.plusDays(1));
		if (before.isEmpty()) {
			throw new NotFoundException("Program holiday", day);
		}
		this.jdbc.sql("DELETE FROM program_holiday WHERE day = :day").param("day", Date.valueOf(day)).update();
		this.audit.record(viewer.actor(), "program-holiday", day.toString(), "removed",
				Map.of("name", before.get(0).name()), null);
	}

	private List<HolidayView> program(LocalDate from, LocalDate to) {
		return this.jdbc.sql("SELECT day, name FROM program_holiday WHERE day >= :from AND day < :to ORDER BY day")
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.query((rs, n) -> new HolidayView(rs.getObject(1, LocalDate.class), rs.getString(2), "PROGRAM"))
			.list();
	}

	private static void requireAdmin(Viewer viewer) {
		if (!viewer.is(Role.ADMIN)) {
			throw new AccessDeniedException("Only a program admin edits the holiday calendar");
		}
	}

}
