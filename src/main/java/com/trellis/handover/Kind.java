package com.trellis.handover;

import java.util.EnumSet;
import java.util.Set;

import com.trellis.identity.Role;

/** The kinds of work a user holds, and who may take each over. */
public enum Kind {

	ACCOUNTS("account", "accounts", "accountsToUserId", EnumSet.of(Role.AE, Role.SALES_MANAGER)),
	DEALS("open deal", "open deals", "dealsToUserId", EnumSet.of(Role.AE, Role.SALES_MANAGER)),
	LEADS("lead with them", "leads with them", "leadsToUserId", EnumSet.of(Role.AE, Role.SALES_MANAGER)),
	PARTNERS("partner in their book", "partners in their book", "partnersToUserId", EnumSet.of(Role.PAM)),
	REPORTS("direct report", "direct reports", "reportsToUserId",
			EnumSet.of(Role.ADMIN, Role.PAM, Role.AE, Role.SALES_MANAGER, Role.EXECUTIVE)),
	PLANS("open account plan", "open account plans", "plansToUserId",
			EnumSet.of(Role.ADMIN, Role.PAM, Role.AE, Role.SALES_MANAGER, Role.EXECUTIVE));

	private final String one;

	private final String label;

	private final String field;

	private final Set<Role> receivers;

	Kind(String one, String label, String field, Set<Role> receivers) {
		this.one = one;
		this.label = label;
		this.field = field;
		this.receivers = receivers;
	}

	/** The kind in words for one of it ("open deal"). */
	String one() {
		return this.one;
	}

	/** A count of this kind in words: "1 open deal", "3 open deals". */
	String counted(long count) {
		return com.trellis.shared.Plural.of(count, this.one, this.label);
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
