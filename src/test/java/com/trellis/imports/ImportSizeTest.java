package com.trellis.imports;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Trellis-format file's rows are counted as CSV reads them (s55: each line break inside
 * a quoted value was counted as a row, and a file within the limit was refused).
 */
class ImportSizeTest {

	@Test
	void rowsAreCsvRecordsNotLines() {
		assertThat(ImportSize.records("source_id,name\n1,\"Two\nLines\"\n2,Plain\n")).isEqualTo(2);
		assertThat(ImportSize.records("source_id,name\r\n1,a\r\n\r\n2,\"b\r\nc\"\r\n3,d")).isEqualTo(3);
		assertThat(ImportSize.records("source_id,name\n1,\"" + "\n".repeat(1000) + "\"\n")).isEqualTo(1);
		assertThat(ImportSize.records("\n\nsource_id,name\n")).isZero();
		assertThat(ImportSize.records("source_id,name\n1,\"say \"\"hi\"\"\"\n2,x\n")).isEqualTo(2);
	}

}
