package com.trellis.support;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.trellis.identity.ApiTokens;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Small builders for the records a test needs, written straight to the database, plus API
 * tokens for the users they create.
 */
public class Fixtures {

	private static final AtomicInteger sequence = new AtomicInteger();

	private final JdbcClient jdbc;

	private final TestClock clock;

	private final ApiTokens tokens;

	Fixtures(JdbcClient jdbc, TestClock clock, ApiTokens tokens) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.tokens = tokens;
	}

	public Viewer user(Role role) {
		return user(role, null, null);
	}

	public Viewer user(Role role, Long partnerId, Long managerId) {
		int n = sequence.incrementAndGet();
		var name = role.name().toLowerCase() + " fixture " + n;
		long id = this.jdbc.sql("""
				INSERT INTO app_user (email, display_name, password_hash, role, manager_id, partner_id, created_at)
				VALUES (:email, :name, '{noop}secret', :role, :manager, :partner, :now) RETURNING id
				""")
			.param("email", "fixture" + n + "@test.example")
			.param("name", name)
			.param("role", role.name())
			.param("manager", managerId)
			.param("partner", partnerId)
			.param("now", Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single();
		return new Viewer(id, name, role, partnerId);
	}

	public String email(Viewer viewer) {
		return this.jdbc.sql("SELECT email FROM app_user WHERE id = ?")
			.param(viewer.userId())
			.query(String.class)
			.single();
	}

	public String token(Viewer viewer) {
		return this.tokens.issue(viewer.userId(), "test");
	}

	public long partner(String name, long pamId) {
		return this.jdbc.sql("""
				INSERT INTO partner (name, type, region, onboarded_on, owner_pam_id, lifecycle_status, tier,
				                     created_at, updated_at)
				VALUES (:name, 'SI', 'EMEA', :onboarded, :pam, 'ACTIVE', 'TIER_2_EMERGING', :now, :now) RETURNING id
				""")
			.param("name", name)
			.param("onboarded", LocalDate.now(this.clock).minusDays(200))
			.param("pam", pamId)
			.param("now", Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single();
	}

	public long account(String name, String domain, long ownerId) {
		return this.jdbc
			.sql("""
					INSERT INTO account (name, web_domain, industry, owner_ae_id, created_at, updated_at, registrable_domain,
					                     normalized_name)
					VALUES (:name, :domain, 'Retail', :owner, :now, :now, :registrable, :normalized) RETURNING id
					""")
			.param("name", name)
			.param("registrable", com.trellis.matching.CompanyIdentity.registrableDomain(domain))
			.param("normalized", com.trellis.matching.CompanyIdentity.normalizedName(name))
			.param("domain", domain)
			.param("owner", ownerId)
			.param("now", Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single();
	}

	/** A qualified USD deal sourced by {@code partnerId}, closing in 30 days. */
	public long partnerDeal(long accountId, long ownerId, long partnerId, String amount) {
		return partnerDeals(accountId, ownerId, partnerId, amount, 1).get(0);
	}

	/**
	 * {@code count} deals as {@link #partnerDeal} makes them, in one multi-row statement
	 * (the deal triggers run once for all of them); their ids in insertion order.
	 */
	public List<Long> partnerDeals(long accountId, long ownerId, long partnerId, String amount, int count) {
		return this.jdbc
			.sql("""
					INSERT INTO opportunity (account_id, name, amount, currency, stage, close_date, owner_id, source,
					                         partner_id, credit_type, partner_share, stage_entered_at, created_at, updated_at)
					SELECT :account, 'Fixture deal', :amount, 'USD', 'QUALIFIED', :close, :owner, 'PARTNER', :partner,
					       'SOURCED', 20, :now, :now, :now FROM generate_series(1, :count) n ORDER BY n RETURNING id
					""")
			.param("account", accountId)
			.param("amount", new BigDecimal(amount))
			.param("close", LocalDate.now(this.clock).plusDays(30))
			.param("owner", ownerId)
			.param("partner", partnerId)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("count", count)
			.query(Long.class)
			.list();
	}

	/**
	 * A qualified USD deal of 1,000 created at {@code createdAt}, sourced by
	 * {@code partnerId} as {@link #partnerDeal} makes it, or direct when it is null.
	 */
	public long deal(long accountId, long ownerId, Long partnerId, java.time.Instant createdAt) {
		return this.jdbc
			.sql("""
					INSERT INTO opportunity (account_id, name, amount, currency, stage, close_date, owner_id, source,
					                         partner_id, credit_type, partner_share, stage_entered_at, created_at, updated_at)
					SELECT :account, 'Fixture deal', 1000, 'USD', 'QUALIFIED', :close, :owner,
					       CASE WHEN p.id IS NULL THEN 'DIRECT' ELSE 'PARTNER' END, p.id,
					       CASE WHEN p.id IS NULL THEN NULL ELSE 'SOURCED' END, CASE WHEN p.id IS NULL THEN NULL ELSE 20 END,
					       :at, :at, :at
					FROM (SELECT CAST(:partner AS BIGINT) AS id) p RETURNING id
					""")
			.param("account", accountId)
			.param("close", LocalDate.now(this.clock).plusDays(30))
			.param("owner", ownerId)
			.param("partner", partnerId, java.sql.Types.BIGINT)
			.param("at", Timestamp.from(createdAt))
			.query(Long.class)
			.single();
	}

	public long count(String table) {
		return this.jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	/**
	 * A partner with its own PAM, AE, account, deal and partner user: a whole small
	 * world.
	 */
	public World world(String partnerName) {
		var pam = user(Role.PAM);
		var ae = user(Role.AE);
		long partner = partner(partnerName, pam.userId());
		var partnerUser = user(Role.PARTNER, partner, null);
		long account = account(partnerName + " customer", null, ae.userId());
		long deal = partnerDeal(account, ae.userId(), partner, "125000.00");
		return new World(partner, pam, ae, partnerUser, account, deal);
	}

	public record World(long partnerId, Viewer pam, Viewer ae, Viewer partnerUser, long accountId, long dealId) {
	}

	/**
	 * An open account plan of the world's partner on its account, owned by its AE with
	 * its partner user as the contact (November 2026 to March 2027, USD goals).
	 */
	public long accountPlan(World w, String title) {
		return this.jdbc.sql("""
				INSERT INTO account_plan (partner_id, account_id, title, pipeline_goal, revenue_goal, currency,
				    starts_on, ends_on, vendor_owner_id, partner_contact_id, status, created_by, created_at, updated_at)
				VALUES (:p, :a, :title, 1000, 500, 'USD', DATE '2026-11-01', DATE '2027-03-31', :ae, :contact,
				        'OPEN', :ae, now(), now()) RETURNING id
				""")
			.param("p", w.partnerId())
			.param("a", w.accountId())
			.param("title", title)
			.param("ae", w.ae().userId())
			.param("contact", w.partnerUser().userId())
			.query(Long.class)
			.single();
	}

}
