package com.trellis.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

@TestConfiguration(proxyBeanMethods = false)
public class TestSupportConfiguration {

	/** Each context's embedded PostgreSQL on a copy of one migrated folder. */
	@Bean
	static MigratedCopies migratedCopies() {
		return new MigratedCopies();
	}

	@Bean
	@Primary
	TestClock testClock() {
		return new TestClock();
	}

	/** A real SMTP server on a free port, one per test context. */
	@Bean(initMethod = "start", destroyMethod = "stop")
	com.icegreen.greenmail.util.GreenMail greenMail() {
		return new com.icegreen.greenmail.util.GreenMail(
				com.icegreen.greenmail.util.ServerSetupTest.SMTP.dynamicPort());
	}

	@Bean
	org.springframework.mail.javamail.JavaMailSender mailSender(com.icegreen.greenmail.util.GreenMail greenMail) {
		var sender = new org.springframework.mail.javamail.JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(greenMail.getSmtp().getPort());
		return sender;
	}

	@Bean
	Fixtures fixtures(org.springframework.jdbc.core.simple.JdbcClient jdbc, TestClock clock,
			com.trellis.identity.ApiTokens tokens) {
		return new Fixtures(jdbc, clock, tokens);
	}

}
