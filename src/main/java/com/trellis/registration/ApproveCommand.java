package com.trellis.registration;

import com.trellis.deals.CreditType;

/**
 * A PAM's approval: the account executive who will own the new deal (defaults to the
 * account's owner or the registering AE), the credit the partner's deal gets (defaults to
 * the one proposed; where the registration met a direct deal, a sourced proposal joins it
 * as influenced) and, when the credit chosen is not that default, why ({@code reason},
 * required then: the decision is recorded with its reason in the history, the audit and
 * the partner's notice). Also the page's approval form (flashed back when refused, hence
 * serializable).
 *
 * @param ownerId the deal's owner, or null for the default
 * @param creditType the credit chosen, or null for the default
 * @param reason why the credit differs from the default; ignored when it does not
 */
public record ApproveCommand(Long ownerId, CreditType creditType, String reason) implements java.io.Serializable {

	public static final ApproveCommand DEFAULTS = new ApproveCommand(null, null, null);

	/** An approval naming no reason. */
	public ApproveCommand(Long ownerId, CreditType creditType) {
		this(ownerId, creditType, null);
	}

	/** The credit the approval gives: the one chosen, else {@code byDefault}. */
	CreditType credit(CreditType byDefault) {
		return this.creditType != null ? this.creditType : byDefault;
	}

	/** Whether the approval overrides the default credit (and so needs a reason). */
	boolean overrides(CreditType byDefault) {
		return this.creditType != null && this.creditType != byDefault;
	}

}
