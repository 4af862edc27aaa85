package com.trellis.readiness;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaterialCheckTests {

	private static final byte[] PDF = "%PDF-1.7\n%demo\n".getBytes(StandardCharsets.US_ASCII);

	@Test
	void aPdfIsTakenWithItsContentType() {
		var verdict = MaterialCheck.check("Pitch deck.pdf", "application/pdf", PDF, 1024);
		assertThat(verdict.taken()).isTrue();
		assertThat(verdict.contentType()).isEqualTo("application/pdf");
	}

	@Test
	void aFileOverTheLimitIsRefusedSayingTheLimit() {
		var verdict = MaterialCheck.check("Pitch deck.pdf", "application/pdf", PDF, 8);
		assertThat(verdict.taken()).isFalse();
		assertThat(verdict.reason()).contains("at most 8");
	}

	@Test
	void anExecutableRenamedToPdfIsRefusedByItsContent() {
		var exe = new byte[] { 'M', 'Z', 0, 0, 1, 2 };
		var verdict = MaterialCheck.check("deck.pdf", "application/pdf", exe, 1024);
		assertThat(verdict.taken()).isFalse();
		assertThat(verdict.reason()).isEqualTo("the file's content is not application/pdf");
	}

	@Test
	void aTypeOutsideTheListOrADeclaredTypeThatDoesNotMatchIsRefused() {
		assertThat(MaterialCheck.check("page.html", "text/html", PDF, 1024).reason()).startsWith("only PDF");
		assertThat(MaterialCheck.check("deck.pdf", "text/html", PDF, 1024).reason())
			.contains("does not match the file's name");
		assertThat(MaterialCheck.check("deck.pdf", "application/pdf", new byte[0], 1024).reason())
			.isEqualTo("the file is empty");
	}

}
