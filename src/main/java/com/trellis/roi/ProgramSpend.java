package com.trellis.roi;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.trellis.audit.AuditLog;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.FormErrors;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.MinorUnits;
import com.trellis.shared.NotFoundException;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;
import com.trellis.shared.validation.Commands;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Program spend against partners: a program admin records, corrects and deletes an entry
 * (each audited with the amount and currency), the readers of ROI list the latest in
 * their scope.
 */
@Service
public class ProgramSpend {

	private final RoiRepository repository;

	private final Partners partners;

	private final Commands commands;

	private final BusinessCalendar calendar;

	private final AuditLog audit;

	private final Clock clock;

	ProgramSpend(RoiRepository repository, Partners partners, Commands commands, BusinessCalendar calendar,
			AuditLog audit, Clock clock) {
		this.repository = repository;
		this.partners = partners;
		this.commands = commands;
		this.calendar = calendar;
		this.audit = audit;
		this.clock = clock;
	}

	/** A program admin records spend against a partner; audited. */
	@Transactional
	public SpendView add(Viewer viewer, SpendCommand command) {
		requireAdmin(viewer);
		var partner = checked(viewer, command);
		var purpose = command.purpose().trim();
		long id = this.repository.addSpend(command.partnerId(), command.spentOn(), command.amount(), command.currency(),
				purpose, viewer.userId(), this.clock.instant());
		var view = new SpendView(id, command.partnerId(), partner, command.spentOn(), command.amount(),
				command.currency(), purpose);
		this.audit.record(viewer.actor(), "program-spend", id, "recorded", null, audited(view));
		return view;
	}

	/**
	 * A program admin corrects an entry (partner, day, amount, currency, purpose);
	 * audited with the values before and after. An unknown entry is not found.
	 */
	@Transactional
	public SpendView correct(Viewer viewer, long id, SpendCommand command) {
		requireAdmin(viewer);
		var before = entry(id);
		var partner = checked(viewer, command);
		var purpose = command.purpose().trim();
		this.repository.correctSpend(id, command.partnerId(), command.spentOn(), command.amount(), command.currency(),
				purpose);
		var after = new SpendView(id, command.partnerId(), partner, command.spentOn(), command.amount(),
				command.currency(), purpose);
		this.audit.record(viewer.actor(), "program-spend", id, "corrected", audited(before), audited(after));
		return after;
	}

	/** A program admin deletes an entry; audited with what it held. */
	@Transactional
	public void delete(Viewer viewer, long id) {
		requireAdmin(viewer);
		var before = entry(id);
		this.repository.deleteSpend(id);
		this.audit.record(viewer.actor(), "program-spend", id, "deleted", audited(before), null);
	}

	/**
	 * A page of the program spend in the viewer's scope, newest first: of any day without
	 * {@code quarterLabel}, else spent in that fiscal quarter ("2026-Q4", "FY2027-Q1";
	 * refused naming "quarter" when malformed or outside the program's dates). Amounts in
	 * their own currency, rounded to its minor units.
	 */
	@Transactional(readOnly = true)
	public PageResult<SpendView> list(Viewer viewer, String quarterLabel, PageRequest page) {
		if (quarterLabel == null) {
			return this.repository.spend(RoiScope.of(viewer, null), null, null, page);
		}
		var quarter = this.calendar.quarter(quarterLabel);
		return this.repository.spend(RoiScope.of(viewer, null), quarter.start(), quarter.end(), page);
	}

	/**
	 * What {@link #add} would refuse, without recording anything (a form shown again
	 * names every bad field in one round).
	 */
	@Transactional(readOnly = true)
	public void check(Viewer viewer, SpendCommand command) {
		requireAdmin(viewer);
		checked(viewer, command);
	}

	private SpendView entry(long id) {
		return this.repository.spendEntry(id).orElseThrow(() -> new NotFoundException("Program spend", id));
	}

	/**
	 * The command's annotations, a day not after today and a partner that exists, all
	 * named in one round; the partner's name.
	 */
	private String checked(Viewer viewer, SpendCommand command) {
		var partner = new String[1];
		FormErrors
			.checks(() -> this.commands.check(command), () -> notAfterToday(command),
					() -> partner[0] = partnerName(viewer, command.partnerId()))
			.run();
		return partner[0];
	}

	/**
	 * The name of the partner an id names; an id naming no partner is refused naming
	 * partnerId (a missing id is the command's annotations' to name).
	 */
	private String partnerName(Viewer viewer, Long partnerId) {
		if (partnerId == null) {
			return null;
		}
		var partner = this.partners.names(viewer, List.of(partnerId)).get(partnerId);
		if (partner == null) {
			throw InvalidInputException.of("partnerId", "names no partner");
		}
		return partner;
	}

	/**
	 * Spend is recorded when it was made: a day after today is refused naming spentOn.
	 */
	private void notAfterToday(SpendCommand command) {
		var today = this.calendar.today();
		if (command.spentOn() != null && command.spentOn().isAfter(today)) {
			throw InvalidInputException.of("spentOn", "must not be after today (" + today + ")");
		}
	}

	private static Map<String, Object> audited(SpendView view) {
		var values = new LinkedHashMap<String, Object>();
		values.put("partnerId", view.partnerId());
		values.put("spentOn", view.spentOn().toString());
		values.put("amount", MinorUnits.round(view.amount(), view.currency()).toPlainString());
		values.put("currency", view.currency());
		values.put("purpose", view.purpose());
		return values;
	}

	static void requireAdmin(Viewer viewer) {
		if (!viewer.is(Role.ADMIN)) {
			throw new AccessDeniedException("Only a program admin records program spend and cost rates");
		}
	}

}
