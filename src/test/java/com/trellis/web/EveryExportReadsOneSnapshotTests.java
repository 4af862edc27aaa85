package com.trellis.web;

import java.util.ArrayList;
import java.util.Set;

import com.trellis.shared.ExportSnapshot;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every CSV export reads its list from one snapshot ({@link ExportSnapshot}), so a row is
 * never written twice or left out when rows are added while the file is written page by
 * page (try14). An export added later without it fails here.
 */
@TrellisTest
class EveryExportReadsOneSnapshotTests {

	/**
	 * Exports that write as they read, so no read-only transaction: the overlap records
	 * note what the PAM was shown (one read, no pages).
	 */
	private static final Set<String> WRITING = Set.of("/partners/{id}/overlaps/export.csv");

	@Autowired
	@org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Test
	void everyCsvExportReadsOneSnapshot() {
		var without = new ArrayList<String>();
		var exports = new ArrayList<String>();
		this.mapping.getHandlerMethods().forEach((info, handler) -> {
			var methods = info.getMethodsCondition().getMethods();
			if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
				return;
			}
			for (var pattern : info.getPatternValues()) {
				if (pattern.endsWith(".csv") && !WRITING.contains(pattern)) {
					exports.add(pattern);
					if (!AnnotatedElementUtils.hasAnnotation(handler.getMethod(), ExportSnapshot.class)) {
						without.add(pattern);
					}
				}
			}
		});
		assertThat(exports).hasSizeGreaterThan(40);
		assertThat(without).as("CSV exports read page by page without one snapshot").isEmpty();
	}

}
