package com.trellis.plays;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.trellis.partners.PartnerType;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The play library and the uses of plays on deals. Uses are read within the viewer's
 * partner scope ({@code :scopePartner}).
 */
@Repository
class PlayRepository {

	private static final String VERSION_COLUMNS = """
			v.play_id, v.version, p.current_version, v.title, v.moment, v.for_role, v.buyer, v.why_partner,
			v.when_to_bring, v.problem, v.partner_types, v.verticals, v.capabilities, v.written_at, v.written_by
			""";

	private final JdbcClient jdbc;

	PlayRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long create(long by, Instant at) {
		return this.jdbc
			.sql("INSERT INTO play (current_version, created_at, created_by) VALUES (1, :at, :by) RETURNING id")
			.param("at", Timestamp.from(at))
			.param("by", by)
			.query(Long.class)
			.single();
	}

	/** The next version number of the play, locking it so two edits cannot both be it. */
	Optional<Integer> lockForEdit(long playId) {
		return this.jdbc.sql("SELECT current_version FROM play WHERE id = :id FOR UPDATE")
			.param("id", playId)
			.query(Integer.class)
			.optional()
			.map(v -> v + 1);
	}

	void writeVersion(long playId, int version, PlayCheck.Written play, long by, Instant at) {
		this.jdbc.sql("""
				INSERT INTO play_version (play_id, version, title, moment, for_role, buyer, why_partner, when_to_bring,
				                          problem, partner_types, verticals, capabilities, written_at, written_by)
				VALUES (:play, :version, :title, :moment, :role, :buyer, :why, :when, :problem,
				        CAST(:types AS TEXT[]), CAST(:verticals AS TEXT[]), CAST(:capabilities AS TEXT[]), :at, :by)
				""")
			.param("play", playId)
			.param("version", version)
			.param("title", play.title())
			.param("moment", play.moment().name())
			.param("role", play.role().name())
			.param("buyer", play.buyer())
			.param("why", play.whyPartner())
			.param("when", play.whenToBring())
			.param("problem", play.problem())
			.param("types", arrayLiteral(play.partnerTypes().stream().map(Enum::name).toList()))
			.param("verticals", arrayLiteral(play.verticals()))
			.param("capabilities", arrayLiteral(play.capabilities()))
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update();
		this.jdbc.sql("UPDATE play SET current_version = :version WHERE id = :play")
			.param("play", playId)
			.param("version", version)
			.update();
	}

	/** The current version of every play, by title. */
	List<PlayView> library() {
		return this.jdbc.sql("""
				SELECT %s FROM play p JOIN play_version v ON v.play_id = p.id AND v.version = p.current_version
				ORDER BY v.moment, lower(v.title), p.id
				""".formatted(VERSION_COLUMNS)).query(PlayRepository::version).list();
	}

	/** As {@link #library()}, filtered (each null filter left out). */
	List<PlayView> library(String q, SalesMoment moment, PlayRole role) {
		return this.jdbc.sql("""
				SELECT %s FROM play p JOIN play_version v ON v.play_id = p.id AND v.version = p.current_version
				WHERE (CAST(:q AS TEXT) IS NULL OR strpos(lower(v.title), lower(CAST(:q AS TEXT))) > 0)
				  AND (CAST(:moment AS TEXT) IS NULL OR v.moment = CAST(:moment AS TEXT))
				  AND (CAST(:role AS TEXT) IS NULL OR v.for_role = CAST(:role AS TEXT))
				ORDER BY v.moment, lower(v.title), p.id
				""".formatted(VERSION_COLUMNS))
			.param("q", q)
			.param("moment", moment == null ? null : moment.name())
			.param("role", role == null ? null : role.name())
			.query(PlayRepository::version)
			.list();
	}

	Optional<PlayView> current(long playId) {
		return this.jdbc.sql("""
				SELECT %s FROM play p JOIN play_version v ON v.play_id = p.id AND v.version = p.current_version
				WHERE p.id = :id
				""".formatted(VERSION_COLUMNS)).param("id", playId).query(PlayRepository::version).optional();
	}

	/** Every version of the play, newest first. */
	List<PlayView> versions(long playId) {
		return this.jdbc.sql("""
				SELECT %s FROM play p JOIN play_version v ON v.play_id = p.id WHERE p.id = :id ORDER BY v.version DESC
				""".formatted(VERSION_COLUMNS)).param("id", playId).query(PlayRepository::version).list();
	}

	/** Records the use; false when the play is on the deal already. */
	boolean use(long playId, int version, long opportunityId, long partnerId, long by, Instant at, String note) {
		return this.jdbc.sql("""
				INSERT INTO play_use (play_id, version, opportunity_id, partner_id, used_by, used_at, note)
				VALUES (:play, :version, :deal, :partner, :by, :at, :note)
				ON CONFLICT (opportunity_id, play_id) DO NOTHING
				""")
			.param("play", playId)
			.param("version", version)
			.param("deal", opportunityId)
			.param("partner", partnerId)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.param("note", note)
			.update() == 1;
	}

	/** The plays used on a deal, within the viewer's partner scope, oldest first. */
	List<PlayUse> usesOfDeal(long opportunityId, Long scopePartner) {
		return this.jdbc.sql("""
				SELECT u.id, u.play_id, u.version, v.title, v.moment, u.opportunity_id, u.partner_id, u.used_by,
				       u.used_at, u.note
				FROM play_use u JOIN play_version v ON v.play_id = u.play_id AND v.version = u.version
				WHERE u.opportunity_id = :deal
				  AND (CAST(:scopePartner AS BIGINT) IS NULL OR u.partner_id = :scopePartner)
				ORDER BY u.used_at, u.id
				""")
			.param("deal", opportunityId)
			.param("scopePartner", scopePartner)
			.query((rs, n) -> new PlayUse(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
					SalesMoment.valueOf(rs.getString(5)), rs.getLong(6), rs.getLong(7), rs.getLong(8),
					rs.getTimestamp(9).toInstant(), rs.getString(10)))
			.list();
	}

	/** The version of the play a deal used, or empty. */
	Optional<PlayView> versionOf(long playId, int version) {
		return this.jdbc.sql("""
				SELECT %s FROM play p JOIN play_version v ON v.play_id = p.id WHERE p.id = :id AND v.version = :version
				""".formatted(VERSION_COLUMNS))
			.param("id", playId)
			.param("version", version)
			.query(PlayRepository::version)
			.optional();
	}

	private static PlayView version(ResultSet rs, int n) throws SQLException {
		return new PlayView(rs.getLong("play_id"), rs.getInt("version"), rs.getInt("current_version"),
				rs.getString("title"), SalesMoment.valueOf(rs.getString("moment")),
				PlayRole.valueOf(rs.getString("for_role")), rs.getString("buyer"), rs.getString("why_partner"),
				rs.getString("when_to_bring"), rs.getString("problem"),
				texts(rs.getArray("partner_types")).stream().map(PartnerType::valueOf).toList(),
				texts(rs.getArray("verticals")), texts(rs.getArray("capabilities")),
				rs.getTimestamp("written_at").toInstant(), rs.getLong("written_by"));
	}

	private static String arrayLiteral(List<String> values) {
		return values.stream()
			.map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
			.collect(java.util.stream.Collectors.joining(",", "{", "}"));
	}

	private static List<String> texts(Array array) throws SQLException {
		return Arrays.asList((String[]) array.getArray());
	}

}
