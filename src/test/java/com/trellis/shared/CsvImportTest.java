package com.trellis.shared;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvImportTest {

	private static final List<String> COLUMNS = List.of("email", "item", "completed_on");

	@Test
	void readsAnExcelFileWithByteOrderMarkSemicolonsAndQuotes() {
		var text = "\uFEFF\"Email\";\"Item\";\"Completed_On\"\r\n\"anna@göransson.example\";\"AE-101\";\"2026-10-01\"\r\n"
				+ "b@example.com;\"SE; advanced\";2026-10-02\r\n";
		var file = CsvImport.read(text, COLUMNS);
		assertThat(file.header()).containsExactly("email", "item", "completed_on");
		assertThat(file.rows()).hasSize(2);
		assertThat(file.rows().get(0).get("email")).isEqualTo("anna@göransson.example");
		assertThat(file.rows().get(0).get("completed_on")).isEqualTo("2026-10-01");
		assertThat(file.rows().get(1).get("item")).isEqualTo("SE; advanced");
	}

	@Test
	void findsColumnsByNameInAnyOrderAndNumbersRowsAsASpreadsheetDoes() {
		var file = CsvImport.read(
				"\n \r\n Completed_on , EMAIL,item\n\n2026-10-01,a@example.com,AE-101\n,,\n2026-10-02,b@example.com,SE-101\n",
				COLUMNS);
		// a spreadsheet shows the blank lines as rows: two above the header (row 3), one
		// and a row of separators among the data (try71a: numbered 2 and 3)
		assertThat(file.rows()).extracting(CsvImport.Row::number).containsExactly(5L, 7L);
		assertThat(file.rows().get(1).get("email")).isEqualTo("b@example.com");
		assertThat(file.rows().get(1).error("email", "unknown").field()).isEqualTo("row 7: email");
	}

	@Test
	void aSemicolonInsideAQuotedCommaHeaderDoesNotMakeItSemicolonSeparated() {
		assertThat(CsvImport.delimiter("\"a;b;c\",d\n1,2")).isEqualTo(',');
		assertThat(CsvImport.delimiter("a;b,c;d\n1;2")).isEqualTo(';');
	}

	@Test
	void aMissingColumnNamesTheHeader() {
		assertThatThrownBy(() -> CsvImport.read("email;item\na@example.com;AE-101", COLUMNS))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> {
				assertThat(ex.errors().get(0).field()).isEqualTo("header");
				assertThat(ex.errors().get(0).message()).startsWith("missing column completed_on");
			});
		assertThatThrownBy(() -> CsvImport.read("\uFEFF", COLUMNS)).isInstanceOfSatisfying(InvalidInputException.class,
				ex -> assertThat(ex.errors().get(0).field()).isEqualTo("header"));
		assertThatThrownBy(() -> CsvImport.read("email,Email,item,completed_on\n", COLUMNS))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> {
				assertThat(ex.errors().get(0).field()).isEqualTo("header");
				assertThat(ex.errors().get(0).message()).contains("twice; give each column one name");
			});
	}

	/**
	 * try71a: a header line of 2 MB without a separator came back whole in the refusal,
	 * twice (5.3 MB). A header's names are quoted as values are (60 characters), and only
	 * the first ten unknown ones are named.
	 */
	@Test
	void aHeaderIsQuotedShortAndItsUnknownColumnsCounted() {
		var longName = "Q".repeat(5_000);
		var many = String.join(",", java.util.stream.IntStream.range(0, 30).mapToObj(i -> "extra" + i).toList());
		assertThatThrownBy(() -> CsvImport.read("email,item,completed_on," + longName + "," + many + "\n", COLUMNS,
				List.of("email", "item", "completed_on"), "the columns are"))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> {
				assertThat(ex.errors()).hasSize(11);
				assertThat(ex.errors().get(0).message()).startsWith("unknown column " + "Q".repeat(60) + "…;");
				assertThat(ex.errors().get(10).message()).isEqualTo("21 more unknown columns");
			});
		assertThatThrownBy(() -> CsvImport.read("email," + longName + "," + longName + "\n", COLUMNS))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.readable().length()).isLessThan(300));
	}

	@Test
	void anUnclosedQuoteIsRefusedNotHalfRead() {
		assertThatThrownBy(
				() -> CsvImport.read("email,item,completed_on\n\"a@example.com,AE-101,2026-10-01\n", COLUMNS))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> {
				assertThat(ex.errors().get(0).field()).isEqualTo("file, row 2");
				assertThat(ex.errors().get(0).message()).startsWith("a quoted value is never closed");
			});
	}

	@Test
	void namesAColumnAsTheHeaderWritesIt() {
		var file = CsvImport.read("Record ID; Close Date \n1;2025-03-31\n", List.of());
		assertThat(file.written("close date")).isEqualTo("Close Date");
		assertThat(file.written("CLOSE DATE")).isEqualTo("Close Date");
		assertThat(file.written("Amount")).isEqualTo("Amount");
	}

}
