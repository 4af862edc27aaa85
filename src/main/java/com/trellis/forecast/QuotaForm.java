package com.trellis.forecast;

import java.io.Serializable;
import java.math.BigDecimal;

import com.trellis.identity.Viewer;
import com.trellis.shared.FormErrors;
import com.trellis.shared.InvalidInputException;

/**
 * The forecast page's quota form: whose quota as {@code KIND:id} ({@code REP:12}, or
 * {@code PARTNERS:0} for the program's partner target), the quarter and the amount
 * (flashed back when refused, hence serializable).
 */
record QuotaForm(String target, String quarter, BigDecimal amount) implements Serializable {

	static final String CHOOSE = "choose whose quota to set";

	/**
	 * The command the form asks for; a target that names no one is refused naming
	 * "scope".
	 */
	QuotaCommand command() {
		var parts = this.target == null ? new String[0] : this.target.split(":");
		if (parts.length != 2 || !parts[1].matches("\\d{1,18}")) {
			throw InvalidInputException.of("scope", CHOOSE);
		}
		for (var kind : Scope.Kind.values()) {
			if (kind.name().equals(parts[0])) {
				// PARTNERS:0 is the program's partner target, which has no id
				var id = kind == Scope.Kind.PARTNERS && parts[1].equals("0") ? null : Long.valueOf(parts[1]);
				return new QuotaCommand(kind, id, this.quarter, this.amount);
			}
		}
		throw InvalidInputException.of("scope", CHOOSE);
	}

	/**
	 * The checks of the quota on what could be read: whose it is, and the quarter and
	 * amount also when the target names no one.
	 */
	void check(ForecastQuotas quotas, Viewer viewer) {
		FormErrors.checks(() -> quotas.check(viewer, command()), () -> quotas.checkFigures(this.quarter, this.amount))
			.run();
	}

}
