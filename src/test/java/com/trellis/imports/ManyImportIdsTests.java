package com.trellis.imports;

import java.util.ArrayList;

import com.trellis.support.ManyIds;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Trellis-format file's rows are matched to earlier imports by source id and back in
 * one statement each, whatever the file's size: past 65,535 rows one parameter per id
 * would fail the import.
 */
@TrellisTest
class ManyImportIdsTests {

	@Autowired
	FormatRecords records;

	@Test
	void seventyThousandSourceOrTargetIdsAreLookedUpInOneGo() {
		var sources = new ArrayList<String>();
		for (int i = 0; i < 70_000; i++) {
			sources.add("many-import-ids-" + i);
		}
		assertThat(this.records.targets("ACCOUNT", sources)).isEmpty();
		assertThat(this.records.sources("ACCOUNT", ManyIds.with())).isEmpty();
	}

}
