package com.trellis.registration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import com.trellis.matching.CompanyMatcher;
import com.trellis.registration.ConflictCandidate.Kind;
import com.trellis.registration.ConflictRepository.Found;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Under the customer's lock, the open registrations holding the customer as the rules of
 * engagement need them: not every registration found (on the large dataset about 98 per
 * registration, each a full row to map and match) but how many there are and the few that
 * can decide. The re-read is {@link ConflictRepository#lockAndOpenMatchingSince}'s, with
 * the customer's locks in the same round trip; of its rows, those the matcher is known to
 * accept without being asked — the customer's identity domain (a domain match) and the
 * names the search accepted ({@link Found#names()}; the verdict on a name without a
 * shared domain depends on the name alone) — are counted in SQL, and only the partner's
 * own earliest one by the domain or the same name, its own earliest one by a name spelt
 * alike, and another partner's earliest protecting one
 * ({@link RulesOfEngagement#ownClaim}, {@link RulesOfEngagement#ownLookAlike},
 * {@link RulesOfEngagement#protectedClaim}) come back, with every other row (registered
 * since the search, or of a free-mail domain) for the matcher to judge as before. The
 * earliest claims of all rows are among those returned, so the decision, the claims
 * recorded and the count are the same.
 */
@Repository
class ConflictClaims {

	private final NamedParameterJdbcTemplate named;

	ConflictClaims(NamedParameterJdbcTemplate named) {
		this.named = named;
	}

	/**
	 * Takes the customer's locks and reads the claims, in one round trip (statements sent
	 * together: the read's snapshot is taken after the locks are held). The read is
	 * planned once per session, not for each registration ({@link #GENERIC}).
	 */
	Claims lockAndRead(java.util.Collection<String> keys, Customer customer, Found found, long partnerId) {
		var params = new MapSqlParameterSource(ConflictRepository.keys(customer))
			.addValue("keys", keys.toArray(String[]::new))
			.addValue("identity", ConflictRepository.text(customer.company().identityDomain()))
			.addValue("names", found.names().toArray(String[]::new))
			.addValue("mark", found.mark())
			.addValue("partner", partnerId)
			.addValue("ownName", customer.company().normalizedName());
		var sql = GENERIC + ";\n" + (keys.isEmpty() ? "" : ConflictRepository.LOCK + ";\n") + READ + ";\n" + AUTO;
		int read = keys.isEmpty() ? 1 : 2;
		return this.named.execute(sql, params, statement -> {
			boolean rows = statement.execute();
			int sets = 0;
			while (rows || statement.getUpdateCount() != -1) {
				if (rows && ++sets == read) {
					try (var rs = statement.getResultSet()) {
						var claims = claims(customer, rs);
						while (statement.getMoreResults() || statement.getUpdateCount() != -1) {
							// the plan cache's mode set back
						}
						return claims;
					}
				}
				rows = statement.getMoreResults();
			}
			throw new IllegalStateException("The claims under the customer's lock returned no rows");
		});
	}

	/**
	 * The read's one plan, kept by the session's plan cache: its parameters are arrays
	 * and a mark, for which the cache found each registration's own plan cheaper and
	 * planned the read again every time (3.0 ms a registration at a load of 15, more than
	 * its execution; the table has 24 indexes to weigh). Set for the transaction and back
	 * to the default right after the read ({@link #AUTO}), so no other statement is
	 * planned this way.
	 */
	static final String GENERIC = "SET LOCAL plan_cache_mode = force_generic_plan";

	/** The plan cache's default mode again, after the read ({@link #GENERIC}). */
	static final String AUTO = "SET LOCAL plan_cache_mode = DEFAULT";

	private static Claims claims(Customer customer, ResultSet rs) throws SQLException {
		var candidates = new ArrayList<ConflictCandidate>();
		int accepted = 0;
		int listed = 0;
		while (rs.next()) {
			accepted = rs.getInt("accepted_count");
			if (rs.getObject("id") == null) {
				continue;
			}
			if (rs.getBoolean("accepted")) {
				listed++;
			}
			var other = new Customer(rs.getString("customer_name"), rs.getString("registrable_domain"),
					rs.getString("normalized_name"));
			var match = CompanyMatcher.match(customer.company(), other.company());
			if (match.isPresent()) {
				candidates.add(new ConflictCandidate(Kind.REGISTRATION, rs.getLong("id"), rs.getLong("partner_id"),
						RegistrationStatus.valueOf(rs.getString("status")), instant(rs.getTimestamp("submitted_at")),
						instant(rs.getTimestamp("protection_ends_at")), match.get()));
			}
		}
		return new Claims(List.copyOf(candidates), accepted - listed);
	}

	private static java.time.Instant instant(Timestamp value) {
		return value == null ? null : value.toInstant();
	}

	private static final String READ = """
			WITH o AS MATERIALIZED (
			    SELECT r.id, r.partner_id, r.status, r.submitted_at, r.protection_ends_at, r.customer_name,
			           r.registrable_domain, r.normalized_name,
			           COALESCE(r.registrable_domain = CAST(:identity AS TEXT)
			                    OR r.name_shape = :shape AND r.normalized_name = ANY(CAST(:names AS TEXT[])), FALSE)
			               AS accepted,
			           COALESCE(r.registrable_domain = CAST(:identity AS TEXT)
			                    OR r.normalized_name = CAST(:ownName AS TEXT), FALSE) AS sure
			    FROM deal_registration r
			    WHERE %1$s)
			SELECT c.accepted_count, x.*
			FROM (SELECT count(*) FILTER (WHERE o.accepted) AS accepted_count FROM o) AS c
			LEFT JOIN LATERAL (
			    (SELECT * FROM o WHERE o.accepted AND o.partner_id = :partner AND o.sure
			     ORDER BY o.submitted_at, o.id LIMIT 1)
			    UNION ALL
			    (SELECT * FROM o WHERE o.accepted AND o.partner_id = :partner AND NOT o.sure
			     ORDER BY o.submitted_at, o.id LIMIT 1)
			    UNION ALL
			    (SELECT * FROM o WHERE o.accepted AND o.partner_id <> :partner AND o.status IN %2$s AND o.sure
			     ORDER BY o.submitted_at, o.id LIMIT 1)
			    UNION ALL
			    (SELECT * FROM o WHERE o.accepted AND o.partner_id <> :partner AND o.status IN %2$s AND NOT o.sure
			     ORDER BY o.submitted_at, o.id LIMIT 1)
			    UNION ALL
			    (SELECT * FROM o WHERE NOT o.accepted)) AS x ON TRUE
			ORDER BY x.submitted_at, x.id
			""".formatted(ConflictRepository.SINCE_WHERE, RegistrationStatus.PROTECTING_SQL);

	/**
	 * The registrations holding the customer that the rules of engagement may pick, in
	 * the order they were submitted, and how many others were found.
	 *
	 * @param candidates the partner's own earliest and another partner's earliest
	 * protecting registration among those counted in SQL, and every other registration
	 * the matcher took for the customer
	 * @param unlisted how many registrations holding the customer are not in
	 * {@code candidates} (they change no decision and are only counted)
	 */
	record Claims(List<ConflictCandidate> candidates, int unlisted) {
	}

}
