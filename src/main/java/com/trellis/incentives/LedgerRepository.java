package com.trellis.incentives;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.MinorUnits;
import com.trellis.shared.Reading;
import com.trellis.shared.StoredFigures;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class LedgerRepository {

	static final List<String> PAYABLE = List.of("SPIFF", "REFERRAL", "REBATE", "MDF_REIMBURSEMENT", "REVERSAL");

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final BusinessCalendar calendar;

	LedgerRepository(JdbcClient jdbc, ObjectMapper json, BusinessCalendar calendar) {
		this.calendar = calendar;
		this.jdbc = jdbc;
		this.json = json;
	}

	long insertProgram(ProgramCommand command, long userId, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO incentive_program (name, kind, currency, starts_on, ends_on, params, created_at, created_by)
				VALUES (:name, :kind, :currency, :starts, :ends, CAST(:params AS jsonb), :now, :by) RETURNING id
				""")
			.param("name", command.name().strip())
			.param("kind", command.kind().name())
			.param("currency", command.currency())
			.param("starts", command.startsOn())
			.param("ends", command.endsOn())
			.param("params", this.json.writeValueAsString(command.params()))
			.param("now", Timestamp.from(now))
			.param("by", userId)
			.query(Long.class)
			.single();
	}

	@SuppressWarnings("unchecked")
	List<Program> programs() {
		return this.jdbc.sql("""
				SELECT id, name, kind, currency, starts_on, ends_on, params::text FROM incentive_program ORDER BY id
				""").query((rs, n) -> {
			var kind = ProgramKind.valueOf(rs.getString(3));
			// decimals as stored (1000.50, not the double 1000.5), amounts at their scale
			Map<String, Object> params = this.json.readerFor(Map.class)
				.with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
				.readValue(rs.getString(7));
			return new Program(rs.getLong(1), rs.getString(2), kind, rs.getString(4), rs.getObject(5, LocalDate.class),
					rs.getObject(6, LocalDate.class), ProgramAmounts.atScale(kind, rs.getString(4), params));
		}).list();
	}

	/**
	 * Writes an earning once: a second write of the same program and source does nothing.
	 */
	boolean earn(long partnerId, Program program, String kind, Earned earned, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO incentive_earning (partner_id, program_id, kind, source_key, opportunity_id, period, amount,
				    currency, basis, earned_at)
				VALUES (:partner, :program, :kind, :key, :opportunity, :period, :amount, :currency, :basis, :now)
				ON CONFLICT (program_id, partner_id, source_key) DO NOTHING
				""")
			.param("partner", partnerId)
			.param("program", program.id())
			.param("kind", kind)
			.param("key", earned.sourceKey())
			.param("opportunity", earned.opportunityId())
			.param("period", earned.period())
			.param("amount", earned.amount())
			.param("currency", earned.currency())
			.param("basis", earned.basis())
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/** Serialises everything the ledger does for one deal (a win and its reopening). */
	void lockDeal(long opportunityId) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('incentive-deal:' || :deal, 0))")
			.param("deal", opportunityId)
			.query((rs, n) -> 1)
			.list();
	}

	boolean programsExist() {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM incentive_program)").query(Boolean.class).single();
	}

	boolean hasEarnings(long partnerId) {
		return this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM incentive_earning WHERE partner_id = :partner AND kind IN (:payable))")
			.param("partner", partnerId)
			.param("payable", PAYABLE)
			.query(Boolean.class)
			.single();
	}

	long reversalsOf(long programId, long opportunityId) {
		return this.jdbc
			.sql("""
					SELECT count(*) FROM incentive_earning WHERE program_id = :program AND opportunity_id = :deal AND kind = 'REVERSAL'
					""")
			.param("program", programId)
			.param("deal", opportunityId)
			.query(Long.class)
			.single();
	}

	/**
	 * Marks a deal correction as applied; false when it was applied before (a redelivered
	 * event).
	 */
	boolean claimCorrection(long correctionId, long opportunityId, Instant now) {
		return this.jdbc
			.sql("""
					INSERT INTO incentive_correction (correction_id, opportunity_id, applied_at) VALUES (:correction, :deal, :now)
					ON CONFLICT (correction_id) DO NOTHING
					""")
			.param("correction", correctionId)
			.param("deal", opportunityId)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/**
	 * Records that a deal's win was judged by the rules; true the first time only.
	 */
	boolean claimWin(long opportunityId, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO incentive_deal_win (opportunity_id, first_judged_at) VALUES (:deal, :now)
				ON CONFLICT (opportunity_id) DO NOTHING
				""").param("deal", opportunityId).param("now", Timestamp.from(now)).update() == 1;
	}

	/**
	 * What a deal holds today under one program, per currency: its earnings net of
	 * reversals and adjustments.
	 */
	Map<String, BigDecimal> heldFor(long programId, long opportunityId) {
		var held = new java.util.TreeMap<String, BigDecimal>();
		this.jdbc
			.sql("""
					SELECT currency, sum(amount) FROM incentive_earning WHERE program_id = :program AND opportunity_id = :deal
					GROUP BY currency
					""")
			.param("program", programId)
			.param("deal", opportunityId)
			.query((rs, n) -> held.put(rs.getString(1), rs.getBigDecimal(2)))
			.list();
		return held;
	}

	/**
	 * Reverses every earning on a deal that is not reversed yet; returns the reversals.
	 */
	List<Reversal> reverseDeal(long opportunityId, String why, Instant now) {
		return reverseDeal(opportunityId, null, why, now);
	}

	/**
	 * Reverses the earnings on a deal not reversed yet, under one program ({@code null}:
	 * every program); returns the reversals.
	 */
	List<Reversal> reverseDeal(long opportunityId, Long programId, String why, Instant now) {
		return this.jdbc
			.sql("""
					INSERT INTO incentive_earning (partner_id, program_id, kind, source_key, opportunity_id, period, amount,
					    currency, basis, earned_at, reverses_id)
					SELECT e.partner_id, e.program_id, 'REVERSAL', 'reversal:' || e.id, e.opportunity_id, e.period, -e.amount,
					       e.currency, 'reversal of earning ' || e.id || ': ' || CAST(:why AS TEXT), :now, e.id
					FROM incentive_earning e
					WHERE e.opportunity_id = :deal AND e.kind <> 'REVERSAL'
					  AND (CAST(:program AS BIGINT) IS NULL OR e.program_id = :program)
					  AND NOT EXISTS (SELECT 1 FROM incentive_earning r WHERE r.reverses_id = e.id)
					ON CONFLICT DO NOTHING
					RETURNING partner_id, program_id, source_key, amount, currency
					""")
			.param("deal", opportunityId)
			.param("program", programId, java.sql.Types.BIGINT)
			.param("why", why)
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new Reversal(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBigDecimal(4),
					rs.getString(5)))
			.list();
	}

	/** A reversal just written: who loses how much under which program. */
	record Reversal(long partnerId, long programId, String sourceKey, BigDecimal amount, String currency) {

		Reversal {
			amount = MinorUnits.round(amount, currency);
		}

	}

	List<LedgerEntry> ledger(long partnerId) {
		return this.jdbc
			.sql("""
					SELECT e.id, e.partner_id, e.program_id, e.kind, e.opportunity_id, e.period, e.amount, e.currency, e.basis,
					       e.earned_at, e.reverses_id, i.run_id
					FROM incentive_earning e LEFT JOIN payout_item i ON i.earning_id = e.id
					WHERE e.partner_id = :partner ORDER BY e.earned_at DESC, e.id DESC
					""")
			.param("partner", partnerId)
			.query((rs, n) -> new LedgerEntry(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
					rs.getObject(5, Long.class), rs.getString(6),
					MinorUnits.round(rs.getBigDecimal(7), rs.getString(8)), rs.getString(8),
					StoredFigures.render(rs.getString(9), Reading.locale(this.calendar.locale())),
					rs.getTimestamp(10).toInstant(), rs.getObject(11, Long.class), rs.getObject(12, Long.class)))
			.list();
	}

	/** Program cost per partner: everything earned that is paid out, per currency. */
	/** Each partner's payable total per currency, unranked (ranked after conversion). */
	List<ProgramCost.Line> costPerPartnerAndCurrency() {
		return this.jdbc.sql("""
				SELECT partner_id, currency, sum(amount) AS total, count(*) AS entries FROM incentive_earning
				WHERE kind IN ('SPIFF', 'REFERRAL', 'REBATE', 'MDF_REIMBURSEMENT', 'REVERSAL')
				GROUP BY partner_id, currency
				""")
			.query((rs, n) -> new ProgramCost.Line(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getLong(4)))
			.list();
	}

	/** Gives a badge; true when the partner did not hold it yet. */
	boolean award(long partnerId, String badge, String period, String reason, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO partner_badge (partner_id, badge, period, reason, awarded_at)
				VALUES (:partner, :badge, :period, :reason, :now) ON CONFLICT DO NOTHING
				""")
			.param("partner", partnerId)
			.param("badge", badge)
			.param("period", period)
			.param("reason", reason)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/** Takes a badge back; true when the partner held it. */
	boolean takeBack(long partnerId, String badge, String period) {
		return this.jdbc
			.sql("DELETE FROM partner_badge WHERE partner_id = :partner AND badge = :badge AND period = :period")
			.param("partner", partnerId)
			.param("badge", badge)
			.param("period", period)
			.update() == 1;
	}

	/** Serialises the decisions about one partner's badges. */
	void lockBadges(long partnerId) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('incentive-badges:' || :partner, 0))")
			.param("partner", partnerId)
			.query((rs, n) -> 1)
			.list();
	}

	List<Map<String, Object>> badges(long partnerId) {
		return this.jdbc
			.sql("""
					SELECT badge, period, reason, awarded_at FROM partner_badge WHERE partner_id = :partner ORDER BY awarded_at DESC
					""")
			.param("partner", partnerId)
			.query((rs, n) -> Map.<String, Object>of("badge", rs.getString(1), "period", rs.getString(2), "reason",
					rs.getString(3), "awardedAt", rs.getTimestamp(4).toInstant()))
			.list();
	}

}
