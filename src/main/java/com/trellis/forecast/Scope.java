package com.trellis.forecast;

/**
 * Whose forecast: the program, the program's partner deals, a sales manager's team, a
 * rep, a PAM's book or one partner.
 */
public record Scope(Kind kind, Long id) {

	public static final Scope PROGRAM = new Scope(Kind.PROGRAM, null);

	/**
	 * All partner deals of the program: the top of the partner → PAM → program roll-up.
	 */
	public static final Scope PARTNERS = new Scope(Kind.PARTNERS, null);

	public Scope {
		if ((kind == Kind.PROGRAM || kind == Kind.PARTNERS) && id != null) {
			// never silently dropped: the caller meant some scope this is not
			throw com.trellis.shared.InvalidInputException.of("scopeId",
					"the " + kind.name().toLowerCase(java.util.Locale.ROOT) + " forecast takes no id");
		}
		if (kind != Kind.PROGRAM && kind != Kind.PARTNERS && id == null) {
			throw com.trellis.shared.InvalidInputException.of("scopeId", "a " + kind + " forecast needs an id");
		}
	}

	long idOrZero() {
		return this.id == null ? 0 : this.id;
	}

	/** SQL over opportunity {@code o} and partner {@code p}, binding {@code :scopeId}. */
	String predicate() {
		return switch (this.kind) {
			case PROGRAM -> "TRUE";
			case PARTNERS -> "o.partner_id IS NOT NULL";
			case MANAGER -> """
					o.owner_id IN (WITH RECURSIVE team AS (SELECT id FROM app_user WHERE manager_id = :scopeId
					  UNION SELECT u.id FROM app_user u JOIN team t ON u.manager_id = t.id) SELECT id FROM team)""";
			case REP -> "o.owner_id = :scopeId";
			case PAM -> "p.owner_pam_id = :scopeId";
			case PARTNER -> "o.partner_id = :scopeId";
		};
	}

	public enum Kind {

		PROGRAM, PARTNERS, MANAGER, REP, PAM, PARTNER

	}

}
