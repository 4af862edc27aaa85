package com.trellis.plans;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.trellis.shared.FormFields;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.InvalidInputException.FieldError;

/**
 * Reads the plan pages' forms into the API's commands, naming each field that is not a
 * number, a date or one of its values; the commands' own validation does the rest. A
 * field it could not read is named together with every other wrong field
 * ({@link Read#checked}), not alone.
 */
final class PlanForm {

	private final Map<String, String> values;

	private final List<FieldError> errors = new ArrayList<>();

	private PlanForm(Map<String, String> values) {
		this.values = values;
	}

	static Read<PlanCommand> plan(Map<String, String> values) {
		var form = new PlanForm(values);
		var command = new PlanCommand(form.id("partnerId"), form.id("accountId"), form.text("title"),
				form.amount("pipelineGoal"), form.amount("revenueGoal"), form.text("currency"), form.date("startsOn"),
				form.date("endsOn"), form.id("vendorOwnerId"), form.id("partnerContactId"));
		return new Read<>(command, form.errors);
	}

	static Read<ActionCommand> action(Map<String, String> values) {
		var form = new PlanForm(values);
		var command = new ActionCommand(form.text("description"), form.choice("side", PlanSide.class),
				form.date("dueOn"), form.choice("status", ActionStatus.class));
		return new Read<>(command, form.errors);
	}

	static Read<CloseCommand> close(Map<String, String> values) {
		var form = new PlanForm(values);
		var command = new CloseCommand(form.choice("outcome", PlanOutcome.class), form.text("note"));
		return new Read<>(command, form.errors);
	}

	static Read<TickCommand> tick(Map<String, String> values) {
		var form = new PlanForm(values);
		var command = new TickCommand(form.choice("status", ActionStatus.class));
		return new Read<>(command, form.errors);
	}

	/**
	 * A command as read, with the fields that could not be read (null in the command).
	 */
	record Read<C>(C command, List<FieldError> unread) {

		/**
		 * The command when every field was read; else refuses it naming the unread fields
		 * with what {@code checks} (the action's own checks, role and ownership first,
		 * writing nothing) find wrong with the others.
		 */
		C checked(java.util.function.Consumer<C> checks) {
			if (this.unread.isEmpty()) {
				return this.command;
			}
			var fields = new FormFields();
			this.unread.forEach(e -> fields.reject(e.field(), e.message()));
			fields.check(() -> checks.accept(this.command));
			throw new IllegalStateException("unread fields are refused");
		}

	}

	private String text(String field) {
		var value = this.values.get(field);
		return value == null || value.isBlank() ? null : value;
	}

	private Long id(String field) {
		var value = text(field);
		if (value == null) {
			return null;
		}
		if (!value.strip().matches("[0-9]{1,18}")) {
			this.errors.add(new FieldError(field, "must be an id, not '" + value.strip() + "'"));
			return null;
		}
		return Long.valueOf(value.strip());
	}

	/**
	 * An amount as the reader writes it ({@link FormFields#decimal}: "75,000.50", and
	 * "75.000,50" for a reader whose locale marks decimals with a comma).
	 */
	private BigDecimal amount(String field) {
		var fields = new FormFields();
		var amount = fields.decimal(field, text(field));
		try {
			fields.check(() -> {
			});
		}
		catch (InvalidInputException ex) {
			this.errors.addAll(ex.errors());
		}
		return amount;
	}

	private LocalDate date(String field) {
		var value = text(field);
		if (value == null) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			this.errors.add(new FieldError(field, "must be a date such as 2026-12-31"));
			return null;
		}
	}

	private <E extends Enum<E>> E choice(String field, Class<E> type) {
		var value = text(field);
		if (value == null) {
			return null;
		}
		for (var constant : type.getEnumConstants()) {
			if (constant.name().equals(value.strip())) {
				return constant;
			}
		}
		this.errors.add(new FieldError(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants())));
		return null;
	}

}
