package com.trellis.hygiene;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.trellis.shared.PageRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The overlapping registrations as the job last counted them ({@code hygiene_overlap},
 * V97): per open registration that shares the account, the registrable domain or the
 * normalised name with an open registration of another partner, how many distinct such
 * registrations there are and how many share each key. Counted with window counts per key
 * and per key combination (inclusion–exclusion over the three keys), so the work is a few
 * sorts of the open registrations however many share a key; the equality join per key it
 * replaces grew with the square of each key group (over 60 s per request at the large
 * demo, whose registrations share name and domain keys heavily).
 * <p>
 * A registration decided or withdrawn after the run drops out at once: its row is deleted
 * with the decision (V301), and reads of the records still join only open registrations;
 * the counts of the others are as of the run ({@code computedAt}), and the example named
 * on each record is looked up live.
 */
@Repository
class OverlapStore {

	private static final String OPEN = "IN ('PENDING', 'NEEDS_INFO', 'APPROVED')";

	/** Open registrations with the same key of another partner, 0 for a null key. */
	private static final String OTHERS = "CASE WHEN %1$s THEN 0 ELSE count(*) OVER (PARTITION BY %2$s) "
			+ "- count(*) OVER (PARTITION BY %2$s, partner_id) END";

	private static final String STILL_OPEN = "JOIN deal_registration r ON r.id = h.registration_id AND r.status "
			+ OPEN;

	private final JdbcClient jdbc;

	private final HygieneCursor cursor;

	OverlapStore(JdbcClient jdbc, HygieneCursor cursor) {
		this.cursor = cursor;
		this.jdbc = jdbc;
	}

	/**
	 * What the open registrations are now, as far as overlaps go: their number, highest
	 * id and a sum of hashes of each one's id, partner and keys (one scan of the table).
	 */
	String signature() {
		return this.jdbc
			.sql("""
					SELECT count(*) || ':' || coalesce(max(id), 0) || ':' || coalesce(sum(CAST(hashtext(id || '|' || partner_id
					       || '|' || coalesce(account_id, 0) || '|' || coalesce(registrable_domain, '<none>') || '|'
					       || coalesce(normalized_name, '<none>')) AS BIGINT)), 0)
					FROM deal_registration WHERE status %s
					"""
				.formatted(OPEN))
			.query(String.class)
			.single();
	}

	Optional<String> storedSignature() {
		return this.jdbc.sql("SELECT registrations_signature FROM hygiene_overlap_state WHERE id = 1")
			.query(String.class)
			.optional();
	}

	/** When the stored rows were counted; empty when they never were. */
	Optional<Instant> computedAt() {
		return this.jdbc.sql("SELECT computed_at FROM hygiene_overlap_state WHERE id = 1")
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
	}

	/** Counts the overlaps of every open registration again and stores them. */
	void replace(String signature, Instant now) {
		// a decision committed during the run waits for it and then deletes the row the
		// run stored for it (V301); one committed before is seen by the run's read
		this.jdbc.sql("LOCK TABLE hygiene_overlap IN SHARE ROW EXCLUSIVE MODE").update();
		this.jdbc.sql("DELETE FROM hygiene_overlap").update();
		this.jdbc.sql("""
				INSERT INTO hygiene_overlap (registration_id, partner_id, others, on_account, on_domain, on_name)
				SELECT id, partner_id, a + d + n - ad - an - dn + adn, a, d, n FROM (
				    SELECT id, partner_id, %s AS a, %s AS d, %s AS n, %s AS ad, %s AS an, %s AS dn, %s AS adn
				    FROM deal_registration WHERE status %s
				) counted
				WHERE a + d + n > 0
				""".formatted(others("account_id"), others("registrable_domain"), others("normalized_name"),
				others("account_id", "registrable_domain"), others("account_id", "normalized_name"),
				others("registrable_domain", "normalized_name"),
				others("account_id", "registrable_domain", "normalized_name"), OPEN))
			.update();
		this.jdbc
			.sql("""
					INSERT INTO hygiene_overlap_state (id, registrations_signature, computed_at) VALUES (1, :signature, :now)
					ON CONFLICT (id) DO UPDATE SET registrations_signature = EXCLUDED.registrations_signature,
					                               computed_at = EXCLUDED.computed_at
					""")
			.param("signature", signature)
			.param("now", Timestamp.from(now))
			.update();
	}

	private static String others(String... keys) {
		return OTHERS.formatted(String.join(" IS NULL OR ", keys) + " IS NULL", String.join(", ", keys));
	}

	/**
	 * The stored registrations in scope that are still open: every stored row, since a
	 * registration's row leaves with it (V301); a team's scope is on the registrations'
	 * accounts and joins them.
	 */
	long count(HygieneScope scope) {
		var rows = scope.kind() == HygieneScope.Kind.TEAM ? "hygiene_overlap h " + STILL_OPEN : "hygiene_overlap h";
		return scope.bind(this.jdbc.sql("SELECT count(*) FROM " + rows + " WHERE " + scope.registrations()))
			.query(Long.class)
			.single();
	}

	/**
	 * A page of the stored registrations in scope that are still open, by id, each with
	 * one open registration of another partner it overlaps now (any, found through the
	 * V93 index of each key; none when all it overlapped were decided since the run).
	 */
	List<HygieneRecord> page(HygieneScope scope, PageRequest page) {
		return scope.bind(this.jdbc.sql(records(scope) + " LIMIT :limit OFFSET :offset"))
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(OverlapStore::record)
			.list();
	}

	/** Every stored record in scope, in page order, each handed on as it is read. */
	void forEach(HygieneScope scope, Consumer<HygieneRecord> action) {
		this.cursor.forEach(records(scope), scope, Map.of(), OverlapStore::record, action);
	}

	private static String records(HygieneScope scope) {
		return """
				SELECT h.registration_id, r.customer_name, p.name AS partner, h.others, h.on_account, h.on_domain,
				       h.on_name, eo.id AS example_id, eo.customer_name AS example_name, ep.name AS example_partner
				FROM hygiene_overlap h %1$s JOIN partner p ON p.id = h.partner_id
				LEFT JOIN LATERAL (
				    (SELECT o.id FROM deal_registration o WHERE o.account_id = r.account_id
				        AND o.partner_id <> r.partner_id AND o.status %2$s LIMIT 1)
				    UNION ALL
				    (SELECT o.id FROM deal_registration o WHERE o.registrable_domain = r.registrable_domain
				        AND o.partner_id <> r.partner_id AND o.status %2$s LIMIT 1)
				    UNION ALL
				    (SELECT o.id FROM deal_registration o WHERE o.normalized_name = r.normalized_name
				        AND o.partner_id <> r.partner_id AND o.status %2$s LIMIT 1)
				    LIMIT 1) example ON TRUE
				LEFT JOIN deal_registration eo ON eo.id = example.id LEFT JOIN partner ep ON ep.id = eo.partner_id
				WHERE %3$s ORDER BY h.registration_id""".formatted(STILL_OPEN, OPEN, scope.registrations());
	}

	private static HygieneRecord record(ResultSet rs, int n) throws SQLException {
		return new HygieneRecord("registration", rs.getLong("registration_id"), rs.getString("customer_name"),
				problem(rs.getInt("others"), rs.getInt("on_account"), rs.getInt("on_domain"), rs.getInt("on_name"),
						(Long) rs.getObject("example_id"), rs.getString("example_partner"),
						rs.getString("example_name")),
				rs.getString("partner"), "/registrations/" + rs.getLong("registration_id"));
	}

	static String problem(int others, int account, int domain, int name, Long exampleId, String examplePartner,
			String exampleName) {
		var text = "overlaps " + others + " open registration" + (others == 1 ? "" : "s")
				+ " of other partners (same account " + account + ", same domain " + domain + ", same name " + name
				+ ", as of the last count)";
		return exampleId == null ? text + "; none open now"
				: text + ", e.g. registration " + exampleId + " of " + examplePartner + " for " + exampleName;
	}

}
