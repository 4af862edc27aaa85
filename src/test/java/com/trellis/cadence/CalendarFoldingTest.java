package com.trellis.cadence;

import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quarter's calendar file folds its lines at 75 octets, as RFC 5545 asks, also when a
 * PAM's name is written in accented or CJK letters (try81: lines of 76 to 86 octets, the
 * library folding at 75 characters), without splitting a character.
 */
class CalendarFoldingTest {

	private final PackExports exports = new PackExports(null,
			Clock.fixed(Instant.parse("2026-12-06T08:00:00Z"), ZoneOffset.UTC), null);

	@Test
	void everyLineIsAtMost75OctetsAndUnfoldsToTheName() throws Exception {
		var name = "Zoë Ångström-Éléonore Müller-Lüdenscheidt 王小明 de la Peña 🙂 Ørsted";
		var entry = new Packs.Entry("2026-Q4", 1, LocalDate.of(2026, 10, 1), Instant.parse("2026-10-01T07:45:00Z"),
				Meeting.FORECAST_ONE_ON_ONE, 7L, name);
		var text = this.exports.calendar(List.of(entry), URI.create("https://trellis.example.test/"));

		assertThat(Arrays.stream(text.split("\r\n")).mapToInt(l -> l.getBytes(StandardCharsets.UTF_8).length))
			.allSatisfy(octets -> assertThat(octets).isLessThanOrEqualTo(75));
		List<VEvent> events = new CalendarBuilder().build(new StringReader(text)).getComponents(Component.VEVENT);
		assertThat(events.get(0).getProperty(Property.SUMMARY).orElseThrow().getValue()).endsWith(" · " + name);
	}

	@Test
	void aShortLineIsLeftAsItIs() {
		assertThat(IcsLines.fold("BEGIN:VCALENDAR\r\nSUMMARY:Weekly call\r\n"))
			.isEqualTo("BEGIN:VCALENDAR\r\nSUMMARY:Weekly call\r\n");
		assertThat(IcsLines.fold("X:" + "é".repeat(40))).isEqualTo("X:" + "é".repeat(36) + "\r\n " + "é".repeat(4));
	}

}
