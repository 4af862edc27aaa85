package com.trellis.search;

import java.util.ArrayList;

import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.shared.InvalidInputException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Global search: the viewer's scope first ({@link SearchScope}), then the text checked
 * ({@link SearchTerms}), then a few hits of each kind.
 */
@Service
public class Search {

	/** The most hits of one kind a search returns. */
	public static final int PER_KIND = 8;

	private final SearchRepository repository;

	private final Users users;

	private final Partners partners;

	Search(SearchRepository repository, Users users, Partners partners) {
		this.repository = repository;
		this.users = users;
		this.partners = partners;
	}

	/** Everything the viewer may open whose name holds {@code q}. */
	@Transactional(readOnly = true)
	public SearchResults find(Viewer viewer, String q) {
		var scope = scope(viewer);
		var terms = checked(q);
		return new SearchResults(terms.text(), this.repository.partners(terms, scope, PER_KIND),
				this.repository.accounts(terms, scope, PER_KIND), this.repository.deals(terms, scope, PER_KIND),
				this.repository.registrations(terms, scope, PER_KIND), this.repository.leads(terms, scope, PER_KIND),
				PER_KIND);
	}

	/**
	 * Partners the viewer may register a deal for whose name holds {@code q}: active
	 * ones, a PAM's own book only (the partner picker of the registration form).
	 */
	@Transactional(readOnly = true)
	public java.util.List<SearchResults.Hit> registrablePartners(Viewer viewer, String q) {
		var scope = scope(viewer);
		var terms = checked(q);
		var book = viewer.is(Role.PAM) ? this.partners.book(viewer.userId()) : null;
		return this.repository.activePartners(terms, scope, book, PER_KIND);
	}

	private static SearchTerms checked(String q) {
		var terms = SearchTerms.of(q);
		if (terms.refused()) {
			throw new InvalidInputException(terms.errors());
		}
		return terms;
	}

	private SearchScope scope(Viewer viewer) {
		return switch (viewer.role()) {
			case PARTNER -> SearchScope.partner(viewer.partnerId());
			case AE -> SearchScope.staff(java.util.List.of(viewer.userId()), null);
			case SALES_MANAGER -> {
				var team = new ArrayList<>(this.users.reportsOf(viewer.userId()));
				team.add(viewer.userId());
				yield SearchScope.staff(team, null);
			}
			case PAM -> SearchScope.staff(null, this.partners.book(viewer.userId()));
			case ADMIN, EXECUTIVE -> SearchScope.staff(null, null);
		};
	}

}
