package com.trellis.hygiene;

import java.util.List;
import java.util.function.LongFunction;

import com.trellis.identity.Role;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whose data a viewer's hygiene report covers, as SQL: a program admin the whole program;
 * a PAM their book, that is the deals with one of their partners on them, the accounts of
 * those deals or of their partners' registrations, and their partners' registrations; a
 * sales manager their team's books, that is the deals owned by the manager or by the
 * users reporting to them at any depth (the manager hierarchy of package identity), the
 * accounts those users (the manager included) own and the registrations on those
 * accounts. Anyone else has no report.
 *
 * @param kind whose report
 * @param pamId the PAM whose book is covered (bound as {@code :pam}), null otherwise
 * @param team the ids of the sales manager and the users below them (bound as
 * {@code :team}), empty otherwise
 */
record HygieneScope(Kind kind, Long pamId, List<Long> team) {

	static final HygieneScope PROGRAM = new HygieneScope(Kind.PROGRAM, null, List.of());

	private static final String BOOK = "(SELECT id FROM partner WHERE owner_pam_id = :pam)";

	private static final String TEAM = "CAST(:team AS BIGINT[])";

	HygieneScope {
		team = List.copyOf(team);
	}

	static HygieneScope book(long pamId) {
		return new HygieneScope(Kind.BOOK, pamId, List.of());
	}

	static HygieneScope team(List<Long> reports) {
		return new HygieneScope(Kind.TEAM, null, reports);
	}

	/**
	 * The scope of a role, or null when the role has no hygiene report; {@code reports}
	 * gives the users below a manager, asked only for a sales manager.
	 */
	static HygieneScope of(Role role, long userId, LongFunction<List<Long>> reports) {
		return switch (role) {
			case ADMIN -> PROGRAM;
			case PAM -> book(userId);
			case SALES_MANAGER -> team(withManager(userId, reports.apply(userId)));
			default -> null;
		};
	}

	/** The manager's own deals and accounts belong to their team's books too. */
	private static List<Long> withManager(long managerId, List<Long> reports) {
		var team = new java.util.ArrayList<Long>(reports.size() + 1);
		team.add(managerId);
		reports.stream().filter(id -> id != managerId).forEach(team::add);
		return team;
	}

	/** The condition on the deal {@code o} (opportunity). */
	String deals() {
		return switch (this.kind) {
			case PROGRAM -> "TRUE";
			case BOOK -> "o.partner_id IN " + BOOK;
			case TEAM -> "o.owner_id = ANY(" + TEAM + ")";
		};
	}

	/** The condition on an account id column, e.g. {@code a.id}. */
	String accounts(String accountId) {
		return switch (this.kind) {
			case PROGRAM -> "TRUE";
			case BOOK -> accountId + " IN (SELECT account_id FROM opportunity WHERE partner_id IN " + BOOK
					+ " UNION SELECT account_id FROM deal_registration WHERE partner_id IN " + BOOK
					+ " AND account_id IS NOT NULL)";
			case TEAM -> accountId + " IN (SELECT id FROM account WHERE owner_ae_id = ANY(" + TEAM + "))";
		};
	}

	/**
	 * The condition on a stored overlap {@code h} (hygiene_overlap) and its registration
	 * {@code r} (deal_registration): its partner's PAM, or for a team the owner of the
	 * account it is on. A book is read by the stored row's partner, the registration's
	 * (which never changes), through the store's partner index: by the registration's,
	 * the statement read every open registration of the program to find the book's (issue
	 * 15: 45,028 rows, 56 ms a request for a PAM's hygiene page on the large data).
	 */
	String registrations() {
		return switch (this.kind) {
			case PROGRAM -> "TRUE";
			case BOOK -> "h.partner_id IN " + BOOK;
			case TEAM -> accounts("r.account_id");
		};
	}

	/**
	 * Binds {@code :pam} and {@code :team} (a statement that names neither ignores them).
	 */
	JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
		return spec.param("pam", this.pamId).param("team", this.team.toArray(Long[]::new));
	}

	enum Kind {

		PROGRAM, BOOK, TEAM

	}

}
