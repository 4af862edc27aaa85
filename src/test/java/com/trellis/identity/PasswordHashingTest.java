package com.trellis.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PasswordHashingTest {

	@Test
	void hashesWithTheConfiguredCostAndChecksAHashWithTheCostItWasMadeWith() {
		var quick = PasswordHashing.encoder(4);
		var hash = quick.encode("correct horse");
		assertThat(hash).startsWith("{bcrypt}$2a$04$");
		assertThat(quick.matches("correct horse", hash)).isTrue();
		assertThat(quick.matches("wrong horse", hash)).isFalse();
		var madeAtTen = PasswordHashing.encoder(10).encode("correct horse");
		assertThat(madeAtTen).startsWith("{bcrypt}$2a$10$");
		assertThat(quick.matches("correct horse", madeAtTen)).as("a cost-10 hash after the cost was lowered").isTrue();
	}

	@Test
	void stillRecognisesSpringSecuritysOtherHashFormats() {
		assertThat(PasswordHashing.encoder(4).matches("s3cret", "{noop}s3cret")).isTrue();
		var sha256 = "{pbkdf2@SpringSecurity_v5_8}"
				+ org.springframework.security.crypto.password.Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8()
					.encode("s3cret");
		assertThat(PasswordHashing.encoder(4).matches("s3cret", sha256)).isTrue();
	}

	@Test
	void refusesACostBcryptDoesNotHaveNamingTheSetting() {
		assertThatIllegalArgumentException().isThrownBy(() -> PasswordHashing.encoder(3))
			.withMessageContaining("trellis.security.password-hash-cost");
		assertThatIllegalArgumentException().isThrownBy(() -> PasswordHashing.encoder(32))
			.withMessageContaining("trellis.security.password-hash-cost");
	}

}
