package com.trellis.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.trellis.matching.CompanyIdentity;
import com.trellis.shared.ListConditions;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

	private static final String COLUMNS = "id, name, web_domain, industry, employee_band, owner_ae_id, created_at, updated_at, country";

	private final JdbcClient jdbc;

	AccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	PageResult<AccountView> search(String q, String industry, Long ownerId, PageRequest page) {
		// only the filters given are written (s67, ListConditions)
		var conditions = new ListConditions()
			.when("(name ILIKE :q OR web_domain ILIKE :q)", "q", com.trellis.shared.ListSearch.pattern("q", q))
			.when("industry = :industry", "industry", industry == null || industry.isBlank() ? null : industry)
			.when("owner_ae_id = :owner", "owner", ownerId);
		var where = conditions.where();
		var params = conditions.parameters();
		long counted = this.jdbc.sql(PageRequest.countUpToLimit("FROM account " + where))
			.params(params)
			.param("countLimit", page.countLimit())
			.query(Long.class)
			.single();
		return PageResult.counted(() -> this.jdbc
			.sql("SELECT " + COLUMNS + " FROM account " + where
					+ " ORDER BY lower(name), id LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(AccountRepository::view)
			.list(), page, counted);
	}

	/** Gives every account of one owner to another; returns the ids moved. */
	List<Long> handOver(long fromOwner, long toOwner, Instant now) {
		return this.jdbc
			.sql("""
					UPDATE account SET owner_ae_id = :to, updated_at = :now, version = version + 1 WHERE owner_ae_id = :from RETURNING id
					""")
			.param("to", toOwner)
			.param("from", fromOwner)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.list();
	}

	long countOwnedBy(long owner) {
		return this.jdbc.sql("SELECT count(*) FROM account WHERE owner_ae_id = :owner")
			.param("owner", owner)
			.query(Long.class)
			.single();
	}

	Optional<AccountView> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE id = :id")
			.param("id", id)
			.query(AccountRepository::view)
			.optional();
	}

	List<CustomerRecord> customerCandidates(String registrableDomain, String normalizedName, int limit) {
		return this.jdbc.sql("""
				(SELECT id, name, registrable_domain, normalized_name, country FROM account
				 WHERE registrable_domain = :domain LIMIT :limit)
				UNION
				(SELECT id, name, registrable_domain, normalized_name, country FROM account
				 WHERE normalized_name % :name ORDER BY normalized_name <-> :name LIMIT :limit)
				""")
			.param("domain", registrableDomain == null ? "" : registrableDomain)
			.param("name", normalizedName == null ? "" : normalizedName)
			.param("limit", limit)
			.query((rs, n) -> new CustomerRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.list();
	}

	/**
	 * The accounts whose lead and second long word are each similar by trigrams to
	 * {@code :lead} and {@code :second} (a name without a long word: the same name as
	 * {@code :name}), the closest {@code :limit} to {@code :name} first, ties by id: the
	 * distinct names searched ({@code account_names_like}, V159, which sets the threshold
	 * {@code :t} for the transaction), then the accounts of each name by the name index,
	 * up to {@code :limit} of its lowest ids (all the order can take of one name), in a
	 * lateral join: with a plain join the planner, not knowing how many names come,
	 * hash-joined a scan of every account (35,800 accounts read per registration). The
	 * same accounts as the filter applied to every account, as whether an account's name
	 * is similar depends on the name alone. A subquery with the columns given, the
	 * account aliased {@code a}. Shared with {@link CompanyCandidates}.
	 */
	static String similarWords(String columns) {
		return """
				(SELECT %s FROM account_names_like(:name, CAST(:lead AS TEXT), CAST(:second AS TEXT), :t) AS n(name)
				 CROSS JOIN LATERAL (SELECT * FROM account WHERE normalized_name COLLATE "C" = n.name
				                     ORDER BY id LIMIT :limit) AS a
				 ORDER BY a.normalized_name <-> :name, a.id LIMIT :limit)""".formatted(columns);
	}

	/**
	 * Accounts of the registrable domain, and accounts whose lead and second long word
	 * (the SQL functions {@code registration_lead_word} and
	 * {@code registration_second_word}) are each similar by trigrams to the given ones at
	 * {@code similarity} ({@link #similarWords}); a name without a long word is found by
	 * equality. The threshold is set in this statement, before the names are read, so the
	 * result does not depend on what ran before in the transaction. Up to {@code limit}
	 * of each, the names closest to the customer's first.
	 */
	List<CustomerRecord> customerCandidatesByWords(String registrableDomain, String normalizedName, String lead,
			String second, double similarity, int limit) {
		return this.jdbc.sql(CANDIDATES_BY_WORDS)
			.params(byWords(registrableDomain, normalizedName, lead, second, similarity, limit))
			.query(AccountRepository::customerRecord)
			.list();
	}

	/** As {@link #customerCandidatesByWords}, read when the caller sends its pipeline. */
	java.util.function.Supplier<List<CustomerRecord>> customerCandidatesByWords(com.trellis.shared.SqlPipeline pipeline,
			String registrableDomain, String normalizedName, String lead, String second, double similarity, int limit) {
		return pipeline.query(CANDIDATES_BY_WORDS,
				byWords(registrableDomain, normalizedName, lead, second, similarity, limit),
				AccountRepository::customerRecord);
	}

	private static final String CANDIDATES_BY_WORDS = """
			(SELECT id, name, registrable_domain, normalized_name, country FROM account
			 WHERE registrable_domain = :domain LIMIT :limit)
			UNION
			""" + similarWords("a.id, a.name, a.registrable_domain, a.normalized_name, a.country");

	private static Map<String, Object> byWords(String registrableDomain, String normalizedName, String lead,
			String second, double similarity, int limit) {
		var params = new HashMap<String, Object>();
		params.put("domain", registrableDomain == null ? "" : registrableDomain);
		params.put("name", normalizedName == null ? "" : normalizedName);
		params.put("lead", lead);
		params.put("second", second);
		params.put("t", Double.toString(similarity));
		params.put("limit", limit);
		return params;
	}

	private static CustomerRecord customerRecord(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new CustomerRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
	}

	Optional<Long> idByRegistrableDomain(String registrableDomain) {
		return this.jdbc.sql("SELECT id FROM account WHERE registrable_domain = :domain ORDER BY id LIMIT 1")
			.param("domain", registrableDomain)
			.query(Long.class)
			.optional();
	}

	List<Long> idsByName(String name) {
		return this.jdbc.sql("SELECT id FROM account WHERE lower(name) = lower(:name) ORDER BY id LIMIT 2")
			.param("name", name)
			.query(Long.class)
			.list();
	}

	Map<Long, String> names(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql("SELECT id, name FROM account WHERE id IN (:ids)")
			.param("ids", ids)
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	List<AccountView> findAll(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE id IN (:ids)")
			.param("ids", ids)
			.query(AccountRepository::view)
			.list();
	}

	long insert(AccountCommand command, Long ownerId, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO account (name, web_domain, industry, employee_band, owner_ae_id, created_at, updated_at,
				                     registrable_domain, normalized_name, country)
				VALUES (:name, :domain, :industry, :band, :owner, :now, :now, :registrable, :normalized, :country)
				RETURNING id
				""").params(params(command, ownerId)).param("now", Timestamp.from(now)).query(Long.class).single();
	}

	void update(long id, AccountCommand command, Long ownerId, Instant now) {
		update(id, command, ownerId, now, null);
	}

	/**
	 * Saves an edit when the account is still at {@code seenVersion} (null: at any);
	 * false, and nothing changed, when it has changed since or already holds every value
	 * (its version and change time stay).
	 */
	boolean update(long id, AccountCommand command, Long ownerId, Instant now, Long seenVersion) {
		return this.jdbc.sql("""
				UPDATE account SET name = :name, web_domain = :domain, industry = :industry, employee_band = :band,
				       owner_ae_id = :owner, updated_at = :now, registrable_domain = :registrable,
				       normalized_name = :normalized, country = :country, version = version + 1
				WHERE id = :id AND (CAST(:seen AS BIGINT) IS NULL OR version = :seen)
				  AND (name, web_domain, industry, employee_band, owner_ae_id, country)
				      IS DISTINCT FROM (CAST(:name AS TEXT), CAST(:domain AS TEXT), CAST(:industry AS TEXT),
				      CAST(:band AS TEXT), CAST(:owner AS BIGINT), CAST(:country AS TEXT))
				""")
			.params(params(command, ownerId))
			.param("now", Timestamp.from(now))
			.param("id", id)
			.param("seen", seenVersion)
			.update() == 1;
	}

	/** The account's version: one more with each change of its row. */
	long version(long id) {
		return this.jdbc.sql("SELECT version FROM account WHERE id = :id").param("id", id).query(Long.class).single();
	}

	/** Marks an account as changed now without touching the day it was created. */
	void touch(long id, Instant now) {
		this.jdbc.sql("UPDATE account SET updated_at = :now, version = version + 1 WHERE id = :id")
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	private static Map<String, Object> params(AccountCommand command, Long ownerId) {
		Map<String, Object> params = new HashMap<>();
		params.put("name", command.name().strip());
		params.put("domain", command.webDomain());
		params.put("industry", command.industry());
		params.put("band", command.employeeBand());
		params.put("owner", ownerId);
		params.put("registrable", CompanyIdentity.identityDomain(command.webDomain()));
		params.put("normalized", CompanyIdentity.normalizedName(command.name()));
		params.put("country", command.country());
		return params;
	}

	private static AccountView view(ResultSet rs, int row) throws SQLException {
		return new AccountView(rs.getLong("id"), rs.getString("name"), rs.getString("web_domain"),
				rs.getString("industry"), rs.getString("employee_band"), rs.getObject("owner_ae_id", Long.class),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				rs.getString("country"));
	}

}
