package com.trellis.notify;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;

import com.icegreen.greenmail.util.GreenMail;
import com.trellis.adoption.Adoption;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

/**
 * A sales manager's "Prompt the rep" on the pipeline review: a repeated prompt (a double
 * click, two requests at once) stores one prompt, the database refuses a second open one,
 * and the rep hears of the prompt once, in the inbox and by e-mail through the real SMTP
 * receiver. A partner put on the deal answers the prompt, so a later prompt is new.
 */
@TrellisTest
class PartnerPromptNoticeTests {

	@Autowired
	Adoption adoption;

	@Autowired
	StaffNotices notices;

	@Autowired
	NotificationDispatcher dispatcher;

	@Autowired
	GreenMail mail;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void twoPromptsAtOnceStoreOneAndTheRepHearsOfItOnceInTheInboxAndByMail() throws Exception {
		var manager = this.fixtures.user(Role.SALES_MANAGER);
		var rep = this.fixtures.user(Role.AE, null, manager.userId());
		long partner = this.fixtures.partner("Prompted Partner", this.fixtures.user(Role.PAM).userId());
		long deal = openDeal(rep);

		var outcomes = atOnce(() -> this.adoption.prompt(manager, deal, partner, "They know retail"),
				() -> this.adoption.prompt(manager, deal, partner, "They know retail"));
		assertThat(outcomes).extracting(Adoption.PromptOutcome::stored).containsExactlyInAnyOrder(true, false);
		assertThat(outcomes).filteredOn(o -> !o.stored())
			.singleElement()
			.extracting(Adoption.PromptOutcome::message)
			.asString()
			.contains("already prompted")
			.contains("nothing changed");
		assertThat(prompts(deal)).isEqualTo(1);

		// the page's double click: the second says nothing changed
		var session = login(this.fixtures.email(manager));
		this.mvc.perform(post("/adoption/prompts").session(session).with(csrf()).param("opportunityId", "" + deal))
			.andExpect(flash().attribute("notice",
					"The rep was already prompted on this deal and has not brought a partner in yet; nothing changed"));
		assertThat(prompts(deal)).isEqualTo(1);

		// enforced by the database, not only by the code that asks first
		assertThatThrownBy(() -> this.jdbc.sql("""
				INSERT INTO partner_prompt (opportunity_id, manager_id, rep_id, prompted_at) VALUES (?, ?, ?, now())
				""").params(deal, manager.userId(), rep.userId()).update()).isInstanceOf(DuplicateKeyException.class);

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.notices.inbox(rep, 10)).singleElement().satisfies(n -> {
				assertThat(n.kind()).isEqualTo("PARTNER_PROMPT");
				assertThat(n.subject()).isEqualTo("Bring a partner into Prompted deal");
				assertThat(n.body()).contains(manager.name())
					.contains("Suggested partner: Prompted Partner.")
					.contains("They know retail");
				assertThat(n.link()).isEqualTo("/opportunities/" + deal);
			}));
		this.dispatcher.dispatch();
		this.dispatcher.dispatch();
		var email = this.fixtures.email(rep);
		assertThat(List.of(this.mail.getReceivedMessages())
			.stream()
			.filter(m -> recipients(m).contains(email))
			.map(PartnerPromptNoticeTests::subject)).containsExactly("Bring a partner into Prompted deal");
		assertThat(this.notices.inbox(manager, 10)).isEmpty();
	}

	@Test
	void aPartnerPutOnTheDealAnswersThePromptSoALaterPromptIsANewOne() {
		var manager = this.fixtures.user(Role.SALES_MANAGER);
		var rep = this.fixtures.user(Role.AE, null, manager.userId());
		long partner = this.fixtures.partner("Answering Partner", this.fixtures.user(Role.PAM).userId());
		long deal = openDeal(rep);
		assertThat(this.adoption.prompt(manager, deal, null, null).stored()).isTrue();

		this.jdbc
			.sql("""
					INSERT INTO deal_partner_attachment (opportunity_id, partner_id, attached_by, attached_at, via, credit_type)
					VALUES (?, ?, ?, now(), 'REP', 'INFLUENCED')
					""")
			.params(deal, partner, rep.userId())
			.update();
		assertThat(this.jdbc.sql("SELECT count(*) FROM partner_prompt WHERE opportunity_id = ? AND closed_at IS NULL")
			.param(deal)
			.query(Long.class)
			.single()).isZero();

		// the partner left the deal again: a new prompt is stored
		assertThat(this.adoption.prompt(manager, deal, null, null).stored()).isTrue();
		assertThat(prompts(deal)).isEqualTo(2);
	}

	private long openDeal(Viewer rep) {
		long account = this.fixtures.account("Prompt customer " + rep.userId(), null, rep.userId());
		return this.jdbc
			.sql("""
					INSERT INTO opportunity (account_id, name, amount, currency, stage, close_date, owner_id, source,
					                         stage_entered_at, created_at, updated_at)
					VALUES (?, 'Prompted deal', 10000, 'USD', 'QUALIFIED', current_date + 30, ?, 'DIRECT', now(), now(), now())
					RETURNING id
					""")
			.params(account, rep.userId())
			.query(Long.class)
			.single();
	}

	private long prompts(long deal) {
		return this.jdbc.sql("SELECT count(*) FROM partner_prompt WHERE opportunity_id = ?")
			.param(deal)
			.query(Long.class)
			.single();
	}

	@SafeVarargs
	private static <T> List<T> atOnce(Callable<T>... calls) throws Exception {
		var start = new CyclicBarrier(calls.length);
		var pool = Executors.newFixedThreadPool(calls.length);
		try {
			var futures = java.util.Arrays.stream(calls).map(call -> pool.submit(() -> {
				start.await();
				return call.call();
			})).toList();
			var results = new java.util.ArrayList<T>();
			for (var future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static String subject(jakarta.mail.Message message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String recipients(jakarta.mail.Message message) {
		try {
			return java.util.Arrays.toString(message.getAllRecipients());
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private MockHttpSession login(String email) throws Exception {
		var result = this.mvc.perform(post("/login").param("username", email).param("password", "secret").with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
