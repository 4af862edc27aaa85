package com.trellis.search;

import java.util.List;

import com.trellis.search.SearchResults.Hit;
import com.trellis.shared.Labels;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The read-only search queries: one per kind, each bounded by the viewer's
 * {@link SearchScope} in SQL and by a LIMIT, each matching names with ILIKE served by a
 * trigram index (V62), best matches (starting with the text) first.
 */
@Repository
class SearchRepository {

	private static final String PARTNER_SCOPE = "(CAST(:scopePartner AS BIGINT) IS NULL OR %s = :scopePartner)";

	private final JdbcClient jdbc;

	private final Labels labels;

	SearchRepository(JdbcClient jdbc, Labels labels) {
		this.jdbc = jdbc;
		this.labels = labels;
	}

	List<Hit> partners(SearchTerms terms, SearchScope scope, int limit) {
		return this.jdbc.sql("""
				SELECT p.id, p.name, p.tier, p.lifecycle_status FROM partner p
				WHERE p.name ILIKE :pattern AND %s
				ORDER BY p.name ILIKE :prefix DESC, p.name, p.id LIMIT :limit
				""".formatted(PARTNER_SCOPE.formatted("p.id")))
			.params(params(terms, scope, limit))
			.query((rs, n) -> new Hit("PARTNER", rs.getLong("id"), rs.getString("name"),
					label(rs.getString("tier")) + " · " + label(rs.getString("lifecycle_status")),
					"/partners/" + rs.getLong("id")))
			.list();
	}

	List<Hit> activePartners(SearchTerms terms, SearchScope scope, List<Long> book, int limit) {
		if (book != null && book.isEmpty()) {
			return List.of();
		}
		var spec = this.jdbc
			.sql("""
					SELECT p.id, p.name, p.tier, p.lifecycle_status FROM partner p
					WHERE p.name ILIKE :pattern AND p.lifecycle_status = 'ACTIVE' AND %s %s
					ORDER BY p.name ILIKE :prefix DESC, p.name, p.id LIMIT :limit
					""".formatted(PARTNER_SCOPE.formatted("p.id"),
					book == null ? "" : "AND p.id = ANY (CAST(:book AS BIGINT[]))"))
			.params(params(terms, scope, limit));
		if (book != null) {
			spec = spec.param("book", com.trellis.shared.SqlIds.array(book));
		}
		return spec
			.query((rs, n) -> new Hit("PARTNER", rs.getLong("id"), rs.getString("name"), label(rs.getString("tier")),
					"/partners/" + rs.getLong("id")))
			.list();
	}

	List<Hit> accounts(SearchTerms terms, SearchScope scope, int limit) {
		if (!scope.accounts()) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT a.id, a.name, a.web_domain FROM account a
				WHERE a.name ILIKE :pattern OR a.web_domain ILIKE :pattern
				ORDER BY a.name ILIKE :prefix DESC, a.name, a.id LIMIT :limit
				""")
			.params(params(terms, scope, limit))
			.query((rs, n) -> new Hit("ACCOUNT", rs.getLong("id"), rs.getString("name"), rs.getString("web_domain"),
					"/accounts/" + rs.getLong("id")))
			.list();
	}

	List<Hit> deals(SearchTerms terms, SearchScope scope, int limit) {
		return this.jdbc.sql("""
				SELECT o.id, o.name, o.stage, a.name AS account FROM opportunity o JOIN account a ON a.id = o.account_id
				WHERE o.name ILIKE :pattern AND %s
				ORDER BY o.name ILIKE :prefix DESC, o.name, o.id LIMIT :limit
				""".formatted(PARTNER_SCOPE.formatted("o.partner_id")))
			.params(params(terms, scope, limit))
			.query((rs, n) -> new Hit("DEAL", rs.getLong("id"), rs.getString("name"),
					rs.getString("account") + " · " + label(rs.getString("stage")),
					"/opportunities/" + rs.getLong("id")))
			.list();
	}

	List<Hit> registrations(SearchTerms terms, SearchScope scope, int limit) {
		return this.jdbc.sql("""
				SELECT r.id, r.customer_name, r.status, p.name AS partner FROM deal_registration r
				JOIN partner p ON p.id = r.partner_id
				WHERE r.customer_name ILIKE :pattern AND %s
				ORDER BY r.customer_name ILIKE :prefix DESC, r.submitted_at DESC, r.id LIMIT :limit
				""".formatted(PARTNER_SCOPE.formatted("r.partner_id")))
			.params(params(terms, scope, limit))
			.query((rs, n) -> new Hit("REGISTRATION", rs.getLong("id"), rs.getString("customer_name"),
					rs.getString("partner") + " · " + label("registration.status", rs.getString("status")),
					"/registrations/" + rs.getLong("id")))
			.list();
	}

	List<Hit> leads(SearchTerms terms, SearchScope scope, int limit) {
		if (scope.noLeads()) {
			return List.of();
		}
		var where = new StringBuilder(PARTNER_SCOPE.formatted("l.partner_id"));
		if (scope.leadReps() != null) {
			where.append(" AND l.rep_id = ANY (CAST(:reps AS BIGINT[]))");
		}
		if (scope.leadPartners() != null) {
			where.append(" AND l.partner_id = ANY (CAST(:book AS BIGINT[]))");
		}
		var spec = this.jdbc.sql("""
				SELECT l.id, l.company_name, l.contact_name, l.status, p.name AS partner FROM partner_lead l
				JOIN partner p ON p.id = l.partner_id
				WHERE (l.company_name ILIKE :pattern OR l.contact_name ILIKE :pattern) AND %s
				ORDER BY l.company_name ILIKE :prefix DESC, l.submitted_at DESC, l.id LIMIT :limit
				""".formatted(where)).params(params(terms, scope, limit));
		if (scope.leadReps() != null) {
			spec = spec.param("reps", com.trellis.shared.SqlIds.array(scope.leadReps()));
		}
		if (scope.leadPartners() != null) {
			spec = spec.param("book", com.trellis.shared.SqlIds.array(scope.leadPartners()));
		}
		return spec
			.query((rs, n) -> new Hit("LEAD", rs.getLong("id"), rs.getString("company_name"),
					rs.getString("contact_name") + " · " + rs.getString("partner") + " · "
							+ label("leads.status", rs.getString("status")),
					"/leads/" + rs.getLong("id")))
			.list();
	}

	private String label(String code) {
		return code == null ? "—" : this.labels.of(code);
	}

	/**
	 * A status as its own pages word it (the message {@code <family>.<CODE>}), not the
	 * code in words.
	 */
	private String label(String family, String code) {
		return code == null ? "—" : this.labels.of(family, code);
	}

	private static java.util.Map<String, Object> params(SearchTerms terms, SearchScope scope, int limit) {
		var params = new java.util.HashMap<String, Object>();
		params.put("pattern", terms.pattern());
		params.put("prefix", terms.pattern().substring(1));
		params.put("scopePartner", scope.partnerId());
		params.put("limit", limit);
		return params;
	}

}
