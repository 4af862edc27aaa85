package com.trellis.identity;

import java.nio.file.Path;
import java.util.regex.Pattern;

import com.trellis.TrellisApplication;
import com.trellis.shared.ConflictException;
import com.trellis.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Trellis started on an empty database without demo data, twice on the same data folder,
 * as an evaluator would: the first administrator exists after the first start, their
 * one-time password is printed once, and the second start changes nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorTests {

	private static final Pattern PASSWORD = Pattern.compile("one-time password: (\\S+)");

	@TempDir
	Path data;

	@Test
	void theFirstAdministratorIsCreatedOnceWithAPasswordPrintedOnceAndThenBuildsTheTeam(CapturedOutput output) {
		String password;
		String hash;
		try (var app = start()) {
			var matcher = PASSWORD.matcher(output.getOut());
			assertThat(matcher.find()).as("the one-time password is printed").isTrue();
			password = matcher.group(1);
			assertThat(matcher.find()).as("and printed only once").isFalse();
			assertThat(output.getOut()).contains("WARN")
				.contains("FIRST ADMINISTRATOR CREATED")
				.contains("Sign in as First.Admin@example.com");

			var jdbc = app.getBean(JdbcClient.class);
			var row = jdbc.sql("""
					SELECT role, display_name, password_hash, must_change_password, enabled FROM app_user
					WHERE lower(email) = 'first.admin@example.com'
					""").query().singleRow();
			assertThat(row).containsEntry("role", "ADMIN")
				.containsEntry("display_name", "Fiona First")
				.containsEntry("must_change_password", true)
				.containsEntry("enabled", true);
			hash = (String) row.get("password_hash");
			assertThat(app.getBean(PasswordEncoder.class).matches(password, hash)).isTrue();
			assertThat(jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single()).isEqualTo(1);
			assertThat(jdbc.sql("SELECT count(*) FROM partner").query(Long.class).single()).isZero();
			assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE entity_type = 'user'").query(String.class).list())
				.containsExactly("created as the first administrator");
		}
		int printedBefore = output.getOut().length();
		try (var app = start()) {
			var second = output.getOut().substring(printedBefore);
			assertThat(second).doesNotContain("one-time password").contains("exists already");
			var jdbc = app.getBean(JdbcClient.class);
			assertThat(jdbc.sql("SELECT password_hash FROM app_user").query(String.class).single())
				.as("the password is never reset")
				.isEqualTo(hash);

			// the first administrator builds the team, but cannot lock the program out
			long adminId = jdbc.sql("SELECT id FROM app_user").query(Long.class).single();
			var admin = new Viewer(adminId, "Fiona First", Role.ADMIN, null);
			var users = app.getBean(UserAdministration.class);

			var manager = users.create(admin, new UserCommand("mona@example.com", "Mona Manager", Role.SALES_MANAGER,
					"West", null, "Sales manager"));
			var rep1 = users.create(admin,
					new UserCommand("rick@example.com", "Rick Rep", Role.AE, "West", manager.user().id(), "AE"));
			var rep2 = users.create(admin,
					new UserCommand("rita@example.com", "Rita Rep", Role.AE, "West", manager.user().id(), "AE"));
			assertThat(rep1.user().managerName()).isEqualTo("Mona Manager");
			assertThat(rep2.setPasswordLinkSentTo()).as("no mail server: a one-time password instead of a link")
				.isNull();
			assertThat(rep2.oneTimePassword()).hasSize(20).isNotEqualTo(rep1.oneTimePassword());
			assertThat(app.getBean(Users.class).reportsOf(manager.user().id())).containsExactly(rep1.user().id(),
					rep2.user().id());

			assertThatThrownBy(() -> users.deactivate(admin, adminId)).isInstanceOf(ConflictException.class)
				.hasMessage("id: you cannot deactivate yourself");
			assertThatThrownBy(() -> users.update(admin, adminId,
					new UserCommand("first.admin@example.com", "Fiona First", Role.EXECUTIVE, null, null, null)))
				.isInstanceOf(InvalidInputException.class)
				.hasMessageStartingWith("role: this is the last active program admin");
			assertThat(jdbc.sql("SELECT role FROM app_user WHERE id = ?").param(adminId).query(String.class).single())
				.isEqualTo("ADMIN");
		}
	}

	private ConfigurableApplicationContext start() {
		// command-line arguments, as in the README, so they win over the test profile
		return new SpringApplicationBuilder(TrellisApplication.class).profiles("test")
			.run("--trellis.embedded-db.ephemeral=false", "--trellis.embedded-db.data-dir=" + this.data.resolve("pg"),
					"--server.port=0", "--trellis.demo.enabled=false", "--trellis.forecast.snapshot-cron=-",
					"--trellis.admin.email=First.Admin@example.com", "--trellis.admin.name=Fiona First");
	}

}
