package com.trellis.shared;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class CsvExportTest {

	@Test
	void quotesSeparatorsAndQuotesAndDefusesFormulas() {
		assertThat(CsvExport.line(Arrays.asList("Acme, Inc.", "say \"hi\"", null, 42, "=cmd()")))
			.isEqualTo("\"Acme, Inc.\",\"say \"\"hi\"\"\",,42,'=cmd()\r\n");
	}

	@Test
	void importUndoesExactlyTheApostrophesTheGuardAdded() {
		for (var value : List.of("=cmd()", "'=cmd()", "''@x", "'plain", "it's", "-2+3", "Göransson", "'")) {
			var written = CsvExport.line(List.of(value)).strip();
			assertThat(CsvExport.unguard(written)).as(value).isEqualTo(value);
		}
		assertThat(CsvExport.line(List.of("'=cmd()"))).isEqualTo("''=cmd()\r\n");
		assertThat(CsvExport.unguard("'plain")).isEqualTo("'plain");
	}

	@Test
	void negativeNumbersAreNeverPrefixed() {
		// the example: -28.2 came out as '-28.2, which a spreadsheet reads as
		// text
		assertThat(CsvExport.line(List.of(new BigDecimal("-28.2"), "-28.2", -5, "+3", "-1.5E3", -0.25)))
			.isEqualTo("-28.2,-28.2,-5,+3,-1.5E3,-0.25\r\n");
	}

	@Test
	void textThatASpreadsheetWouldRunIsStillNeutralised() {
		assertThat(CsvExport.line(List.of("-2+3", "+cmd", "@SUM(A1)", "\tcmd", "=1+1", "-", "Göransson")))
			.isEqualTo("'-2+3,'+cmd,'@SUM(A1),'\tcmd,'=1+1,'-,Göransson\r\n");
		assertThat(CsvExport.line(List.of("\rcmd"))).isEqualTo("\"'\rcmd\"\r\n");
	}

	@Test
	void aFileIsUtf8WithAByteOrderMarkSoExcelReadsGoransson() throws Exception {
		var response = new MockHttpServletResponse();
		CsvExport.writeRows(response, "names.csv", List.of(List.of("name"), List.of("Göransson")));
		var bytes = response.getContentAsByteArray();
		assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8)).isEqualTo("name\r\nGöransson\r\n");
		assertThat(response.getContentType()).isEqualTo("text/csv;charset=UTF-8");
	}

	@Test
	void whatTheExportWritesTheImportReadsBack() throws Exception {
		var response = new MockHttpServletResponse();
		List<List<?>> rows = List.of(List.of("Name", "Note", "Amount"),
				List.of("Göransson AB", "says \"hej\", twice", new BigDecimal("-28.20")),
				List.of("Łukasik Sp. z o.o. – Пилот 東京", "two\nlines", 0), List.of("=HYPERLINK()", "", -3));
		CsvExport.writeRows(response, "round.csv", rows);

		var file = CsvImport.read(response.getContentAsString(StandardCharsets.UTF_8),
				List.of("name", "note", "amount"));
		assertThat(file.rows()).hasSize(3);
		assertThat(file.rows().get(0).values()).containsExactly(java.util.Map.entry("name", "Göransson AB"),
				java.util.Map.entry("note", "says \"hej\", twice"), java.util.Map.entry("amount", "-28.20"));
		assertThat(file.rows().get(1).get("Name")).isEqualTo("Łukasik Sp. z o.o. – Пилот 東京");
		assertThat(file.rows().get(1).get("note")).isEqualTo("two\nlines");
		assertThat(file.rows().get(2).get("name")).isEqualTo("'=HYPERLINK()");
		assertThat(file.rows().get(2).get("amount")).isEqualTo("-3");
	}

}
