package com.trellis.registration;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.trellis.registration.RegistrationRepository.Row;
import com.trellis.shared.SqlPipeline;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The conflict check's storage: the customers' advisory locks, the search for open
 * registrations that may be the customer (before the lock, then what changed under it),
 * and the claims recorded against a registration. Split from
 * {@link RegistrationRepository}, which keeps the registration's own rows.
 */
@Repository
class ConflictRepository {

	private final JdbcClient jdbc;

	private final org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate named;

	ConflictRepository(JdbcClient jdbc, org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate named) {
		this.jdbc = jdbc;
		this.named = named;
	}

	/**
	 * Takes the advisory locks of the keys in one round trip, in the order of their
	 * hashes.
	 */
	void lockCustomers(java.util.Collection<String> keys) {
		if (keys.isEmpty()) {
			return;
		}
		this.jdbc.sql(LOCK).param("keys", keys.toArray(String[]::new)).query((rs, n) -> 1).list();
	}

	static final String LOCK = """
			SELECT pg_advisory_xact_lock(h) FROM (
			    SELECT DISTINCT hashtextextended('customer:' || k, 0) AS h FROM unnest(CAST(:keys AS TEXT[])) AS k
			    ORDER BY h) AS sorted""";

	/**
	 * Takes the customer's locks ({@link #lockCustomers}) and then re-reads what
	 * {@link #openMatchingSince} re-reads, in one round trip: two statements sent
	 * together (the driver sends both before reading an answer). The second statement's
	 * snapshot is taken when it starts, after the first has taken the locks, so it sees
	 * every registration committed by a transaction that held one of them, as when the
	 * two are sent one after the other.
	 */
	List<Row> lockAndOpenMatchingSince(java.util.Collection<String> keys, Customer customer, Found found) {
		if (keys.isEmpty()) {
			return openMatchingSince(customer, found);
		}
		var params = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource(keys(customer))
			.addValue("keys", keys.toArray(String[]::new))
			.addValue("names", found.names().toArray(String[]::new))
			.addValue("mark", found.mark());
		return this.named.execute(LOCK + ";\n" + since(), params, statement -> {
			statement.execute();
			if (!statement.getMoreResults()) {
				throw new IllegalStateException("The re-read under the customer's lock returned no rows");
			}
			var rows = new java.util.ArrayList<Row>();
			try (var rs = statement.getResultSet()) {
				while (rs.next()) {
					rows.add(RegistrationRepository.row(rs, rows.size()));
				}
			}
			return rows;
		});
	}

	private static final String OPEN = "status IN ('PENDING', 'ON_HOLD', 'NEEDS_INFO', 'APPROVED')";

	/**
	 * Open registrations that may be the customer: the same registrable domain, or the
	 * same name shape ({@link CustomerLocks#shape}) with a lead word and, when the shape
	 * has two long words or more, a second long word each similar by trigrams
	 * ({@link CustomerLocks#WORD_SIMILARITY}), which every name the matcher takes for
	 * this one has. The same shape means the same number of long words, so a name without
	 * a second long word meets only names without one. Tested row by row only on the
	 * registrations inserted since a search's mark (a few); the search applies the name
	 * part to the distinct names ({@code registration_names_like}, V154).
	 */
	private static final String MAY_BE_CUSTOMER = """
			(r.registrable_domain = :domain
			 OR r.name_shape = :shape AND r.lead_word IS NULL AND CAST(:lead AS TEXT) IS NULL
			 OR r.name_shape = :shape AND r.lead_word % CAST(:lead AS TEXT) AND CAST(:second AS TEXT) IS NULL
			 OR r.name_shape = :shape AND r.lead_word % CAST(:lead AS TEXT)
			    AND registration_second_word(r.normalized_name) % CAST(:second AS TEXT))""";

	/**
	 * Searches, without the customer's lock and in one statement, the names registered
	 * ({@code registration_name}, V154) that may be the customer's: the same name shape
	 * with a lead word and, when the shape has two long words or more, a second long word
	 * each similar by trigrams ({@link CustomerLocks#WORD_SIMILARITY}) — the narrowing
	 * the search of the open registrations used, applied once per distinct name instead
	 * of once per registration (1,722 names for 193,422 open registrations on the large
	 * dataset); the matcher's verdict on a registration's name depends on the name alone.
	 * Returns the names the matcher accepts, with the mark from which
	 * {@link #openMatchingSince} re-reads under the lock: the xmin of the statement's
	 * snapshot, taken before the names are read (each registration whose name the search
	 * could not see was inserted by a transaction at or above it). The function sets the
	 * trigram threshold for the transaction, as the re-read needs it.
	 */
	Found openMatching(Customer customer, Predicate<Customer> matches) {
		var mark = new long[1];
		var names = this.jdbc.sql(SEARCH)
			.param("t", Double.toString(CustomerLocks.WORD_SIMILARITY))
			.params(keys(customer))
			.query(searched(matches, mark))
			.list();
		return found(names, mark[0]);
	}

	/** As {@link #openMatching}, read when the caller sends its pipeline. */
	java.util.function.Supplier<Found> openMatching(SqlPipeline pipeline, Customer customer,
			Predicate<Customer> matches) {
		var mark = new long[1];
		var params = new HashMap<>(keys(customer));
		params.put("t", Double.toString(CustomerLocks.WORD_SIMILARITY));
		var read = pipeline.query(SEARCH, params, searched(matches, mark));
		return () -> found(read.get(), mark[0]);
	}

	private static final String SEARCH = """
			SELECT m.mark, n.name
			FROM (SELECT CAST(CAST(pg_snapshot_xmin(pg_current_snapshot()) AS TEXT) AS BIGINT) AS mark OFFSET 0) AS m
			LEFT JOIN registration_names_like(:shape, CAST(:lead AS TEXT), CAST(:second AS TEXT), :t) AS n(name) ON true
			""";

	/**
	 * A name is compared without a registrable domain: a registration of another domain
	 * (or none) is the customer by its name or not at all, and those of the customer's
	 * domain are read under the lock by the domain.
	 */
	private static org.springframework.jdbc.core.RowMapper<String> searched(Predicate<Customer> matches, long[] mark) {
		return (rs, n) -> {
			mark[0] = rs.getLong(1);
			var name = rs.getString(2);
			return name != null && matches.test(new Customer(name, null, name)) ? name : null;
		};
	}

	private static Found found(List<String> names, long mark) {
		return new Found(names.stream().filter(java.util.Objects::nonNull).toList(), mark);
	}

	/**
	 * Under the customer's lock, in one statement, the open registrations that may be the
	 * customer, as they are now: those of its registrable domain, those of the names
	 * {@link #openMatching} accepted (with the same shape), and those that may be it
	 * inserted since its mark, whose names it may not have seen; full rows, in the order
	 * they came, for the matcher. The same registrations as the search of the open
	 * registrations by domain or name followed by the matcher found: a registration's
	 * name is in the accepted names exactly when the search would have found it by name
	 * and the matcher accepted that name. Registrations never reopen and the fields the
	 * matcher compares never change.
	 */
	List<Row> openMatchingSince(Customer customer, Found found) {
		return this.jdbc.sql(since())
			.param("names", found.names().toArray(String[]::new))
			.param("mark", found.mark())
			.params(keys(customer))
			.query(RegistrationRepository::row)
			.list();
	}

	private static String since() {
		return "SELECT " + RegistrationRepository.COLUMNS
				+ ", registrable_domain, normalized_name FROM deal_registration r WHERE " + SINCE_WHERE
				+ " ORDER BY submitted_at, id";
	}

	/**
	 * Which registrations the re-read under the lock takes ({@link #openMatchingSince}),
	 * the registration aliased {@code r}; also {@link ConflictClaims}'. Those inserted
	 * since the mark are named by their ids, read first from the open registrations'
	 * index on {@code inserted_xact}: the planner then expects a few of them (the dozens
	 * there are) whatever the mark, so one plan suits every registration
	 * ({@link ConflictClaims} keeps it for the session), where a range on a parameter is
	 * expected to take a third of the table and the plan for it read the table with
	 * parallel workers (100 ms against 1–2 ms on the large data).
	 */
	static final String SINCE_WHERE = OPEN + " AND (r.registrable_domain = :domain"
			+ " OR r.name_shape = :shape AND r.normalized_name = ANY(CAST(:names AS TEXT[]))"
			+ " OR r.id = ANY(ARRAY(SELECT s.id FROM deal_registration s WHERE s.inserted_xact >= :mark AND s." + OPEN
			+ ")) AND " + MAY_BE_CUSTOMER + ")";

	/**
	 * The customer's keys as the searches bind them. The words are bound as text also
	 * when there is none: a parameter bound once as text and once as null of no type is a
	 * new statement to the driver, parsed and planned again (one registration in six on
	 * the large data, 4 ms each for the claims under the lock).
	 */
	static Map<String, Object> keys(Customer customer) {
		var normalized = customer.normalizedName();
		var values = new HashMap<String, Object>();
		values.put("domain", customer.registrableDomain() == null ? "" : customer.registrableDomain());
		values.put("shape", normalized == null ? "" : CustomerLocks.shape(normalized));
		values.put("lead", text(normalized == null ? null : CustomerLocks.leadWord(normalized)));
		values.put("second", text(normalized == null ? null : CustomerLocks.secondWord(normalized)));
		return values;
	}

	/** A text parameter bound as text whether or not it is null (see {@link #keys}). */
	static org.springframework.jdbc.core.SqlParameterValue text(String value) {
		return new org.springframework.jdbc.core.SqlParameterValue(java.sql.Types.VARCHAR, value);
	}

	/**
	 * What a search without the lock found: the names registered that the matcher
	 * accepted, and the snapshot xmin from which registrations it could not see are read.
	 */
	record Found(List<String> names, long mark) {
	}

	/**
	 * Records the claims, in their order, in one statement; a claim recorded for the
	 * registration before (when it is reconsidered) is not recorded twice.
	 */
	void recordConflicts(long registrationId, List<ConflictCandidate> candidates, Instant at) {
		if (candidates.isEmpty()) {
			return;
		}
		this.jdbc
			.sql("""
					INSERT INTO registration_conflict (registration_id, candidate_kind, candidate_id, partner_id, match_kind,
					    score, reason, detected_at)
					SELECT :id, c.kind, c.candidate, c.partner, c.match, CAST(c.score AS NUMERIC(4, 3)), c.reason, :at
					FROM %s
					WHERE NOT EXISTS (SELECT 1 FROM registration_conflict e WHERE e.registration_id = :id
					                  AND e.candidate_kind = c.kind AND e.candidate_id = c.candidate)
					ORDER BY c.n
					"""
				.formatted(CLAIMS))
			.param("id", registrationId)
			.params(claims(candidates))
			.param("at", Timestamp.from(at))
			.update();
	}

	/**
	 * The claims of {@link #claims} as rows
	 * {@code c(kind, candidate, partner, match, score,
	 * reason, n)}, {@code n} their order.
	 */
	static final String CLAIMS = """
			unnest(CAST(:kinds AS TEXT[]), CAST(:candidates AS BIGINT[]), CAST(:partners AS BIGINT[]),
			       CAST(:matches AS TEXT[]), CAST(:scores AS TEXT[]), CAST(:reasons AS TEXT[]))
			     WITH ORDINALITY AS c(kind, candidate, partner, match, score, reason, n)""";

	/** The parameters of {@link #CLAIMS}: one array per column. */
	static Map<String, Object> claims(List<ConflictCandidate> candidates) {
		var params = new HashMap<String, Object>();
		params.put("kinds", candidates.stream().map(c -> c.kind().name()).toArray(String[]::new));
		params.put("candidates", candidates.stream().map(ConflictCandidate::id).toArray(Long[]::new));
		params.put("partners", candidates.stream().map(ConflictCandidate::partnerId).toArray(Long[]::new));
		params.put("matches", candidates.stream().map(c -> c.match().kind().name()).toArray(String[]::new));
		params.put("scores", candidates.stream()
			.map(c -> BigDecimal.valueOf(c.match().score()).setScale(3, java.math.RoundingMode.HALF_UP).toPlainString())
			.toArray(String[]::new));
		params.put("reasons", candidates.stream().map(c -> c.match().reason()).toArray(String[]::new));
		return params;
	}

	/** How many claims were found in all; null for registrations recorded before V94. */
	Integer conflictsFound(long registrationId) {
		var found = this.jdbc.sql("SELECT conflicts_found FROM deal_registration WHERE id = :id")
			.param("id", registrationId)
			.query((rs, n) -> rs.getObject(1, Integer.class))
			.list();
		return found.isEmpty() ? null : found.get(0);
	}

	List<ConflictView> conflicts(long registrationId) {
		return this.jdbc.sql("""
				SELECT candidate_kind, candidate_id, partner_id, match_kind, score, reason FROM registration_conflict
				WHERE registration_id = :id ORDER BY detected_at, id
				""")
			.param("id", registrationId)
			.query((rs, n) -> new ConflictView(rs.getString(1), rs.getLong(2), rs.getObject(3, Long.class),
					rs.getString(4), rs.getDouble(5), rs.getString(6)))
			.list();
	}

}
