package com.trellis.imports;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.plans.ActionCommand;
import com.trellis.plans.ActionStatus;
import com.trellis.plans.PlanCommand;
import com.trellis.plans.PlanFormatImport;
import com.trellis.plans.PlanSide;
import com.trellis.plans.PlanView;
import com.trellis.shared.CsvImport;

import org.springframework.stereotype.Component;

/**
 * Plans the Trellis account plans format: the plans export's columns, one row per action
 * (docs/import.md). The plan is {@code plan_id} (a plan of this program) or
 * {@code plan_source_id} (another system's, created once and found through
 * {@code import_record} later); every row of one plan carries the same plan values. An
 * action is {@code action_id}, or, without one, the plan's action with the same text, or
 * else a new action. Who may write each plan is asked before its values (an admin any, a
 * PAM those of the partners of their book); the values are held to the API's rules
 * ({@link PlanFormatImport#problems}). A closed plan and its actions stay as they were. A
 * row equal to its plan and action changes nothing; the counts are of plans and actions.
 */
@Component
class PlanRows {

	static final String OBJECT = "AccountPlan";

	static final List<String> REQUIRED = List.of("title", "account_id", "currency", "pipeline_goal", "revenue_goal",
			"starts_on", "ends_on", "our_owner_email", "partner_contact_email");

	/** The plan's own columns: the rows of one plan agree on them. */
	static final List<String> PLAN_COLUMNS = List.of("partner_id", "partner_source_id", "title", "account_id",
			"currency", "pipeline_goal", "revenue_goal", "starts_on", "ends_on", "our_owner_email",
			"partner_contact_email");

	private static final List<String> ACTION_COLUMNS = List.of("action_id", "action", "side", "due_on",
			"action_status");

	private final PlanFormatImport plans;

	private final FormatPartners partners;

	private final FormatRecords records;

	private final Users users;

	private final Clock clock;

	PlanRows(PlanFormatImport plans, FormatPartners partners, FormatRecords records, Users users, Clock clock) {
		this.plans = plans;
		this.partners = partners;
		this.records = records;
		this.users = users;
		this.clock = clock;
	}

	void plan(Viewer viewer, CsvImport file, FormatPlan plan) {
		var run = new PlanCells.Run(viewer, plan, this.partners.known(file), this.records.targets(OBJECT,
				file.rows().stream().map(r -> r.get("plan_source_id").strip()).filter(s -> !s.isEmpty()).toList()));
		for (var row : file.rows()) {
			plan.next(row);
			var cells = new FormatCells(file, row, plan.errors);
			if (cells.complete()) {
				planRow(run, cells);
			}
		}
	}

	private void planRow(PlanCells.Run run, FormatCells cells) {
		var key = key(cells, run.plan);
		if (key == null) {
			return;
		}
		var planned = run.planned.get(key);
		if (planned == null) {
			planned = planPlan(run, cells);
			run.planned.put(key, planned);
		}
		else if (planned.refused != null) {
			// every row of a plan the viewer may not write is named, not only its first
			cells.error(planned.refused, cells.text(planned.refused), "is refused as in row " + planned.row);
			return;
		}
		else {
			for (var column : PLAN_COLUMNS) {
				if (!cells.text(column).equals(planned.cells.get(column))) {
					cells.error(column, cells.text(column), "differs from row " + planned.row
							+ " of the same plan; every row of a plan carries the plan's values");
					return;
				}
			}
		}
		if (planned.refused == null) {
			planAction(run, cells, planned);
		}
	}

	/** The plan's key in the file ({@code id:N} or {@code source:x}), or null. */
	private static String key(FormatCells cells, FormatPlan plan) {
		int before = plan.errors.size();
		var id = cells.id("plan_id");
		var sourceId = cells.line("plan_source_id", ExportCells.LINE, false);
		if (plan.errors.size() > before) {
			return null;
		}
		if (id == null && sourceId.isEmpty()) {
			cells.empty("plan_id", "or plan_source_id is required: plan_id names a plan of this program, "
					+ "plan_source_id a plan of another system");
			return null;
		}
		return id != null ? "id:" + id : "source:" + sourceId.toLowerCase(Locale.ROOT);
	}

	private PlanCells.Planned planPlan(PlanCells.Run run, FormatCells cells) {
		var planned = new PlanCells.Planned(cells.number(), cells);
		int before = run.plan.errors.size();
		// who may write the plan is asked before its values
		var id = cells.id("plan_id");
		var sourceId = cells.text("plan_source_id");
		var keyColumn = id != null ? "plan_id" : "plan_source_id";
		var keyValue = cells.text(keyColumn);
		PlanView existing = null;
		if (id != null) {
			existing = this.plans.find(id).orElse(null);
			if (existing == null) {
				cells.error("plan_id", keyValue, "is no account plan of this program");
			}
		}
		else if (run.knownPlans.containsKey(sourceId)) {
			existing = this.plans.find(run.knownPlans.get(sourceId)).orElse(null);
		}
		if (existing != null && !this.plans.writes(run.viewer, existing)) {
			cells.error(keyColumn, keyValue, "is a plan of a partner that is not of your book");
		}
		if (run.plan.errors.size() > before) {
			planned.refused = keyColumn;
			return planned;
		}
		var partnerId = this.partners.resolve(run.viewer, cells, run.knownPartners);
		if (run.plan.errors.size() > before) {
			planned.refused = cells.text("partner_id").isEmpty() && !cells.text("partner_source_id").isEmpty()
					? "partner_source_id" : "partner_id";
			return planned;
		}
		planned.existing = existing;
		var command = new PlanCommand(partnerId, PlanCells.required(cells, cells.id("account_id"), "account_id"),
				cells.line("title", ExportCells.NAME, true), PlanCells.amount(cells, "pipeline_goal"),
				PlanCells.amount(cells, "revenue_goal"),
				com.trellis.shared.validation.CurrencyRule.normalized(cells.text("currency")),
				PlanCells.required(cells, cells.day("starts_on"), "starts_on"),
				PlanCells.required(cells, cells.day("ends_on"), "ends_on"), user(cells, "our_owner_email"),
				user(cells, "partner_contact_email"));
		// the cells that were read are held to the rules even when another is refused
		if (run.plan.errors.size() == before && existing != null && same(existing, command)) {
			run.plan.unchanged();
			planned.id = existing.id();
			planned.open = existing.open();
			return planned;
		}
		if (existing != null && !existing.open()) {
			cells.error(keyColumn, keyValue, "is a closed plan; it stays as it was when it closed");
			planned.bad = true;
			return planned;
		}
		PlanCells.errors(cells, this.plans.problems(run.viewer, command, existing));
		if (command.partnerId() != null && command.accountId() != null && cells.read("account_id")) {
			var other = run.open.putIfAbsent(command.partnerId() + ":" + command.accountId(), cells.number());
			if (other != null) {
				cells.error("account_id", cells.text("account_id"), "has another plan of the same partner in row "
						+ other + "; a partner has one open plan per account");
			}
			else if (this.plans.hasOpen(command.partnerId(), command.accountId(),
					existing == null ? null : existing.id())) {
				cells.error("account_id", cells.text("account_id"),
						"the partner has an open plan for this account already");
			}
		}
		if (run.plan.errors.size() > before) {
			planned.bad = true;
			return planned;
		}
		planned.open = true;
		if (existing == null) {
			run.plan.create(() -> {
				planned.id = this.plans.create(run.viewer, command);
				this.records.save(OBJECT, sourceId, planned.id, this.clock.instant());
			});
		}
		else {
			planned.id = existing.id();
			run.plan.update(() -> this.plans.update(run.viewer, planned.id, command));
		}
		return planned;
	}

	private void planAction(PlanCells.Run run, FormatCells cells, PlanCells.Planned planned) {
		if (ACTION_COLUMNS.stream().allMatch(c -> cells.text(c).isEmpty())) {
			return; // a plan without actions
		}
		int before = run.plan.errors.size();
		var actionId = cells.id("action_id");
		var description = cells.line("action", 500, true);
		var side = PlanCells.choice(cells, "side", PlanSide.class, true);
		var due = PlanCells.required(cells, cells.day("due_on"), "due_on");
		var status = PlanCells.choice(cells, "action_status", ActionStatus.class, false);
		// the cells that were read are held to the rules even when another is refused
		var existing = cells.read("action_id", "action") ? existingAction(run, cells, planned, actionId, description)
				: null;
		var command = new ActionCommand(description, side, due,
				status != null ? status : existing != null ? existing.status() : ActionStatus.OPEN);
		PlanCells.errors(cells, this.plans.problems(command));
		if (run.plan.errors.size() > before || planned.bad) {
			return;
		}
		if (existing != null && existing.description().equals(command.description())
				&& existing.side() == command.side() && existing.dueOn().equals(command.dueOn())
				&& existing.status() == command.status()) {
			run.plan.unchanged();
			return;
		}
		if (!planned.open) {
			cells.error(existing != null ? "action_id" : "action",
					existing != null ? cells.text("action_id") : description,
					"is an action of a closed plan; a closed plan stays as it was when it closed");
			return;
		}
		if (existing == null) {
			run.plan.create(() -> this.plans.addAction(run.viewer, planned.id, command));
		}
		else {
			long id = existing.id();
			run.plan.update(() -> this.plans.updateAction(run.viewer, planned.id, id, command));
		}
	}

	/**
	 * The plan's action the row names: by {@code action_id}, or else the one with the
	 * same text (so a new action imported twice is added once); null for a new one.
	 */
	private static PlanView.Action existingAction(PlanCells.Run run, FormatCells cells, PlanCells.Planned planned,
			Long actionId, String description) {
		var actions = planned.existing == null ? List.<PlanView.Action>of() : planned.existing.actions();
		if (actionId != null) {
			var found = actions.stream().filter(a -> a.id() == actionId).findFirst().orElse(null);
			if (found == null) {
				cells.error("action_id", actionId.toString(), "is no action of this plan");
			}
			else if (!run.actions.add(actionId)) {
				cells.error("action_id", actionId.toString(), "appears twice in the file");
			}
			return found;
		}
		if (!planned.texts.add(description.toLowerCase(Locale.ROOT))) {
			cells.error("action", description, "appears twice for this plan; give each new action its own text");
			return null;
		}
		var same = actions.stream()
			.filter(a -> a.description().equalsIgnoreCase(description) && !run.actions.contains(a.id()))
			.findFirst()
			.orElse(null);
		if (same != null) {
			run.actions.add(same.id());
		}
		return same;
	}

	private Long user(FormatCells cells, String column) {
		var email = cells.text(column);
		if (email.isEmpty()) {
			cells.error(column, email, "is required (the user's e-mail)");
			return null;
		}
		var user = this.users.byEmail(email);
		if (user.isEmpty()) {
			cells.error(column, email, "is no user of this program");
			return null;
		}
		return user.get().id();
	}

	private static boolean same(PlanView plan, PlanCommand command) {
		return plan.partnerId() == command.partnerId() && plan.accountId() == command.accountId()
				&& plan.title().equals(command.title()) && plan.currency().equals(command.currency())
				&& plan.pipelineGoal().compareTo(command.pipelineGoal()) == 0
				&& plan.revenueGoal().compareTo(command.revenueGoal()) == 0
				&& plan.startsOn().equals(command.startsOn()) && plan.endsOn().equals(command.endsOn())
				&& plan.vendorOwnerId() == command.vendorOwnerId()
				&& plan.partnerContactId() == command.partnerContactId();
	}

}
