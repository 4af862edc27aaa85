package com.trellis.shared;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page's words with a figure in them ({@code {0}}) read with every apostrophe they are
 * written with (try30: the profile's locale choice read "The programs (en-US)" and the
 * error page "Use the pages own buttons"): a message with arguments goes through
 * {@link MessageFormat}, where a single apostrophe starts a quoted part and is dropped,
 * so such a message writes each apostrophe twice ({@code ''}).
 */
class MessageApostropheTests {

	private static final Pattern ARGUMENT = Pattern.compile("\\{\\d");

	@Test
	void everyMessageWithAnArgumentKeepsItsApostrophes() throws Exception {
		var messages = messages();
		var dropped = new ArrayList<String>();
		for (var key : messages.stringPropertyNames()) {
			var text = messages.getProperty(key);
			if (!ARGUMENT.matcher(text).find()) {
				continue;
			}
			var shown = shown(text);
			var written = text.replace("''", "'").chars().filter(c -> c == '\'').count();
			if (shown.chars().filter(c -> c == '\'').count() != written || shown.contains("{")) {
				dropped.add(key + " reads \"" + shown + "\"");
			}
		}
		assertThat(dropped).as("messages with an argument that lose an apostrophe or show a placeholder").isEmpty();
	}

	/**
	 * A message without an argument is shown as written (Spring formats only messages
	 * given arguments), so it writes an apostrophe once (try71b: "the program''s
	 * outcomes" on the scorecard).
	 */
	@Test
	void everyMessageWithoutAnArgumentWritesItsApostrophesOnce() throws Exception {
		var messages = messages();
		var doubled = messages.stringPropertyNames()
			.stream()
			.filter(key -> !ARGUMENT.matcher(messages.getProperty(key)).find()
					&& messages.getProperty(key).contains("''"))
			.toList();
		assertThat(doubled).as("messages without an argument that show a doubled apostrophe").isEmpty();
	}

	private Properties messages() throws java.io.IOException {
		var messages = new Properties();
		try (var in = getClass().getResourceAsStream("/messages.properties")) {
			messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return messages;
	}

	/**
	 * The message with every argument a number (a choice or number needs one), else
	 * words.
	 */
	private static String shown(String text) {
		var numbers = new Object[10];
		java.util.Arrays.fill(numbers, 1);
		try {
			return new MessageFormat(text, Locale.US).format(numbers);
		}
		catch (IllegalArgumentException notNumbers) {
			var words = new Object[10];
			java.util.Arrays.fill(words, "x");
			return new MessageFormat(text, Locale.US).format(words);
		}
	}

}
