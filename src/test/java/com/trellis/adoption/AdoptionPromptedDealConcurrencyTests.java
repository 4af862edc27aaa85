package com.trellis.adoption;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.trellis.identity.Role;
import com.trellis.shared.ConflictException;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A prompt and a partner put on the same deal by two transactions at once, in either
 * order of their writes and commits, leave the deal among the kept prompted partner deals
 * ({@code adoption_prompted_deal}, V314): the later writer waits for the earlier one's
 * commit and then sees its write.
 */
@TrellisTest
class AdoptionPromptedDealConcurrencyTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Adoption adoption;

	@Autowired
	com.trellis.support.Fixtures fixtures;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aPartnerPutOnFirstThenAPromptKeepsTheDeal() throws Exception {
		race(true);
	}

	@Test
	void aPromptFirstThenAPartnerPutOnKeepsTheDeal() throws Exception {
		race(false);
	}

	/**
	 * A manager's prompt read the deal open and without a partner while a partner was
	 * being put on it or it was being closed: the prompt waits for that and is refused,
	 * where it was stored and stayed open on a deal whose partner came first or that was
	 * closed (try17, try18).
	 */
	@Test
	void aPartnerPutOnWhileAManagerPromptsRefusesThePrompt() throws Exception {
		promptWhile(this::putPartner, "already has a partner");
	}

	@Test
	void aDealClosedWhileAManagerPromptsRefusesThePrompt() throws Exception {
		promptWhile(deal -> () -> this.jdbc
			.sql("UPDATE opportunity SET stage = 'CLOSED_LOST', closed_at = now() WHERE id = :id")
			.param("id", deal)
			.update(), "the deal is closed");
	}

	private void promptWhile(java.util.function.LongFunction<Runnable> change, String refusal) throws Exception {
		var manager = this.fixtures.user(Role.SALES_MANAGER);
		var rep = this.fixtures.user(Role.AE, null, manager.userId());
		long deal = newDeal(rep.userId());
		var first = begin();
		change.apply(deal).run();
		var prompt = CompletableFuture.supplyAsync(() -> this.adoption.prompt(manager, deal, null, null));
		Thread.sleep(500);
		assertThat(prompt).as("the prompt waits for the change").isNotDone();
		this.transactions.commit(first);
		assertThatThrownBy(() -> prompt.get(20, TimeUnit.SECONDS)).hasCauseInstanceOf(ConflictException.class)
			.hasMessageContaining(refusal);
		assertThat(this.jdbc.sql("SELECT count(*) FROM partner_prompt WHERE opportunity_id = :id")
			.param("id", deal)
			.query(Long.class)
			.single()).isZero();
	}

	/** A direct deal of the rep, created now. */
	private long newDeal(long rep) {
		long account = this.fixtures.account("Prompt race customer", null, rep);
		return this.fixtures.deal(account, rep, null, java.time.Instant.now());
	}

	private Runnable putPartner(long deal) {
		long partner = this.jdbc.sql("SELECT min(id) FROM partner").query(Long.class).single();
		return () -> this.jdbc.sql(
				"UPDATE opportunity SET partner_id = :partner, credit_type = 'INFLUENCED', source = 'PARTNER' WHERE id = :id")
			.param("partner", partner)
			.param("id", deal)
			.update();
	}

	private void race(boolean partnerFirst) throws Exception {
		long deal = newDeal(this.fixtures.user(Role.AE).userId());
		Runnable putPartner = putPartner(deal);
		Runnable prompt = () -> this.jdbc.sql("""
				INSERT INTO partner_prompt (opportunity_id, manager_id, rep_id, prompted_at)
				SELECT id, owner_id, owner_id, now() FROM opportunity WHERE id = :id""").param("id", deal).update();
		var first = begin();
		(partnerFirst ? putPartner : prompt).run();
		var second = CompletableFuture.runAsync(() -> {
			var tx = begin();
			(partnerFirst ? prompt : putPartner).run();
			this.transactions.commit(tx);
		});
		Thread.sleep(500);
		assertThat(second).as("the second writer waits for the first").isNotDone();
		this.transactions.commit(first);
		second.get(20, TimeUnit.SECONDS);
		try {
			assertThat(this.jdbc.sql("SELECT count(*) FROM adoption_prompted_deal WHERE opportunity_id = :id")
				.param("id", deal)
				.query(Long.class)
				.single()).as("the deal is kept").isEqualTo(1L);
		}
		finally {
			this.jdbc.sql("DELETE FROM partner_prompt WHERE opportunity_id = :id").param("id", deal).update();
			this.jdbc.sql("DELETE FROM opportunity WHERE id = :id").param("id", deal).update();
		}
	}

	private TransactionStatus begin() {
		var definition = new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return this.transactions.getTransaction(definition);
	}

}
