package com.trellis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	private static final Path DIAGRAMS = Path.of("docs", "modules");

	private final ApplicationModules modules = ApplicationModules.of(TrellisApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		this.modules.verify();
	}

	/**
	 * Writes the module diagrams to {@code docs/modules}. The documenter lists a
	 * diagram's lines in a different order from run to run, so a diagram is replaced only
	 * when its lines changed, not just their order.
	 */
	@Test
	void writesTheModuleDiagrams(@TempDir Path fresh) throws IOException {
		new Documenter(this.modules, Documenter.Options.defaults().withOutputFolder(fresh.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml();
		Files.createDirectories(DIAGRAMS);
		try (var written = Files.list(fresh)) {
			for (var diagram : written.toList()) {
				var committed = DIAGRAMS.resolve(diagram.getFileName().toString());
				if (!Files.exists(committed) || !sortedLines(committed).equals(sortedLines(diagram))) {
					Files.copy(diagram, committed, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		assertThat(DIAGRAMS.resolve("components.puml")).exists();
	}

	private static List<String> sortedLines(Path file) throws IOException {
		return Files.readAllLines(file).stream().sorted().toList();
	}

}
