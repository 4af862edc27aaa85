package com.trellis.handover;

import java.util.EnumSet;
import java.util.Set;

import com.trellis.identity.Role;

/** The kinds of work a user holds, and who may take each over. */
public enum Kind {

	ACCOUNTS("accounts", "accountsToUserId", EnumSet.of(Role.AE, Role.SALES_MANAGER)),
	DEALS("open deals", "dealsToUserId", EnumSet.of(Role.AE, Role.SALES_MANAGER)),
	LEADS("leads with them", "leadsToUserId", EnumSet.of(Role.AE, Role.SALES_MANAGER)),
	PARTNERS("partners in their book", "partnersToUserId", EnumSet.of(Role.PAM)),
	REPORTS("direct reports", "reportsToUserId",
			EnumSet.of(Role.ADMIN, Role.PAM, Role.AE, Role.SALES_MANAGER, Role.EXECUTIVE)),
	PLANS("open account plans", "plansToUserId",
			EnumSet.of(Role.ADMIN, Role.PAM, Role.AE, Role.SALES_MANAGER, Role.EXECUTIVE));

	private final String label;

	private final String field;

	private final Set<Role> receivers;

	Kind(String label, String field, Set<Role> receivers) {
		this.label = label;
		this.field = field;
		this.receivers = receivers;
	}

	public String label() {
		return this.label;
	}

	/** The request field naming who takes this kind over. */
	public String field() {
		return this.field;
	}

	/** The roles that may hold this kind of work, and so take it over. */
	Set<Role> receivers() {
		return this.receivers;
	}

	public boolean takenBy(Role role) {
		return this.receivers.contains(role);
	}

	String receiversText() {
		if (this == REPORTS || this == PLANS) {
			return "a vendor user";
		}
		return this.receivers.contains(Role.PAM) ? "a partner account manager"
				: "an account executive or sales manager";
	}

}
