package com.trellis.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every conversion into the reporting currency in the reporting SQL is rounded per
 * amount, the way {@link ReportingCurrency#DEAL_AMOUNT} does, before anything sums or
 * ranks it.
 */
class ReportingConversionGuardTest {

	private static final Pattern UNROUNDED = Pattern
		.compile("(?<!round\\()\\b\\w+\\.amount \\* fx\\.to_reporting(?!, )");

	@Test
	void noReportingSqlUsesAnUnroundedConversion() throws IOException {
		assertThat(ReportingCurrency.DEAL_AMOUNT).isEqualTo("round(o.amount * fx.to_reporting, 2)");
		try (Stream<Path> files = Files.walk(Path.of("src/main/java/com/trellis"))) {
			var offenders = files.filter(file -> file.toString().endsWith(".java"))
				.filter(file -> !file.toString().contains("/demo/"))
				.filter(file -> {
					try {
						return UNROUNDED.matcher(Files.readString(file)).find();
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
