package com.trellis.imports;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.trellis.audit.AuditLog;
import com.trellis.identity.Users;
import com.trellis.partners.LifecycleStatus;
import com.trellis.partners.PartnerCommand;
import com.trellis.partners.PartnerFormatImport;
import com.trellis.partners.PartnerType;
import com.trellis.partners.PartnerView;
import com.trellis.partners.Tier;
import com.trellis.shared.CsvImport;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.validation.Commands;
import com.trellis.shared.validation.WebDomainRule;

import org.springframework.stereotype.Component;

/**
 * Plans the Trellis partner format: the partners list export's columns ({@code id, name,
 * type, web_domain, verticals, capabilities, region, onboarded_on, owner_pam_id,
 * lifecycle_status, tier}), with {@code source_id} for a partner of another system and
 * {@code pam_email} instead of {@code owner_pam_id}. A row with {@code id} updates that
 * partner of this program; a row with {@code source_id} creates the partner once and
 * updates it on later imports. Values are held to the partner form's rules
 * ({@link PartnerCommand}); a column the file does not have keeps the partner's value.
 */
@Component
class PartnerRows {

	static final String OBJECT = "Partner";

	static final List<String> REQUIRED = List.of("name", "type", "region");

	private static final Map<String, String> COLUMNS = Map.of("name", "name", "type", "type", "webDomain", "web_domain",
			"verticals", "verticals", "capabilities", "capabilities", "region", "region", "onboardedOn", "onboarded_on",
			"ownerPamId", "owner_pam_id", "tier", "tier");

	private final PartnerFormatImport partners;

	private final Users users;

	private final FormatRecords records;

	private final Commands commands;

	private final Clock clock;

	PartnerRows(PartnerFormatImport partners, Users users, FormatRecords records, Commands commands, Clock clock) {
		this.partners = partners;
		this.users = users;
		this.records = records;
		this.commands = commands;
		this.clock = clock;
	}

	void plan(AuditLog.Actor actor, CsvImport file, FormatPlan plan) {
		KeyedRows.plan(this.records, OBJECT, "a partner", file, plan, this.partners::find,
				(cells, existing, sourceId, before) -> planRow(actor, cells, existing, sourceId, plan, before));
	}

	private void planRow(AuditLog.Actor actor, FormatCells cells, PartnerView existing, String sourceId,
			FormatPlan plan, int before) {
		var name = cells.line("name", 200, true);
		var type = choice(cells, "type", PartnerType.values(), existing == null ? null : existing.type());
		var domain = cells.has("web_domain") ? cells.text("web_domain")
				: existing == null ? null : existing.webDomain();
		var verticals = cells.has("verticals") ? list(cells.text("verticals"))
				: existing == null ? List.<String>of() : existing.verticals();
		var capabilities = cells.has("capabilities") ? list(cells.text("capabilities"))
				: existing == null ? List.<String>of() : existing.capabilities();
		var region = cells.line("region", 60, true);
		var onboarded = cells.has("onboarded_on") ? cells.day("onboarded_on")
				: existing == null ? null : existing.onboardedOn();
		var pam = pam(cells, existing);
		var tier = choice(cells, "tier", Tier.values(), existing == null ? Tier.TIER_3_BASELINE : existing.tier());
		var lifecycle = choice(cells, "lifecycle_status", LifecycleStatus.values(),
				existing == null ? LifecycleStatus.PROSPECT : existing.lifecycleStatus());
		// the cells that were read are held to the rules even when another is refused
		var command = new PartnerCommand(name, type, domain, verticals, capabilities, region, onboarded, pam, tier);
		try {
			this.commands.check(command);
		}
		catch (InvalidInputException ex) {
			cells.rule(ex.errors(), field -> pamColumn(cells, COLUMNS.getOrDefault(field, field)));
		}
		if (pam != null) {
			this.partners.pamRefusal(pam, existing == null ? null : existing.ownerPamId())
				.ifPresent(why -> cells.error(pamColumn(cells, "owner_pam_id"),
						cells.text(pamColumn(cells, "owner_pam_id")), why));
		}
		if (existing != null && tier != null) {
			this.partners.tierRefusal(existing, tier).ifPresent(why -> cells.error("tier", cells.text("tier"), why));
		}
		if (existing != null && lifecycle != null) {
			this.partners.lifecycleRefusal(existing.lifecycleStatus(), lifecycle)
				.ifPresent(why -> cells.error("lifecycle_status", cells.text("lifecycle_status"), why));
		}
		if (plan.errors.size() > before) {
			return;
		}
		if (existing == null) {
			plan.create(() -> {
				long created = this.partners.create(actor, command, lifecycle);
				this.records.save(OBJECT, sourceId, created, this.clock.instant());
			});
		}
		else if (same(existing, command, lifecycle)) {
			plan.unchanged();
		}
		else {
			long id = existing.id();
			plan.update(() -> this.partners.update(actor, id, command, lifecycle));
		}
	}

	/** The PAM's column: {@code pam_email} when the row names the PAM by e-mail. */
	private static String pamColumn(FormatCells cells, String column) {
		return column.equals("owner_pam_id") && cells.text("owner_pam_id").isEmpty() && cells.has("pam_email")
				? "pam_email" : column;
	}

	private Long pam(FormatCells cells, PartnerView existing) {
		var id = cells.id("owner_pam_id");
		if (id != null) {
			return id;
		}
		var email = cells.text("pam_email");
		if (!email.isEmpty()) {
			var user = this.users.byEmail(email);
			if (user.isEmpty()) {
				cells.error("pam_email", email, "is no user of this program");
				return null;
			}
			return user.get().id();
		}
		if (existing != null) {
			return existing.ownerPamId();
		}
		// on the column the command's own "is required" would name, so it is said once
		var column = pamColumn(cells, "owner_pam_id");
		cells.empty(column,
				"or " + (column.equals("pam_email") ? "owner_pam_id" : "pam_email") + " is required for a new partner");
		return null;
	}

	private static <E extends Enum<E>> E choice(FormatCells cells, String column, E[] values, E otherwise) {
		var text = cells.text(column);
		if (text.isEmpty()) {
			if (otherwise == null) {
				cells.error(column, text, "is required");
			}
			return otherwise;
		}
		for (var value : values) {
			if (value.name().equalsIgnoreCase(text) || label(value).equalsIgnoreCase(text)) {
				return value;
			}
		}
		cells.error(column, text, "is not one of " + String.join(", ", Arrays.stream(values).map(Enum::name).toList()));
		return null;
	}

	private static String label(Enum<?> value) {
		if (value instanceof PartnerType type) {
			return type.label();
		}
		if (value instanceof Tier tier) {
			return tier.label();
		}
		return value instanceof LifecycleStatus status ? status.label() : value.name();
	}

	private static List<String> list(String text) {
		return Arrays.stream(text.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	private static boolean same(PartnerView partner, PartnerCommand command, LifecycleStatus lifecycle) {
		return partner.name().equals(command.name()) && partner.type() == command.type()
				&& Objects.equals(WebDomainRule.bare(partner.webDomain()), command.webDomain())
				&& partner.verticals().equals(command.verticals())
				&& partner.capabilities().equals(command.capabilities()) && partner.region().equals(command.region())
				&& Objects.equals(partner.onboardedOn(), command.onboardedOn())
				&& partner.ownerPamId() == command.ownerPamId() && partner.tier() == command.tier()
				&& partner.lifecycleStatus() == lifecycle;
	}

}
