package com.trellis.incentives;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.trellis.identity.Role;
import com.trellis.shared.InvalidInputException;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An MDF request in another currency than the fund's is compared with the fund after
 * conversion, and keeps its own currency.
 */
@TrellisTest
class MdfCurrencyTests {

	@Autowired
	Incentives incentives;

	@Autowired
	MarketDevelopmentFunds mdf;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aEuroRequestIsApprovedAndClaimedAgainstADollarFund() {
		var fund = this.incentives.createProgram(this.fixtures.user(Role.ADMIN),
				new ProgramCommand("MDF dollars " + System.nanoTime(), ProgramKind.MDF, "USD", LocalDate.of(2026, 1, 1),
						null, Map.of("tiers", List.of(Map.of("threshold", "1", "value", "25000.00")))));
		var northwind = this.fixtures.world("Northwind Euro Requests");
		this.jdbc
			.sql("""
					INSERT INTO incentive_earning (partner_id, program_id, kind, source_key, amount, currency, basis, earned_at)
					VALUES (?, ?, 'MDF_FUND', 'mdf:test', 25000.00, 'USD', 'test', ?)
					""")
			.params(northwind.partnerId(), fund.id(), Timestamp.from(Instant.now()))
			.update();
		var request = this.mdf.request(northwind.partnerUser(), northwind.partnerId(), new MdfCommand(
				"Trade fair stand", new BigDecimal("1000.00"), "EUR", new BigDecimal("50000"), new BigDecimal("1000")));

		var approved = this.mdf.decide(northwind.pam(), request.id(), true, new BigDecimal("1000.00"), null);
		assertThat(approved.status()).isEqualTo("APPROVED");
		var claimed = this.mdf.claim(northwind.partnerUser(), request.id(), new BigDecimal("1000.00"), "invoice 88");
		assertThat(claimed.currency()).isEqualTo("EUR");

		// USD 25,000.00 at 1.08 is EUR 23,148.15; EUR 1,000.00 of it is claimed
		var big = this.mdf.request(northwind.partnerUser(), northwind.partnerId(), new MdfCommand("Road show",
				new BigDecimal("30000.00"), "EUR", new BigDecimal("900000"), new BigDecimal("30000")));
		assertThatThrownBy(() -> this.mdf.decide(northwind.pam(), big.id(), true, new BigDecimal("30000.00"), null))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("free in the partner's fund: EUR 22,148.15");
	}

}
