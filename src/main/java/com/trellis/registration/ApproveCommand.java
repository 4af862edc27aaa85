package com.trellis.registration;

import com.trellis.deals.CreditType;

/**
 * A PAM's approval: the account executive who will own the new deal (defaults to the
 * account's owner or the registering AE) and, where the registration met a direct deal,
 * the credit the partner joins it with (influenced or co-sell). Also the page's approval
 * form (flashed back when refused, hence serializable).
 */
public record ApproveCommand(Long ownerId, CreditType creditType) implements java.io.Serializable {

	public static final ApproveCommand DEFAULTS = new ApproveCommand(null, null);

}
