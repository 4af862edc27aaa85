package com.trellis.incentives;

import java.math.BigDecimal;

import com.trellis.shared.ConflictException;
import com.trellis.shared.FormErrors;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.MoneyFormat;
import com.trellis.shared.TypedAmounts;
import com.trellis.shared.validation.CurrencyRule;
import com.trellis.shared.validation.FreeText;
import com.trellis.shared.validation.ValueLimits;

/**
 * The input of an MDF decision and of a claim, checked in one round before the request's
 * state is asked: every bad field is named at once (400), whatever the state, with the
 * state's refusal in the same answer; input that passes on a request whose state refuses
 * it is a conflict (409, {@link ConflictException#afterInput}). Changes nothing.
 * <ul>
 * <li>a decision: approving names a positive {@code approvedAmount} within the configured
 * maximum, in the request currency's decimals and at most the request's cost; declining
 * gives a {@code reason} and no amount; a reason is at most {@link FreeText#NOTE}
 * characters. Only a request awaiting its decision ({@code REQUESTED}) is decided.</li>
 * <li>a claim: {@code proof} (a link or reference) and a positive {@code amount} within
 * the maximum and in the currency's decimals. Only an approved request is claimed, up to
 * its claim deadline.</li>
 * </ul>
 * What depends on the fund or on earlier claims (the fund left, the approved amount left)
 * is asked by {@link MarketDevelopmentFunds} afterwards.
 */
final class MdfInput {

	private final ValueLimits limits;

	MdfInput(ValueLimits limits) {
		this.limits = limits;
	}

	void decision(MdfRequest request, boolean approve, BigDecimal amount, String reason) {
		ConflictException.afterInput(FormErrors.checks(() -> {
			if (approve) {
				approvedAmount(request, amount);
			}
			else if (amount != null) {
				// not ignored: a decline that names an amount was likely meant as an
				// approval
				throw InvalidInputException.of("approvedAmount",
						"is given only to approve; leave it out (empty) to decline");
			}
		}, () -> {
			if (!approve) {
				FreeText.required("reason", reason, FreeText.NOTE, "a reason is required to decline");
			}
		}, () -> FreeText.optional("reason", reason, FreeText.NOTE)), "REQUESTED".equals(request.status()) ? null
				: new ConflictException("status", "the request was decided already"));
	}

	void claim(MdfRequest request, BigDecimal amount, String proof) {
		ConflictException.afterInput(
				FormErrors.checks(
						() -> FreeText.required("proof", proof, FreeText.NOTE,
								"attach proof of the activity (a link or reference)"),
						() -> positive("amount", amount, request.currency(), "give the amount claimed")),
				"APPROVED".equals(request.status()) ? null : new ConflictException("status", unclaimable(request)));
	}

	/** Why a request that is not approved (or no longer) cannot be claimed. */
	private static String unclaimable(MdfRequest request) {
		return switch (request.status()) {
			case "REQUESTED" -> "the request awaits its decision; only an approved request is claimed";
			case "LAPSED" -> "the claim deadline (" + request.claimBy()
					+ ") has passed; what was not claimed went back to the partner's fund";
			default -> "the request was declined; only an approved request is claimed";
		};
	}

	private void approvedAmount(MdfRequest request, BigDecimal amount) {
		positive("approvedAmount", amount, request.currency(), "give the amount approved");
		if (amount.compareTo(request.cost()) > 0) {
			throw InvalidInputException.of("approvedAmount",
					"cannot exceed the cost of " + MoneyFormat.of(request.cost(), request.currency()));
		}
	}

	/**
	 * An approved or claimed amount: given and positive, within the maximum, in its
	 * currency's decimals.
	 */
	private void positive(String field, BigDecimal amount, String currency, String missing) {
		if (amount == null) {
			throw InvalidInputException.of(field, missing);
		}
		if (amount.signum() <= 0) {
			throw InvalidInputException.of(field, "must be more than zero");
		}
		this.limits.boundsProblem(amount, true)
			.or(() -> TypedAmounts.ambiguity(field, currency))
			.or(() -> CurrencyRule.decimalsProblem(amount, currency))
			.ifPresent(problem -> {
				throw InvalidInputException.of(field, problem);
			});
	}

}
