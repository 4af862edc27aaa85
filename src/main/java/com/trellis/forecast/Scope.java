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

	/** The users below the manager {@code :scopeId}, at any depth. */
	private static final String TEAM = """
			(WITH RECURSIVE team AS (SELECT id FROM app_user WHERE manager_id = :scopeId
			  UNION SELECT u.id FROM app_user u JOIN team t ON u.manager_id = t.id) SELECT id FROM team)""";

	long idOrZero() {
		return this.id == null ? 0 : this.id;
	}

	/** SQL over opportunity {@code o} and partner {@code p}, binding {@code :scopeId}. */
	String predicate() {
		return switch (this.kind) {
			case PROGRAM -> "TRUE";
			case PARTNERS -> "o.partner_id IS NOT NULL";
			case MANAGER -> "o.owner_id IN " + TEAM;
			case REP -> "o.owner_id = :scopeId";
			case PAM -> "p.owner_pam_id = :scopeId";
			case PARTNER -> "o.partner_id = :scopeId";
		};
	}

	/**
	 * The daily deal facts of the scope's deals as {@code f} with their condition (FROM
	 * ... WHERE ..., binding {@code :scopeId}): the program's for the program and its
	 * partner deals, each rep's for a rep or a team, each partner's for a partner or a
	 * PAM's book. Every one has {@code day}, {@code currency} and {@code won_reporting}.
	 */
	String facts() {
		return switch (this.kind) {
			case PROGRAM -> "program_day_fact f WHERE TRUE";
			case PARTNERS -> "program_day_fact f WHERE f.partner_involved";
			case MANAGER -> "rep_day_fact f WHERE f.owner_id IN " + TEAM;
			case REP -> "rep_day_fact f WHERE f.owner_id = :scopeId";
			case PAM ->
				"partner_day_fact f WHERE f.partner_id IN (SELECT p.id FROM partner p WHERE p.owner_pam_id = :scopeId)";
			case PARTNER -> "partner_day_fact f WHERE f.partner_id = :scopeId";
		};
	}

	public enum Kind {

		PROGRAM, PARTNERS, MANAGER, REP, PAM, PARTNER

	}

}
