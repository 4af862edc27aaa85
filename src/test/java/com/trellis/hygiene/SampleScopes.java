package com.trellis.hygiene;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hygiene scopes the page tests compare: the program, the three PAM books with the
 * most open partner deals and one with the fewest, a sales team of the rep with the most
 * open deals alone and one of the next {@code secondTeam} reps.
 */
final class SampleScopes {

	private SampleScopes() {
	}

	static List<HygieneScope> of(JdbcClient jdbc, int secondTeam) {
		var scopes = new ArrayList<HygieneScope>();
		scopes.add(HygieneScope.PROGRAM);
		var books = jdbc.sql("""
				SELECT p.owner_pam_id FROM partner p JOIN opportunity o ON o.partner_id = p.id
				WHERE p.owner_pam_id IS NOT NULL AND o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
				GROUP BY p.owner_pam_id ORDER BY count(*) DESC, p.owner_pam_id
				""").query(Long.class).list();
		assertThat(books).hasSizeGreaterThan(3);
		books.subList(0, 3).forEach(pam -> scopes.add(HygieneScope.book(pam)));
		scopes.add(HygieneScope.book(books.get(books.size() - 1)));
		var owners = jdbc.sql("""
				SELECT owner_id FROM opportunity WHERE stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
				GROUP BY owner_id ORDER BY count(*) DESC, owner_id
				""").query(Long.class).list();
		assertThat(owners).hasSizeGreaterThan(secondTeam);
		scopes.add(HygieneScope.team(owners.subList(0, 1)));
		scopes.add(HygieneScope.team(owners.subList(1, 1 + secondTeam)));
		return scopes;
	}

}
