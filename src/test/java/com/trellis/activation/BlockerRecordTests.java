package com.trellis.activation;

import java.time.LocalDate;

import com.trellis.shared.ConflictException;
import com.trellis.shared.NotFoundException;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A blocker is recorded once while it is open, and only on a partner with an activation
 * plan; a refused record changes nothing, the audit log included (try68: a repeat
 * answered as recorded and was audited again; a partner without a plan took a blocker no
 * page shows).
 */
@TrellisTest
class BlockerRecordTests {

	@Autowired
	ActivationPlans plans;

	@Autowired
	ActivationProgress progress;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aBlockerOfAKindAlreadyOpenIsRefusedAndNotAuditedAgain() {
		var world = this.fixtures.world("Twice Blocked");
		this.progress.start(world.partnerId(), LocalDate.of(2026, 11, 22));
		var open = this.plans.recordBlocker(world.pam(), world.partnerId(), Blocker.ICP_UNCLEAR, "No clear buyer");
		long audited = audited(world.partnerId());
		assertThatThrownBy(() -> this.plans.recordBlocker(world.pam(), world.partnerId(), Blocker.ICP_UNCLEAR, "Again"))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("blocker");
		assertThat(audited(world.partnerId())).isEqualTo(audited);
		assertThat(this.plans.plan(world.pam(), world.partnerId()).blockers()).isEqualTo(open);
		// once resolved, the same kind is recorded again
		this.plans.resolveBlocker(world.pam(), world.partnerId(), open.get(0).id());
		assertThat(this.plans.recordBlocker(world.pam(), world.partnerId(), Blocker.ICP_UNCLEAR, null)).hasSize(1);
	}

	@Test
	void aPartnerWithoutAnActivationPlanTakesNoBlocker() {
		var world = this.fixtures.world("Planless Partner");
		this.jdbc.sql("DELETE FROM activation_milestone WHERE partner_id = ?").param(world.partnerId()).update();
		this.jdbc.sql("DELETE FROM activation_plan WHERE partner_id = ?").param(world.partnerId()).update();
		long audited = audited(world.partnerId());
		assertThatThrownBy(
				() -> this.plans.recordBlocker(world.pam(), world.partnerId(), Blocker.GTM_MISALIGNMENT, null))
			.isInstanceOf(NotFoundException.class)
			.hasMessageContaining("Activation plan");
		assertThat(this.jdbc.sql("SELECT count(*) FROM partner_blocker WHERE partner_id = ?")
			.param(world.partnerId())
			.query(Long.class)
			.single()).isZero();
		assertThat(audited(world.partnerId())).isEqualTo(audited);
	}

	private long audited(long partnerId) {
		return this.jdbc.sql(
				"SELECT count(*) FROM audit_entry WHERE entity_type = 'partner' AND entity_id = ? AND action LIKE 'blocker%'")
			.param(String.valueOf(partnerId))
			.query(Long.class)
			.single();
	}

}
