package com.trellis.readiness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;

import com.trellis.shared.InvalidInputException.FieldError;

/**
 * Decides whether the proofs of a list of items (use cases or specialisations) hold: each
 * proof deal must be one of the partner's won deals, and for use cases each won deal may
 * prove only one (a repeatable use case needs its own win). Every bad proof is named,
 * each with its own reason, so the partner can fix all of them at once.
 */
final class ProofCheck {

	private ProofCheck() {
	}

	/**
	 * @param field the list's field name ({@code useCases}, {@code specialisations})
	 * @param items the items, null or with null elements left to the bean validation
	 * @param won the partner's won deals
	 * @param once whether a deal may prove only one item of the list
	 */
	static List<FieldError> errors(String field, List<ProofItem> items, Set<Long> won, boolean once) {
		var errors = new ArrayList<FieldError>();
		if (items == null) {
			return errors;
		}
		var firstUse = new HashMap<Long, Integer>();
		for (int i = 0; i < items.size(); i++) {
			var item = items.get(i);
			var deal = item == null ? null : item.proofDealId();
			if (deal == null) {
				continue;
			}
			var name = field + "[" + i + "].proofDealId";
			if (!won.contains(deal)) {
				errors.add(new FieldError(name, "must be one of your won deals (deal " + deal + " is not)"));
			}
			else if (once && firstUse.containsKey(deal)) {
				errors.add(new FieldError(name, "deal " + deal + " already proves item " + (firstUse.get(deal) + 1)
						+ "; each won deal proves one use case"));
			}
			else {
				firstUse.putIfAbsent(deal, i);
			}
		}
		return errors;
	}

}
