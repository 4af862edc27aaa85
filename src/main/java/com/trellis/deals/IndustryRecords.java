package com.trellis.deals;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import com.trellis.shared.MinorUnits;
import com.trellis.shared.ReportingCurrency;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partner's record with us in one industry: its deals on accounts of that industry won
 * and lost, and the won amount in the reporting currency (deals in a currency without an
 * exchange rate are counted, not summed).
 */
@Service
public class IndustryRecords {

	private final JdbcClient jdbc;

	IndustryRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Each partner's record in the industry; a partner without closed deals has zeros.
	 */
	@Transactional(readOnly = true)
	public Map<Long, IndustryRecord> of(Collection<Long> partnerIds, String industry) {
		var records = new HashMap<Long, IndustryRecord>();
		partnerIds
			.forEach(id -> records.put(id, new IndustryRecord(id, industry, 0, 0, zero(), ReportingCurrency.CODE)));
		if (partnerIds.isEmpty() || industry == null || industry.isBlank()) {
			return records;
		}
		this.jdbc.sql("""
				SELECT o.partner_id, count(*) FILTER (WHERE o.stage = 'CLOSED_WON'),
				       count(*) FILTER (WHERE o.stage = 'CLOSED_LOST'),
				       coalesce(sum(%s) FILTER (WHERE o.stage = 'CLOSED_WON'), 0)
				FROM opportunity o JOIN account a ON a.id = o.account_id
				LEFT JOIN exchange_rate fx ON fx.currency = o.currency
				WHERE o.partner_id = ANY (CAST(:partners AS BIGINT[])) AND lower(a.industry) = lower(:industry)
				  AND o.stage IN ('CLOSED_WON', 'CLOSED_LOST')
				GROUP BY o.partner_id
				""".formatted(ReportingCurrency.DEAL_AMOUNT))
			.param("partners", com.trellis.shared.SqlIds.array(partnerIds))
			.param("industry", industry.strip())
			.query((rs, n) -> records.put(rs.getLong(1),
					new IndustryRecord(rs.getLong(1), industry, rs.getLong(2), rs.getLong(3),
							ReportingCurrency.round(rs.getBigDecimal(4)), ReportingCurrency.CODE)))
			.list();
		return records;
	}

	private static BigDecimal zero() {
		return ReportingCurrency.round(BigDecimal.ZERO);
	}

	/** Won and lost deals of a partner in an industry, and the won amount. */
	public record IndustryRecord(long partnerId, String industry, long won, long lost, BigDecimal wonAmount,
			String currency) {

		public IndustryRecord {
			wonAmount = MinorUnits.round(wonAmount, currency);
		}

	}

}
