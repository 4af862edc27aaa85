package com.trellis.imports;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import com.trellis.identity.Viewer;
import com.trellis.plans.PlanView;
import com.trellis.shared.InvalidInputException.FieldError;

/**
 * The cells of the Trellis account plans format ({@link PlanRows}): amounts, choices and
 * required cells, the commands' field errors named by the file's columns, and what one
 * run of a file planned so far.
 */
final class PlanCells {

	private PlanCells() {
	}

	/** The file's column for each field of the commands. */
	private static final Map<String, String> COLUMNS = Map.ofEntries(Map.entry("partnerId", "partner_id"),
			Map.entry("accountId", "account_id"), Map.entry("title", "title"),
			Map.entry("pipelineGoal", "pipeline_goal"), Map.entry("revenueGoal", "revenue_goal"),
			Map.entry("currency", "currency"), Map.entry("startsOn", "starts_on"), Map.entry("endsOn", "ends_on"),
			Map.entry("vendorOwnerId", "our_owner_email"), Map.entry("partnerContactId", "partner_contact_email"),
			Map.entry("description", "action"), Map.entry("side", "side"), Map.entry("dueOn", "due_on"),
			Map.entry("status", "action_status"));

	/**
	 * Reports a rule's errors under the file's columns, but not on a cell refused
	 * already.
	 */
	static void errors(FormatCells cells, List<FieldError> errors) {
		cells.rule(errors, field -> COLUMNS.getOrDefault(field, field));
	}

	static <T> T required(FormatCells cells, T value, String column) {
		if (value == null && cells.text(column).isEmpty()) {
			cells.error(column, "", "is required");
		}
		return value;
	}

	static BigDecimal amount(FormatCells cells, String column) {
		var text = cells.text(column);
		if (text.isEmpty()) {
			cells.error(column, text, "is required (a number with a point for decimals, such as 250000.00)");
			return null;
		}
		var parsed = SourceValues.amount(text);
		if (!parsed.ok()) {
			cells.error(column, text, parsed.refusal());
			return null;
		}
		return parsed.value();
	}

	static <E extends Enum<E>> E choice(FormatCells cells, String column, Class<E> type, boolean required) {
		var text = cells.text(column);
		if (text.isEmpty()) {
			if (required) {
				cells.error(column, text, "is required (one of " + List.of(type.getEnumConstants()) + ")");
			}
			return null;
		}
		for (var constant : type.getEnumConstants()) {
			if (constant.name().equalsIgnoreCase(text)) {
				return constant;
			}
		}
		cells.error(column, text, "is not one of " + List.of(type.getEnumConstants()));
		return null;
	}

	/**
	 * One file's run: who imports, its counts and errors, and what earlier rows planned.
	 */
	static final class Run {

		final Viewer viewer;

		final FormatPlan plan;

		final Map<String, Long> knownPartners;

		final Map<String, Long> knownPlans;

		final Map<String, Planned> planned = new HashMap<>();

		/** The open plans the file asks for, by partner and account, with their row. */
		final Map<String, Long> open = new HashMap<>();

		/** The actions of plans of this program the file named already. */
		final HashSet<Long> actions = new HashSet<>();

		Run(Viewer viewer, FormatPlan plan, Map<String, Long> knownPartners, Map<String, Long> knownPlans) {
			this.viewer = viewer;
			this.plan = plan;
			this.knownPartners = knownPartners;
			this.knownPlans = knownPlans;
		}

	}

	/**
	 * A plan of the file as its first row planned it: its values, the plan it names (null
	 * for a new one), the column it was refused by (who may write it) or whether it is
	 * bad (values), whether it is open, and its id (a new plan's once written).
	 */
	static final class Planned {

		final long row;

		final Map<String, String> cells = new HashMap<>();

		final HashSet<String> texts = new HashSet<>();

		PlanView existing;

		/**
		 * The column a refused plan's first row was refused by (who may write it), or
		 * null.
		 */
		String refused;

		boolean bad;

		boolean open;

		long id;

		Planned(long row, FormatCells cells) {
			this.row = row;
			PlanRows.PLAN_COLUMNS.forEach(c -> this.cells.put(c, cells.text(c)));
		}

	}

}
