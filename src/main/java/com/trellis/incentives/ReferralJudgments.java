package com.trellis.incentives;

import java.util.List;

import com.trellis.shared.SqlIds;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The referral programs that judged a deal at its first win (table
 * {@code incentive_deal_program}): every referral program in force on the deal's close
 * day then, whether it earned anything or not. Corrections, credit decisions and later
 * wins of the deal are settled under exactly these programs.
 */
@Repository
class ReferralJudgments {

	private final JdbcClient jdbc;

	ReferralJudgments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records the programs that judged the deal's first win (once; a repeat is ignored).
	 */
	void record(long opportunityId, List<Long> programIds) {
		if (programIds.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				INSERT INTO incentive_deal_program (opportunity_id, program_id)
				SELECT :deal, unnest(CAST(:programs AS bigint[]))
				ON CONFLICT DO NOTHING
				""").param("deal", opportunityId).param("programs", SqlIds.array(programIds)).update();
	}

	/** The referral programs that judged the deal at its first win, by id. */
	List<Long> of(long opportunityId) {
		return this.jdbc.sql("SELECT program_id FROM incentive_deal_program WHERE opportunity_id = :deal ORDER BY 1")
			.param("deal", opportunityId)
			.query(Long.class)
			.list();
	}

}
