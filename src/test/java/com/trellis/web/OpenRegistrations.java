package com.trellis.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.trellis.deals.CreditType;
import com.trellis.registration.RegistrationCommand;
import com.trellis.registration.Registrations;
import com.trellis.support.Fixtures;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A submitted deal registration of a test world's partner, for the tests that decide or
 * refuse it, and its status as stored.
 */
final class OpenRegistrations {

	private OpenRegistrations() {
	}

	/**
	 * Registers a sourced USD 48,000 deal for a customer named {@code name} and the
	 * world's partner, on a domain of its own starting with {@code domain}; its id.
	 */
	static long submitted(Registrations registrations, Fixtures.World world, String name, String domain) {
		return registrations
			.register(world.partnerUser(),
					new RegistrationCommand(null, name + " " + world.partnerId(),
							domain + "-" + world.partnerId() + "-" + System.nanoTime() + ".com",
							"Replace the planning of every depot before the season", new BigDecimal("48000"), "USD",
							LocalDate.of(2027, 3, 31), null, CreditType.SOURCED))
			.id();
	}

	static String status(JdbcClient jdbc, long registrationId) {
		return jdbc.sql("SELECT status FROM deal_registration WHERE id = ?")
			.param(registrationId)
			.query(String.class)
			.single();
	}

}
