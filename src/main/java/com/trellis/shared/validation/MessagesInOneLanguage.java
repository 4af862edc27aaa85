package com.trellis.shared.validation;

import java.util.Locale;

import jakarta.validation.MessageInterpolator;
import jakarta.validation.spi.ConfigurationState;

import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Field messages of Bean Validation in English for every reader, as every message of
 * Trellis itself ({@code messages.properties} has one language): without this, a reader
 * whose locale is de-DE read "darf nicht leer sein" beside "cannot be read from 'abc'" in
 * one answer. Numbers and dates still follow the reader's locale; only the words are
 * fixed.
 */
@Configuration(proxyBeanMethods = false)
class MessagesInOneLanguage {

	static final Locale LANGUAGE = Locale.ENGLISH;

	@Bean
	ValidationConfigurationCustomizer englishFieldMessages() {
		return configuration -> {
			var current = configuration instanceof ConfigurationState state ? state.getMessageInterpolator() : null;
			var delegate = current != null ? current : configuration.getDefaultMessageInterpolator();
			configuration.messageInterpolator(new MessageInterpolator() {

				@Override
				public String interpolate(String template, Context context) {
					return delegate.interpolate(template, context, LANGUAGE);
				}

				@Override
				public String interpolate(String template, Context context, Locale locale) {
					return delegate.interpolate(template, context, LANGUAGE);
				}

			});
		};
	}

}
