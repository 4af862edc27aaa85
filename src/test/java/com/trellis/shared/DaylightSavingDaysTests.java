package com.trellis.shared;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.TimeZone;

import com.trellis.identity.ApiTokens;
import com.trellis.identity.Role;
import com.trellis.identity.TokenView;
import com.trellis.identity.Viewer;
import com.trellis.registration.RegistrationStatus;
import com.trellis.registration.RegistrationView;
import com.trellis.registration.Registrations;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Periods of whole days that span a daylight-saving change, with the vendor in Los
 * Angeles (clocks forward on 14 March 2027, back on 7 November 2027) and the JVM in
 * Tokyo: a registration's protection, its extension and an API token's life given in days
 * end at the time of day they started on the vendor's clocks, so on the day those clocks
 * say. Counted as days times 24 hours, a registration submitted at 23:30 ended at 00:30
 * the day after, and one extended across November ended at 22:30.
 */
@TrellisTest
@TestPropertySource(properties = { "trellis.demo.enabled=false", "trellis.forecast.snapshot-cron=-",
		"trellis.business.time-zone=America/Los_Angeles" })
class DaylightSavingDaysTests {

	private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

	/** 23:30 on New Year's Day in Los Angeles (PST), 07:30 the next day in UTC. */
	private static final Instant LATE_EVENING = at(2027, 1, 1, 23, 30);

	@Autowired
	Fixtures fixtures;

	@Autowired
	Registrations registrations;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	MockMvc mvc;

	private TimeZone jvmZone;

	@BeforeEach
	void runTheJvmInTokyo() {
		this.jvmZone = TimeZone.getDefault();
		TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
		this.clock.set(LATE_EVENING);
	}

	@AfterEach
	void restore() {
		TimeZone.setDefault(this.jvmZone);
		this.clock.reset();
	}

	@Test
	void aProtectionOfDaysEndsAtTheSameTimeOnTheVendorsClocks() {
		var world = this.fixtures.world("Springforward Partners");
		int days = this.registrations.rules().protectionDays();
		var registered = register(world, "Springforward Mills", "springforward-mills.com");

		assertThat(registered.status()).isEqualTo(RegistrationStatus.PENDING);
		assertThat(registered.protectionEndsAt())
			.isEqualTo(LocalDateTime.of(2027, 1, 1, 23, 30).plusDays(days).atZone(LOS_ANGELES).toInstant());
	}

	@Test
	void anExtensionOfDaysEndsAtTheSameTimeOnTheVendorsClocks() {
		var world = this.fixtures.world("Fallback Partners");
		var registered = register(world, "Fallback Foundry", "fallback-foundry.com");
		// the protection ends at 23:30 on 20 October (PDT); the extension crosses 7
		// November
		this.jdbc.sql("UPDATE deal_registration SET protection_ends_at = ? WHERE id = ?")
			.params(Timestamp.from(at(2027, 10, 20, 23, 30)), registered.id())
			.update();
		int days = this.registrations.rules().extensionDays();
		var extended = this.registrations.extend(this.fixtures.user(Role.ADMIN), registered.id());

		assertThat(extended.protectionEndsAt())
			.isEqualTo(LocalDateTime.of(2027, 10, 20, 23, 30).plusDays(days).atZone(LOS_ANGELES).toInstant());
	}

	@Test
	void aTokenForNinetyDaysEndsAtTheSameTimeOnTheVendorsClocks() throws Exception {
		var user = this.fixtures.user(Role.PAM);
		this.mvc
			.perform(post("/me/tokens").session(login(user))
				.param("name", "ninety days")
				.param("expiresInDays", "90")
				.with(csrf()))
			.andReturn();

		assertThat(token(user, "ninety days").expiresAt()).isEqualTo(at(2027, 4, 1, 23, 30));
	}

	private RegistrationView register(Fixtures.World world, String customer, String domain) {
		return this.registrations.register(world.partnerUser(),
				new com.trellis.registration.RegistrationCommand(null, customer, domain,
						"Replace the legacy order system before Q3", new java.math.BigDecimal("48000.00"), "USD",
						java.time.LocalDate.of(2027, 6, 30), null, com.trellis.deals.CreditType.SOURCED));
	}

	private static Instant at(int year, int month, int day, int hour, int minute) {
		return LocalDateTime.of(year, month, day, hour, minute).atZone(LOS_ANGELES).toInstant();
	}

	private TokenView token(Viewer user, String name) {
		return this.tokens.list(user, null).stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		var result = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
