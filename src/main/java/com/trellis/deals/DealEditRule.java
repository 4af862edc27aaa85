package com.trellis.deals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.trellis.shared.InvalidInputException.FieldError;

/**
 * Decides what creating or editing a deal may set. A deal opens at an open stage; an edit
 * never moves it to another account, nor the stage (the sales process does: advance, move
 * back, disqualify); the amount and currency of a closed deal change only by a program
 * admin's recorded correction, its close date not at all, and an open deal's close date
 * is never set before the deal was created; partner and credit, once set, only by an
 * upheld credit dispute, and a closed deal takes on no partner.
 */
final class DealEditRule {

	private DealEditRule() {
	}

	static List<FieldError> opening(OpportunityCommand command) {
		if (command.stage() != null && command.stage().isClosed()) {
			return List.of(new FieldError("stage",
					"a deal opens at an open stage (REGISTERED, QUALIFIED, JOINT_WORKING or COMMIT); it closes "
							+ "through the sales process (advance or disqualify)"));
		}
		return List.of();
	}

	static List<FieldError> edit(OpportunityView before, OpportunityCommand command) {
		var errors = new ArrayList<FieldError>();
		var deal = "/api/v1/opportunities/" + before.id();
		if (command.accountId() != null && command.accountId() != before.accountId()) {
			errors.add(new FieldError("accountId", "a deal stays on its account (it is " + before.accountId()
					+ "); open a deal on the other account instead"));
		}
		if (command.stage() != before.stage()) {
			errors.add(new FieldError("stage", "an edit does not move the stage (it is " + before.stage()
					+ "); move it through the sales process: advance (POST " + deal + "/advance), move back (POST "
					+ deal + "/move-back, with a reason) or disqualify (POST " + deal + "/disqualify, with a reason)"));
		}
		if (before.stage().isClosed()) {
			var closed = "the deal is " + before.stage().label().toLowerCase()
					+ "; a program admin corrects it with a reason (POST " + deal + "/correction)";
			if (command.amount() != null && before.amount().compareTo(command.amount()) != 0) {
				errors.add(new FieldError("amount", closed));
			}
			if (!before.currency().equals(command.currency())) {
				errors.add(new FieldError("currency", closed));
			}
			if (!Objects.equals(before.closeDate(), command.closeDate())) {
				errors.add(new FieldError("closeDate",
						"the deal is " + before.stage().label().toLowerCase() + "; its close date no longer changes"));
			}
		}
		else if (command.closeDate() != null && !command.closeDate().equals(before.closeDate())
				&& command.closeDate().isBefore(createdOn(before))) {
			errors.add(
					new FieldError("closeDate", "must not be before the deal was created (" + createdOn(before) + ")"));
		}
		if (before.partnerId() != null) {
			// each field that would change is named, and only those: a partner changed to
			// one that does not exist is then told that alone (DealRules)
			var fixed = "partner and credit were fixed when the partner was accepted; raise a credit dispute to "
					+ "change them";
			if (!before.partnerId().equals(command.partnerId())) {
				errors.add(new FieldError("partnerId", fixed));
			}
			if (before.creditType() != command.creditType()) {
				errors.add(new FieldError("creditType", fixed));
			}
			if (command.partnerShare() != null && before.partnerShare().compareTo(command.partnerShare()) != 0) {
				errors.add(new FieldError("partnerShare", fixed));
			}
		}
		else if (before.partnerId() == null && before.stage().isClosed()
				&& (command.partnerId() != null || command.source() != before.source())) {
			errors.add(new FieldError("partnerId", "the deal is closed; a partner and its credit join an open deal"));
		}
		return errors;
	}

	/**
	 * The earliest calendar day anywhere at the moment the deal was created (UTC-18), so
	 * that no time zone's users find their own creation day refused.
	 */
	private static LocalDate createdOn(OpportunityView deal) {
		return deal.createdAt().atOffset(ZoneOffset.MIN).toLocalDate();
	}

	static boolean changesMoney(OpportunityView before, String currency, BigDecimal amount) {
		return !Objects.equals(before.currency(), currency) || before.amount().compareTo(amount) != 0;
	}

}
