package com.trellis.notify;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PartnerNoticeKindTest {

	@Test
	void eachCodeTheModulesSendFallsUnderTheKindAPartnerUserChoosesBy() {
		assertThat(PartnerNoticeKind.of("REGISTRATION_APPROVED")).isEqualTo(PartnerNoticeKind.REGISTRATION);
		assertThat(PartnerNoticeKind.of("REGISTRATION_DEAL_LOST")).isEqualTo(PartnerNoticeKind.REGISTRATION);
		assertThat(PartnerNoticeKind.of("LEAD_DECLINED")).isEqualTo(PartnerNoticeKind.LEAD);
		assertThat(PartnerNoticeKind.of("DEAL_DISQUALIFIED")).isEqualTo(PartnerNoticeKind.DEAL);
		assertThat(PartnerNoticeKind.of("CREDIT_DISPUTE_UPHELD")).isEqualTo(PartnerNoticeKind.CREDIT_DISPUTE);
		assertThat(PartnerNoticeKind.of("EARNING")).isEqualTo(PartnerNoticeKind.EARNING);
		assertThat(PartnerNoticeKind.of("PAYOUT")).isEqualTo(PartnerNoticeKind.PAYOUT);
		assertThat(PartnerNoticeKind.of("FIRST_WIN")).isEqualTo(PartnerNoticeKind.ACTIVATION);
		assertThat(PartnerNoticeKind.of("MILESTONE_OVERDUE")).isEqualTo(PartnerNoticeKind.ACTIVATION);
		assertThat(PartnerNoticeKind.of("TIER_CHANGED")).isEqualTo(PartnerNoticeKind.TIER);
	}

	@Test
	void aCodeNoKindNamesIsOtherSoItIsStillDeliveredByTheUsersChoiceForOther() {
		assertThat(PartnerNoticeKind.of("SOMETHING_NEW")).isEqualTo(PartnerNoticeKind.OTHER);
		assertThat(PartnerNoticeKind.of(null)).isEqualTo(PartnerNoticeKind.OTHER);
	}

}
