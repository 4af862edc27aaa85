package com.trellis.guidance;

import java.util.ArrayList;
import java.util.Optional;

import com.trellis.accounts.AccountView;
import com.trellis.deals.OpportunityView;
import com.trellis.deals.Stage;
import com.trellis.shared.StoredFigures;

/**
 * Everyone's rule on early-stage deals: a deal still registered or qualifying whose
 * customer lies outside the program's ideal customer profile ({@link Icp}) is worth a
 * second look before more work goes into it. A fact the account does not record
 * (industry, size or country unknown) is not held against it.
 */
final class IcpRules {

	private IcpRules() {
	}

	/** Whether a deal is early enough to requalify: registered or qualifying. */
	static boolean early(Stage stage) {
		return stage == Stage.REGISTERED || stage == Stage.QUALIFIED;
	}

	static Optional<Advice> mismatch(OpportunityView deal, AccountView account, Icp icp) {
		if (!icp.defined() || !early(deal.stage()) || account == null) {
			return Optional.empty();
		}
		var misses = new ArrayList<String>();
		miss(misses, account.industry(), icp.industries(), "is in " + account.industry(), "industries");
		miss(misses, account.employeeBand(), icp.employeeBands(), "has " + account.employeeBand() + " employees",
				"sizes");
		miss(misses, account.country(), icp.countries(), "is in " + account.country(), "countries");
		if (misses.isEmpty()) {
			return Optional.empty();
		}
		var reason = StoredFigures.text(account.name() + " " + String.join(" and ", misses) + ". " + deal.name())
				+ " is still in " + deal.stage().label()
				+ ": requalify it, or bring in a partner that serves such customers, before more work goes into it.";
		return Optional.of(new Advice(Kind.ICP_MISMATCH, "deal:" + deal.id() + ":icp", deal.partnerId(),
				"Check the fit of " + StoredFigures.text(deal.name()) + " with the ideal customer profile", reason,
				"Open the deal", "/opportunities/" + deal.id()));
	}

	private static void miss(ArrayList<String> misses, String value, java.util.Set<String> targets, String what,
			String dimension) {
		if (value == null || value.isBlank() || targets.isEmpty() || targets.contains(value.strip())) {
			return;
		}
		misses.add(what + " (the program targets the " + dimension + " " + String.join(", ", targets) + ")");
	}

}
