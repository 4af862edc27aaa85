package com.trellis.shared;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A count written beside its noun reads "1 day", never "1 days", in code and in messages.
 */
class CountWordingTests {

	private static final Pattern BARE_COUNT = Pattern
		.compile("(?<![#<])\\{\\d+}\\s+(day|hour|minute|week|month|deal|partner|win|registration)s\\b");

	@Test
	void aCountAndItsNounAgree() {
		assertThat(Plural.of(1, "day")).isEqualTo("1 day");
		assertThat(Plural.of(0, "day")).isEqualTo("0 days");
		assertThat(Plural.of(2, "business day")).isEqualTo("2 business days");
		assertThat(Plural.of(-1, "day")).isEqualTo("-1 days");
		assertThat(Plural.of(1, "opportunity", "opportunities")).isEqualTo("1 opportunity");
	}

	@Test
	void noMessageWritesAParameterBeforeAPluralNounWithoutAChoice() throws IOException {
		var messages = new Properties();
		try (var in = getClass().getResourceAsStream("/messages.properties")) {
			messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		var bare = messages.stringPropertyNames()
			.stream()
			.filter(key -> BARE_COUNT.matcher(messages.getProperty(key)).find())
			.sorted()
			.toList();
		assertThat(bare).as("messages writing '{n} days' for any n, also 1").isEmpty();
	}

	@Test
	void theDayMessagesReadOneDayAndManyDays() {
		var source = new ResourceBundleMessageSource();
		source.setBasename("messages");
		source.setDefaultEncoding("UTF-8");
		assertThat(source.getMessage("forecast.days", new Object[] { 1 }, Locale.US)).isEqualTo("1 day");
		assertThat(source.getMessage("forecast.days", new Object[] { 0 }, Locale.US)).isEqualTo("0 days");
		assertThat(source.getMessage("forecast.days", new Object[] { 1200 }, Locale.US)).isEqualTo("1,200 days");
		assertThat(source.getMessage("queue.stalledFor", new Object[] { 1L, "Proposal", "the AE" }, Locale.US))
			.isEqualTo("1 day in Proposal; waiting on the AE");
		assertThat(source.getMessage("process.ownedBy", new Object[] { "partner", 1 }, Locale.US))
			.isEqualTo("Owned by the partner; norm 1 day.");
		assertThat(source.getMessage("process.ownedBy", new Object[] { "partner", 14 }, Locale.US))
			.isEqualTo("Owned by the partner; norm 14 days.");
		assertThat(source.getMessage("login.throttledMinutes", new Object[] { 1L }, Locale.US))
			.isEqualTo("Too many attempts; try again in 1 minute.");
		// an activation plan past its 90 days says so (it read "Day 120 of 90")
		assertThat(source.getMessage("activation.day", new Object[] { 90L }, Locale.US)).isEqualTo("Day 90 of 90");
		assertThat(source.getMessage("activation.dayPast", new Object[] { 91L, 1L }, Locale.US))
			.isEqualTo("Day 91, 1 day after its 90 days");
		assertThat(source.getMessage("activation.dayPast", new Object[] { 120L, 30L }, Locale.US))
			.isEqualTo("Day 120, 30 days after its 90 days");
	}

}
