package com.trellis.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.marketplace.MarketplaceImport;
import com.trellis.marketplace.TransactionValues;
import com.trellis.partners.Partners;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.CsvImport;
import com.trellis.shared.validation.CurrencyRates;
import com.trellis.shared.validation.CurrencyRule;
import com.trellis.shared.validation.ValueLimits;

import org.springframework.stereotype.Component;

/**
 * Plans the Trellis marketplace format: {@code source_id} (the marketplace's id of the
 * transaction), {@code partner_id} or {@code partner_source_id}, {@code customer},
 * {@code listing}, {@code amount} with {@code currency} (a point for decimals, at most
 * the currency's own, a currency with an exchange rate) and {@code transacted_on}
 * (yyyy-mm-dd, in the program's window of dates and not in the future). A transaction is
 * written once per source id: the same file again changes nothing, and a later file with
 * other values for a source id corrects that transaction (audited).
 */
@Component
class MarketplaceRows {

	static final List<String> REQUIRED = List.of("source_id", "customer", "listing", "amount", "currency",
			"transacted_on");

	private final MarketplaceImport transactions;

	private final FormatPartners partners;

	private final Partners registry;

	private final CurrencyRates rates;

	private final ValueLimits limits;

	private final BusinessCalendar calendar;

	MarketplaceRows(MarketplaceImport transactions, FormatPartners partners, Partners registry, CurrencyRates rates,
			ValueLimits limits, BusinessCalendar calendar) {
		this.transactions = transactions;
		this.partners = partners;
		this.registry = registry;
		this.rates = rates;
		this.limits = limits;
		this.calendar = calendar;
	}

	void plan(Viewer viewer, CsvImport file, FormatPlan plan) {
		var knownPartners = this.partners.known(file);
		var imported = this.transactions
			.bySourceIds(file.rows().stream().map(r -> r.get("source_id").strip()).filter(s -> !s.isEmpty()).toList());
		var seen = new java.util.HashMap<String, Long>();
		var today = this.calendar.today();
		for (var row : file.rows()) {
			plan.next(row);
			var cells = new FormatCells(file, row, plan.errors);
			if (cells.complete()) {
				planRow(viewer, cells, knownPartners, imported, seen, today, plan);
			}
		}
	}

	private void planRow(Viewer viewer, FormatCells cells, Map<String, Long> knownPartners,
			Map<String, com.trellis.marketplace.MarketplaceTransaction> imported, java.util.Map<String, Long> seen,
			LocalDate today, FormatPlan plan) {
		int before = plan.errors.size();
		var sourceId = cells.line("source_id", ExportCells.LINE, true);
		var first = sourceId == null || sourceId.isEmpty() ? null : seen.putIfAbsent(sourceId, cells.number());
		if (first != null) {
			cells.error("source_id", sourceId, "appears twice in the file (row " + first + ")");
		}
		var partnerId = this.partners.resolve(viewer, cells, knownPartners);
		var customer = cells.line("customer", 200, true);
		var listing = cells.line("listing", 200, true);
		var currency = currency(cells);
		var amount = amount(cells, currency);
		var day = day(cells, today);
		var values = plan.errors.size() > before ? null
				: new TransactionValues(partnerId, customer, listing, amount, currency, day);
		var existing = sourceId == null ? null : imported.get(sourceId);
		// a row with an unreadable cell differs from its transaction: a PAM's row for a
		// transaction outside the book is refused in the same round
		if (existing != null && !viewer.is(Role.ADMIN) && !this.registry.manages(viewer, existing.partnerId())
				&& (values == null || !existing.same(values))) {
			// a PAM corrects only transactions of their own book, whatever the row names
			cells.error("source_id", sourceId, "is a transaction of a partner that is not of your book");
		}
		if (plan.errors.size() > before) {
			return;
		}
		if (existing == null) {
			plan.create(() -> this.transactions.create(viewer, sourceId, values));
		}
		else if (existing.same(values)) {
			plan.unchanged();
		}
		else {
			plan.update(() -> this.transactions.correct(viewer, existing, values));
		}
	}

	/** The currency: an ISO 4217 code with an exchange rate, or null after an error. */
	private String currency(FormatCells cells) {
		var text = CurrencyRule.normalized(cells.text("currency"));
		if (text.isEmpty()) {
			cells.error("currency", text, "is required (an ISO 4217 code such as USD)");
			return null;
		}
		var problem = CurrencyRule.problem(text);
		if (problem.isPresent()) {
			cells.error("currency", cells.text("currency"), problem.get());
			return null;
		}
		if (!this.rates.hasRate(text)) {
			cells.error("currency", text, "has no exchange rate; add the rate before importing amounts in it");
			return null;
		}
		return text;
	}

	/**
	 * The amount: a number with a point for decimals, not negative, at most the largest
	 * amount and with at most its currency's decimals (never rounded); null after an
	 * error.
	 */
	private BigDecimal amount(FormatCells cells, String currency) {
		var text = cells.text("amount");
		if (text.isEmpty()) {
			cells.error("amount", text, "is required (a number with a point for decimals, such as 1250.50)");
			return null;
		}
		var parsed = SourceValues.amount(text);
		if (!parsed.ok()) {
			cells.error("amount", text, parsed.refusal());
			return null;
		}
		var problem = this.limits.amountProblem(parsed.value(), false, currency);
		if (problem.isPresent()) {
			cells.error("amount", text, problem.get());
			return null;
		}
		return parsed.value();
	}

	private LocalDate day(FormatCells cells, LocalDate today) {
		var text = cells.text("transacted_on");
		if (text.isEmpty()) {
			cells.error("transacted_on", text, "is required (yyyy-mm-dd)");
			return null;
		}
		var day = cells.day("transacted_on");
		if (day == null) {
			return null;
		}
		var problem = this.limits.dateProblem(day);
		if (problem.isPresent()) {
			cells.error("transacted_on", text, problem.get());
			return null;
		}
		if (day.isAfter(today)) {
			cells.error("transacted_on", text, "is in the future");
			return null;
		}
		return day;
	}

}
