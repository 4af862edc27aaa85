package com.trellis.shared.database;

import com.trellis.TrellisApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A start against a PostgreSQL that gives no connection reports the cause in a few lines,
 * naming the settings to check.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseUnreachableTests {

	@Test
	void aStartWithoutItsDatabaseSaysWhyAndWhatToCheck(CapturedOutput output) {
		assertThatThrownBy(() -> new SpringApplicationBuilder(TrellisApplication.class).profiles("test")
			.run("--server.port=0", "--spring.datasource.url=jdbc:postgresql://127.0.0.1:9/trellis",
					"--spring.datasource.username=trellis", "--spring.datasource.hikari.connection-timeout=1000",
					"--spring.datasource.hikari.initialization-fail-timeout=1"))
			.isInstanceOf(Exception.class);
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START",
				"Trellis could not connect to its PostgreSQL", "SPRING_DATASOURCE_URL");
	}

}
