package com.trellis.activation;

import java.util.List;

import com.trellis.identity.Role;
import com.trellis.shared.InvalidInputException;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@TrellisTest
class ActivationTemplateTests {

	@Autowired
	ActivationPlans plans;

	@Autowired
	Fixtures fixtures;

	/**
	 * try12: an unknown code was named {@code code} (not its place), one milestone named
	 * twice was taken (the last winning), and an empty edit was audited as a change.
	 */
	@Test
	void aTemplateEditNamesEachUnknownOrRepeatedCodeByItsPlaceAndAnEmptyOneChangesNothing() {
		var admin = this.fixtures.user(Role.ADMIN);
		var original = this.plans.template();
		long audited = this.fixtures.count("audit_entry WHERE entity_type = 'activation-template'");
		assertThatThrownBy(() -> this.plans.editTemplate(admin,
				List.of(new TemplateMilestone("ACCOUNTS_MAPPED", "First", 20, "PARTNER"),
						new TemplateMilestone("NOPE", "Unknown", 20, "PARTNER"),
						new TemplateMilestone("ACCOUNTS_MAPPED", "Second", 30, "PARTNER"))))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
						.containsExactly("milestones[1].code", "milestones[2].code"));
		assertThat(this.plans.template()).isEqualTo(original);
		this.plans.editTemplate(admin, List.of());
		assertThat(this.fixtures.count("audit_entry WHERE entity_type = 'activation-template'")).isEqualTo(audited);
	}

}
