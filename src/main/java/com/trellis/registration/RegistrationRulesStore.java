package com.trellis.registration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

import com.trellis.shared.SqlPipeline;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The program's one row of rules of engagement ({@code registration_rules}, id 1):
 * protection days, the later-registration rule, the approval SLA in business days, the
 * extension days and the default credit shares. Without the row the defaults
 * ({@link RegistrationRules#DEFAULTS}) apply. Split from {@link RegistrationRepository},
 * which keeps the registrations' own rows.
 */
@Repository
class RegistrationRulesStore {

	private static final String RULES = """
			SELECT protection_days, later_registration, approval_sla_business_days, extension_days, sourced_share,
			       influenced_share, co_sell_share
			FROM registration_rules WHERE id = 1
			""";

	private final JdbcClient jdbc;

	RegistrationRulesStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The rules in force, read now. */
	RegistrationRules rules() {
		return this.jdbc.sql(RULES)
			.query(RegistrationRulesStore::rulesRow)
			.optional()
			.orElse(RegistrationRules.DEFAULTS);
	}

	/** As {@link #rules()}, read when the caller sends its pipeline. */
	Supplier<RegistrationRules> rules(SqlPipeline pipeline) {
		var read = pipeline.query(RULES, Map.of(), RegistrationRulesStore::rulesRow);
		return () -> read.get().stream().findFirst().orElse(RegistrationRules.DEFAULTS);
	}

	/** Stores the rules as the given user's change at the given instant. */
	void save(RegistrationRules rules, long userId, Instant at) {
		this.jdbc.sql("""
				UPDATE registration_rules SET protection_days = :protection, later_registration = :later,
				    approval_sla_business_days = :sla, extension_days = :extension, sourced_share = :sourced,
				    influenced_share = :influenced, co_sell_share = :coSell, updated_at = :at, updated_by = :by
				WHERE id = 1
				""")
			.param("protection", rules.protectionDays())
			.param("later", rules.laterRegistration().name())
			.param("sla", rules.approvalSlaBusinessDays())
			.param("extension", rules.extensionDays())
			.param("sourced", rules.sourcedShare())
			.param("influenced", rules.influencedShare())
			.param("coSell", rules.coSellShare())
			.param("at", Timestamp.from(at))
			.param("by", userId)
			.update();
	}

	private static RegistrationRules rulesRow(ResultSet rs, int n) throws SQLException {
		return new RegistrationRules(rs.getInt(1), RegistrationRules.LaterRegistration.valueOf(rs.getString(2)),
				rs.getInt(3), rs.getInt(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7));
	}

}
