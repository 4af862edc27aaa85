package com.trellis.partners;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.trellis.identity.Viewer;
import com.trellis.shared.ListConditions;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;
import com.trellis.shared.validation.DistinctLabels;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every read takes the viewer and binds {@code :scopePartner}, so a partner user's
 * queries can only ever return their own partner.
 */
@Repository
class PartnerRepository {

	private static final String SCOPE = "(CAST(:scopePartner AS BIGINT) IS NULL OR id = :scopePartner)";

	private static final String COLUMNS = """
			id, name, type, web_domain, verticals, capabilities, region, onboarded_on, owner_pam_id, lifecycle_status,
			tier, created_at, updated_at
			""";

	private final JdbcClient jdbc;

	PartnerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	PageResult<PartnerView> search(Viewer viewer, PartnerFilter filter, PageRequest page) {
		// only the filters given are written (s67, ListConditions): a PAM's home read its
		// book's dormant and onboarding partners from every partner under a generic plan
		var conditions = new ListConditions().when("id = :scopePartner", "scopePartner", viewer.scopePartnerId())
			.when("(name ILIKE :q OR web_domain ILIKE :q)", "q", com.trellis.shared.ListSearch.pattern("q", filter.q()))
			.whenEnum("type", filter.type())
			.whenEnum("tier", filter.tier())
			.whenEnum("lifecycle_status", filter.lifecycle())
			.when("owner_pam_id = :pam", "pam", filter.pamId());
		var where = conditions.where();
		var params = conditions.parameters();
		long counted = this.jdbc.sql(PageRequest.countUpToLimit("FROM partner " + where))
			.params(params)
			.param("countLimit", page.countLimit())
			.query(Long.class)
			.single();
		return PageResult.counted(() -> this.jdbc
			.sql("SELECT " + COLUMNS + " FROM partner " + where + " ORDER BY " + filter.orderBy()
					+ " LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(PartnerRepository::view)
			.list(), page, counted);
	}

	Optional<PartnerView> find(Viewer viewer, long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM partner WHERE id = :id AND " + SCOPE)
			.param("id", id)
			.param("scopePartner", viewer.scopePartnerId())
			.query(PartnerRepository::view)
			.optional();
	}

	/** As {@link #find}, read when the caller sends its pipeline. */
	java.util.function.Supplier<Optional<PartnerView>> find(com.trellis.shared.SqlPipeline pipeline, Viewer viewer,
			long id) {
		var params = new java.util.HashMap<String, Object>();
		params.put("id", id);
		params.put("scopePartner", viewer.scopePartnerId());
		var read = pipeline.query("SELECT " + COLUMNS + " FROM partner WHERE id = :id AND " + SCOPE, params,
				PartnerRepository::view);
		return () -> read.get().stream().findFirst();
	}

	/** The partner's version: one more with each change of its row. */
	Optional<Long> version(long id) {
		return this.jdbc.sql("SELECT version FROM partner WHERE id = :id").param("id", id).query(Long.class).optional();
	}

	Optional<LifecycleStatus> lifecycle(long id) {
		return this.jdbc.sql("SELECT lifecycle_status FROM partner WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> LifecycleStatus.valueOf(rs.getString(1)))
			.optional();
	}

	Optional<PartnerView> findForUpdate(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM partner WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(PartnerRepository::view)
			.optional();
	}

	Map<Long, String> names(Viewer viewer, List<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql("SELECT id, name FROM partner WHERE id = ANY (CAST(:ids AS BIGINT[])) AND " + SCOPE)
			.param("ids", com.trellis.shared.SqlIds.array(ids))
			.param("scopePartner", viewer.scopePartnerId())
			.query((rs, n) -> Map.entry(rs.getLong("id"), rs.getString("name")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	long insert(PartnerCommand command, LifecycleStatus status, Instant now) {
		return this.jdbc
			.sql("""
					INSERT INTO partner (name, type, web_domain, verticals, capabilities, region, onboarded_on, owner_pam_id,
					                     lifecycle_status, tier, created_at, updated_at)
					VALUES (:name, :type, :domain, CAST(:verticals AS TEXT[]), CAST(:capabilities AS TEXT[]), :region,
					        :onboardedOn, :owner, :status, :tier, :now, :now)
					RETURNING id
					""")
			.params(commandParams(command))
			.param("status", status.name())
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	/**
	 * Saves the command's values; false, and the row (its version and change time)
	 * untouched, when it holds them all already.
	 */
	boolean update(long id, PartnerCommand command, Instant now) {
		return this.jdbc
			.sql("""
					UPDATE partner SET name = :name, type = :type, web_domain = :domain, verticals = CAST(:verticals AS TEXT[]),
					       capabilities = CAST(:capabilities AS TEXT[]), region = :region, onboarded_on = :onboardedOn,
					       owner_pam_id = :owner, tier = :tier, updated_at = :now, version = version + 1
					WHERE id = :id
					  AND (name, type, web_domain, verticals, capabilities, region, onboarded_on, owner_pam_id, tier)
					      IS DISTINCT FROM (CAST(:name AS TEXT), CAST(:type AS TEXT), CAST(:domain AS TEXT),
					      CAST(:verticals AS TEXT[]), CAST(:capabilities AS TEXT[]), CAST(:region AS TEXT),
					      CAST(:onboardedOn AS DATE), CAST(:owner AS BIGINT), CAST(:tier AS TEXT))
					""")
			.params(commandParams(command))
			.param("id", id)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	void setTier(long id, Tier tier, Instant now) {
		this.jdbc.sql("UPDATE partner SET tier = :tier, updated_at = :now, version = version + 1 WHERE id = :id")
			.param("tier", tier.name())
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	void changeLifecycle(long id, LifecycleStatus to, Long changedBy, Instant now, String reason,
			LifecycleStatus from) {
		this.jdbc.sql("""
				UPDATE partner SET lifecycle_status = :to, updated_at = :now, version = version + 1 WHERE id = :id
				""").param("to", to.name()).param("now", Timestamp.from(now)).param("id", id).update();
		this.jdbc
			.sql("""
					INSERT INTO partner_lifecycle_change (partner_id, from_status, to_status, changed_by, changed_at, reason)
					VALUES (:id, :from, :to, :by, :now, :reason)
					""")
			.param("id", id)
			.param("from", from == null ? null : from.name())
			.param("to", to.name())
			.param("by", changedBy)
			.param("now", Timestamp.from(now))
			.param("reason", reason)
			.update();
	}

	void setOnboardedOn(long id, java.time.LocalDate day) {
		this.jdbc.sql("UPDATE partner SET onboarded_on = :day WHERE id = :id")
			.param("day", day)
			.param("id", id)
			.update();
	}

	List<PartnerView> onboardedSince(java.time.LocalDate day) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM partner WHERE onboarded_on >= :day AND lifecycle_status <> 'SUNSET' ORDER BY onboarded_on, id
				""").param("day", day).query(PartnerRepository::view).list();
	}

	List<PartnerView> inStatuses(java.util.Set<LifecycleStatus> statuses) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM partner WHERE lifecycle_status IN (:statuses) ORDER BY id")
			.param("statuses", statuses.stream().map(Enum::name).toList())
			.query(PartnerRepository::view)
			.list();
	}

	java.time.LocalDate onboardedOn(long id) {
		return this.jdbc.sql("SELECT onboarded_on FROM partner WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> rs.getObject(1, java.time.LocalDate.class))
			.list()
			.stream()
			.findFirst()
			.orElse(null);
	}

	List<Long> idsOwnedBy(long pamId) {
		return this.jdbc.sql("SELECT id FROM partner WHERE owner_pam_id = :pam ORDER BY id FOR UPDATE")
			.param("pam", pamId)
			.query(Long.class)
			.list();
	}

	/** The owning PAM of a partner, read for authorisation only; empty when unknown. */
	Optional<Long> ownerPamOf(long partnerId) {
		return this.jdbc.sql("SELECT owner_pam_id FROM partner WHERE id = :id")
			.param("id", partnerId)
			.query(Long.class)
			.optional();
	}

	List<Long> idsInBook(long pamId) {
		return this.jdbc.sql("SELECT id FROM partner WHERE owner_pam_id = :pam ORDER BY id")
			.param("pam", pamId)
			.query(Long.class)
			.list();
	}

	/** Gives a whole book to another PAM; returns the ids moved. */
	List<Long> handOver(long fromPam, long toPam, Instant now) {
		return this.jdbc.sql("""
				UPDATE partner SET owner_pam_id = :to, updated_at = :now, version = version + 1
				WHERE owner_pam_id = :from RETURNING id
				""")
			.param("to", toPam)
			.param("from", fromPam)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.list();
	}

	List<LifecycleChange> history(long id) {
		return this.jdbc.sql("""
				SELECT from_status, to_status, changed_by, changed_at, reason FROM partner_lifecycle_change
				WHERE partner_id = :id ORDER BY changed_at DESC, id DESC
				""")
			.param("id", id)
			.query((rs, n) -> new LifecycleChange(
					rs.getString("from_status") == null ? null : LifecycleStatus.valueOf(rs.getString("from_status")),
					LifecycleStatus.valueOf(rs.getString("to_status")), rs.getObject("changed_by", Long.class),
					rs.getTimestamp("changed_at").toInstant(), rs.getString("reason")))
			.list();
	}

	Map<LifecycleStatus, Long> countByLifecycle(Viewer viewer, Long pamId) {
		var conditions = new ListConditions().when("id = :scopePartner", "scopePartner", viewer.scopePartnerId())
			.when("owner_pam_id = :pam", "pam", pamId);
		return this.jdbc
			.sql("SELECT lifecycle_status, count(*) AS n FROM partner " + conditions.where()
					+ " GROUP BY lifecycle_status")
			.params(conditions.parameters())
			.query((rs, n) -> Map.entry(LifecycleStatus.valueOf(rs.getString(1)), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private static Map<String, Object> commandParams(PartnerCommand command) {
		Map<String, Object> params = new java.util.HashMap<>();
		params.put("name", command.name().strip());
		params.put("type", command.type().name());
		params.put("domain", command.webDomain());
		// each label once, ignoring case, as first written
		params.put("verticals", arrayLiteral(DistinctLabels.of(command.verticals())));
		params.put("capabilities", arrayLiteral(DistinctLabels.of(command.capabilities())));
		params.put("region", command.region().strip());
		params.put("onboardedOn", command.onboardedOn());
		params.put("owner", command.ownerPamId());
		params.put("tier", command.tier().name());
		return params;
	}

	private static String arrayLiteral(List<String> values) {
		return values.stream()
			.map(v -> "\"" + v.strip().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
			.collect(Collectors.joining(",", "{", "}"));
	}

	private static PartnerView view(ResultSet rs, int row) throws SQLException {
		return new PartnerView(rs.getLong("id"), rs.getString("name"), PartnerType.valueOf(rs.getString("type")),
				rs.getString("web_domain"), strings(rs.getArray("verticals")), strings(rs.getArray("capabilities")),
				rs.getString("region"), rs.getObject("onboarded_on", java.time.LocalDate.class),
				rs.getLong("owner_pam_id"), LifecycleStatus.valueOf(rs.getString("lifecycle_status")),
				Tier.valueOf(rs.getString("tier")), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

}
