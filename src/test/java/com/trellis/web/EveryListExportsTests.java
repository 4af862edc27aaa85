package com.trellis.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every list exports (product §C20, "export of every list"): each page template with a
 * list's pager also links to a CSV export of that list, so a list added later without one
 * fails here. Which rows an export holds, with which filters and for whom, is tested with
 * each export.
 */
class EveryListExportsTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	@Test
	void everyPagedListLinksToItsCsvExport() throws IOException {
		List<String> without;
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			without = files.filter(f -> f.toString().endsWith(".html"))
				.filter(f -> !f.endsWith("pager.html"))
				.filter(f -> {
					var html = read(f);
					return (html.contains("pager :: pager(") || html.contains("pager :: named("))
							&& !html.contains("pager :: export(") && !html.contains(".csv");
				})
				.map(f -> TEMPLATES.relativize(f).toString())
				.sorted()
				.toList();
		}
		assertThat(without).as("list pages without a CSV export").isEmpty();
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
