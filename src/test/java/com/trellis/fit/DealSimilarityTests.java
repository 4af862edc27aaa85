package com.trellis.fit;

import java.math.BigDecimal;
import java.time.Instant;

import com.trellis.deals.DealProfile;
import com.trellis.deals.Stage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DealSimilarityTests {

	private static final DealProfile DEAL = deal(1, "Manufacturing", "201-1000", "DE", "60000");

	@Test
	void aWonDealInAnotherIndustryIsNotSimilarWhateverElseItShares() {
		assertThat(DealSimilarity.of(DEAL, deal(2, "Retail", "201-1000", "DE", "60000"))).isEmpty();
	}

	@Test
	void theSameIndustryIsOnePointAndEachFurtherTraitAlikeAddsOneWithItsReason() {
		var industryOnly = DealSimilarity.of(DEAL, deal(2, "manufacturing ", "1-50", "FR", "900000")).orElseThrow();
		assertThat(industryOnly.points()).isEqualTo(1);
		assertThat(industryOnly.reason()).isEqualTo("industry Manufacturing");

		var alike = DealSimilarity.of(DEAL, deal(3, "Manufacturing", "201-1000", "DE", "99999.99")).orElseThrow();
		assertThat(alike.points()).isEqualTo(4);
		assertThat(alike.reason())
			.isEqualTo("industry Manufacturing, 201-1000 employees, country DE, deal size 25,000–100,000");
	}

	@Test
	void anUnknownTraitOnEitherSideDoesNotMatch() {
		var unknown = deal(1, "Manufacturing", null, null, null);
		assertThat(DealSimilarity.of(unknown, deal(2, "Manufacturing", null, null, null)).orElseThrow().points())
			.isEqualTo(1);
		assertThat(DealSimilarity.of(deal(1, null, null, null, null), deal(2, null, null, null, null))).isEmpty();
	}

	@Test
	void dealSizeBandsAreCutAt25kAnd100kAnd500kInTheReportingCurrency() {
		assertThat(DealSimilarity.sizeBand(new BigDecimal("24999.99"))).isEqualTo("under 25,000");
		assertThat(DealSimilarity.sizeBand(new BigDecimal("25000"))).isEqualTo("25,000–100,000");
		assertThat(DealSimilarity.sizeBand(new BigDecimal("100000"))).isEqualTo("100,000–500,000");
		assertThat(DealSimilarity.sizeBand(new BigDecimal("500000"))).isEqualTo("500,000 and more");
		assertThat(DealSimilarity.sizeBand(null)).isNull();
	}

	static DealProfile deal(long id, String industry, String band, String country, String amount) {
		return new DealProfile(id, "Deal " + id, 7L, 1L, Stage.CLOSED_WON, industry, band, country,
				amount == null ? null : new BigDecimal(amount), Instant.parse("2026-06-01T10:00:00Z"));
	}

}
