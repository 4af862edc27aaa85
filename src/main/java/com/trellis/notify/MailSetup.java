package com.trellis.notify;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Whether a mail sender is configured ({@code spring.mail.host} set): e-mail is a
 * delivery channel only then. Fixed when the application starts, so looked up once; a
 * lookup through the provider resolved the beans again on every notice (about 1 % of a
 * registration's request-thread CPU, measured by reg22).
 */
@Component
class MailSetup {

	private final ObjectProvider<JavaMailSender> mail;

	private volatile Boolean configured;

	MailSetup(ObjectProvider<JavaMailSender> mail) {
		this.mail = mail;
	}

	boolean configured() {
		var known = this.configured;
		if (known == null) {
			known = this.mail.getIfAvailable() != null;
			this.configured = known;
		}
		return known;
	}

}
