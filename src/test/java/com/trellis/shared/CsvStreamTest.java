package com.trellis.shared;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvStreamTest {

	private static final List<String> COLUMNS = List.of("email", "item", "completed_on");

	@Test
	void readsRowByRowAsCsvImportReadsTheWholeText() {
		var text = "\uFEFF\"Email\";\"Item\";\"Completed_On\"\r\n\"anna@göransson.example\";\"AE-101\";\"2026-10-01\"\r\n"
				+ "\n\"b@example.com\";\"SE; advanced\nline two\";2026-10-02\r\n";
		var rows = rows(new StringReader(text));
		var whole = CsvImport.read(text, COLUMNS).rows();
		assertThat(rows).isEqualTo(whole);
		assertThat(rows.get(1).number()).as("numbered as a spreadsheet numbers it, past the blank line").isEqualTo(4);
		assertThat(rows.get(1).get("item")).isEqualTo("SE; advanced\nline two");
	}

	@Test
	void namesAColumnAsTheHeaderWritesIt() {
		try (var file = CsvStream.open(new StringReader("Record ID; Close Date \n1;2025-03-31\n"), List.of())) {
			assertThat(file.written("close date")).isEqualTo("Close Date");
			assertThat(file.header()).containsExactly("record id", "close date");
		}
	}

	@Test
	void aMissingColumnOrAnEmptyFileNamesTheHeaderAndAnUnclosedQuoteTheFile() {
		assertThatThrownBy(() -> rows(new StringReader("email;item\na@example.com;AE-101")))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> {
				assertThat(ex.errors().get(0).field()).isEqualTo("header");
				assertThat(ex.errors().get(0).message()).startsWith("missing column completed_on");
			});
		assertThatThrownBy(() -> rows(new StringReader("\uFEFF"))).isInstanceOfSatisfying(InvalidInputException.class,
				ex -> assertThat(ex.errors().get(0).field()).isEqualTo("header"));
		assertThatThrownBy(() -> rows(new StringReader("email,item,completed_on\n\"a@example.com,AE-101,2026-10-01\n")))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> {
				assertThat(ex.errors().get(0).field()).isEqualTo("file, row 2");
				assertThat(ex.errors().get(0).message()).startsWith("a quoted value is never closed")
					.doesNotContain("org.apache");
			});
	}

	@Test
	void everyRowOfALongGeneratedFileIsHandedOnOneByOne() {
		int rows = 200_000;
		var source = new Reader() {

			private final String header = "email,item,completed_on\n";

			private long row = -1;

			private String line = this.header;

			private int at;

			@Override
			public int read(char[] into, int off, int len) {
				int n = 0;
				while (n < len) {
					if (this.at == this.line.length()) {
						if (++this.row >= rows) {
							return n == 0 ? -1 : n;
						}
						this.line = "user" + this.row + "@example.com,AE-" + this.row + ",2026-10-01\n";
						this.at = 0;
					}
					into[off + n++] = this.line.charAt(this.at++);
				}
				return n;
			}

			@Override
			public void close() {
			}
		};
		long[] count = { 0 };
		try (var file = CsvStream.open(source, COLUMNS)) {
			file.forEach(row -> count[0]++);
		}
		assertThat(count[0]).isEqualTo(rows);
	}

	private static List<CsvImport.Row> rows(Reader in) {
		var rows = new ArrayList<CsvImport.Row>();
		try (var file = CsvStream.open(in, COLUMNS)) {
			file.forEach(rows::add);
		}
		return rows;
	}

}
