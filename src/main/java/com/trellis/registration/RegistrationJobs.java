package com.trellis.registration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Expires lapsed registrations every quarter hour. Safe to run twice and on two instances
 * at once (see {@link Registrations#expireLapsed()}).
 */
@Component
class RegistrationJobs {

	private static final Logger log = LoggerFactory.getLogger(RegistrationJobs.class);

	private final Registrations registrations;

	RegistrationJobs(Registrations registrations) {
		this.registrations = registrations;
	}

	@Scheduled(cron = "${trellis.registration.expiry-cron:0 */15 * * * *}", zone = "${trellis.business.time-zone:UTC}")
	void expire() {
		int expired = this.registrations.expireLapsed();
		if (expired > 0) {
			log.info("Expired {} deal registrations", expired);
		}
	}

}
