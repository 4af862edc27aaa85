package com.trellis.adoption;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

import static org.assertj.core.api.Assertions.assertThat;

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
	PlatformTransactionManager transactions;

	@Test
	void aPartnerPutOnFirstThenAPromptKeepsTheDeal() throws Exception {
		race(true);
	}

	@Test
	void aPromptFirstThenAPartnerPutOnKeepsTheDeal() throws Exception {
		race(false);
	}

	private void race(boolean partnerFirst) throws Exception {
		long deal = this.jdbc.sql("""
				INSERT INTO opportunity (account_id, name, amount, currency, stage, close_date, owner_id, source,
				                         stage_entered_at, created_at, updated_at)
				SELECT account_id, 'Prompt race', amount, currency, 'REGISTERED', close_date, owner_id, 'DIRECT',
				       now(), now(), now()
				FROM opportunity WHERE id = (SELECT min(id) FROM opportunity) RETURNING id""")
			.query(Long.class)
			.single();
		long partner = this.jdbc.sql("SELECT min(id) FROM partner").query(Long.class).single();
		Runnable putPartner = () -> this.jdbc.sql(
				"UPDATE opportunity SET partner_id = :partner, credit_type = 'INFLUENCED', source = 'PARTNER' WHERE id = :id")
			.param("partner", partner)
			.param("id", deal)
			.update();
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
