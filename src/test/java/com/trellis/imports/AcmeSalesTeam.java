package com.trellis.imports;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Fixtures;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sales team the Salesforce sample files under {@code imports/salesforce} name as
 * owners: a sales manager (mara.manager), two AEs reporting to her (ana.rep, ben.rep) and
 * a PAM (pia.pam), all {@code @acme.test}. Made once per test context; the import tests
 * map the files' owner e-mails onto these users.
 */
final class AcmeSalesTeam {

	private AcmeSalesTeam() {
	}

	/** Adds the team unless an earlier test of the same context did. */
	static void ensure(Fixtures fixtures, JdbcClient jdbc) {
		if (fixtures.count("app_user WHERE email = 'ana.rep@acme.test'") > 0) {
			return;
		}
		var manager = fixtures.user(Role.SALES_MANAGER);
		email(jdbc, manager, "mara.manager@acme.test");
		email(jdbc, fixtures.user(Role.AE, null, manager.userId()), "ana.rep@acme.test");
		email(jdbc, fixtures.user(Role.AE, null, manager.userId()), "ben.rep@acme.test");
		email(jdbc, fixtures.user(Role.PAM), "pia.pam@acme.test");
	}

	private static void email(JdbcClient jdbc, Viewer user, String email) {
		jdbc.sql("UPDATE app_user SET email = ? WHERE id = ?").params(email, user.userId()).update();
	}

}
