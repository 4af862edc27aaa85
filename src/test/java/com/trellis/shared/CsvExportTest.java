package com.trellis.shared;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvExportTest {

	@Test
	void quotesSeparatorsAndQuotesAndDefusesFormulas() {
		assertThat(CsvExport.line(Arrays.asList("Acme, Inc.", "say \"hi\"", null, 42, "=cmd()")))
			.isEqualTo("\"Acme, Inc.\",\"say \"\"hi\"\"\",,42,'=cmd()\r\n");
	}

}
