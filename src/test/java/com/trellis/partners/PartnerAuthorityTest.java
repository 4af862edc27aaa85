package com.trellis.partners;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PartnerAuthorityTest {

	private static final long PARTNER = 7;

	private static final long OWNING_PAM = 100;

	@Test
	void aPamActsAndDecidesOnlyForTheirOwnBook() {
		var owner = new Viewer(OWNING_PAM, "Owner", Role.PAM, null);
		var other = new Viewer(101, "Other", Role.PAM, null);
		assertThat(PartnerAuthority.actsFor(owner, PARTNER, OWNING_PAM).allowed()).isTrue();
		assertThat(PartnerAuthority.manages(owner, OWNING_PAM).allowed()).isTrue();
		var refused = PartnerAuthority.actsFor(other, PARTNER, OWNING_PAM);
		assertThat(refused.allowed()).isFalse();
		assertThat(refused.reason()).contains("book");
		assertThat(PartnerAuthority.manages(other, OWNING_PAM).allowed()).isFalse();
	}

	@Test
	void aPartnerUserActsForTheirOwnPartnerAndDecidesNothing() {
		var own = new Viewer(5, "Partner user", Role.PARTNER, PARTNER);
		var foreign = new Viewer(6, "Other partner user", Role.PARTNER, 8L);
		assertThat(PartnerAuthority.actsFor(own, PARTNER, OWNING_PAM).allowed()).isTrue();
		assertThat(PartnerAuthority.actsFor(foreign, PARTNER, OWNING_PAM).allowed()).isFalse();
		assertThat(PartnerAuthority.manages(own, OWNING_PAM).allowed()).isFalse();
	}

	@Test
	void anAdminDecidesForEveryPartnerAndOtherStaffDecideForNone() {
		assertThat(PartnerAuthority.manages(new Viewer(1, "Admin", Role.ADMIN, null), OWNING_PAM).allowed()).isTrue();
		var ae = new Viewer(2, "AE", Role.AE, null);
		assertThat(PartnerAuthority.manages(ae, OWNING_PAM).allowed()).isFalse();
		assertThat(PartnerAuthority.actsFor(ae, PARTNER, OWNING_PAM).allowed()).isTrue();
	}

}
