package com.trellis.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

@TestConfiguration(proxyBeanMethods = false)
public class TestSupportConfiguration {

	@Bean
	@Primary
	TestClock testClock() {
		return new TestClock();
	}

	@Bean(initMethod = "start", destroyMethod = "stop")
	com.icegreen.greenmail.util.GreenMail greenMail() {
		return new com.icegreen.greenmail.util.GreenMail(com.icegreen.greenmail.util.ServerSetupTest.SMTP);
	}

	@Bean
	Fixtures fixtures(org.springframework.jdbc.core.simple.JdbcClient jdbc, TestClock clock,
			com.trellis.identity.ApiTokens tokens) {
		return new Fixtures(jdbc, clock, tokens);
	}

}
