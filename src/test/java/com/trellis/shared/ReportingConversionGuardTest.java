package com.trellis.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every conversion into the reporting currency in SQL is the one expression
 * {@link ReportingCurrency#converted} writes (rounded per amount at the reporting
 * currency's minor unit, before anything sums or ranks it): no query multiplies by a rate
 * or rounds a converted amount itself.
 */
class ReportingConversionGuardTest {

	private static final Pattern HAND_WRITTEN = Pattern
		.compile("\\*\\s*\\w+\\.to_reporting|to_reporting\\s*,\\s*\\d\\)");

	@Test
	void noSqlConvertsIntoTheReportingCurrencyByHand() throws IOException {
		assertThat(ReportingCurrency.DEAL_AMOUNT)
			.isEqualTo("round(o.amount * fx.to_reporting, " + MinorUnits.of(ReportingCurrency.CODE) + ")");
		try (Stream<Path> files = Files.walk(Path.of("src/main/java/com/trellis"))) {
			var offenders = files.filter(file -> file.toString().endsWith(".java"))
				.filter(file -> !file.toString().contains("/demo/"))
				.filter(file -> !file.endsWith(Path.of("shared", "ReportingCurrency.java")))
				.filter(file -> {
					try {
						return HAND_WRITTEN.matcher(Files.readString(file)).find();
					}
					catch (IOException ex) {
						throw new IllegalStateException(ex);
					}
				})
				.map(Path::toString)
				.toList();
			assertThat(offenders).isEmpty();
		}
	}

}
