package db.migration;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;

import com.trellis.matching.CompanyIdentity;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Adds the customer identity columns that conflict detection matches on (registrable
 * domain, normalised name) and fills them for existing accounts. Written in Java because
 * the public suffix list is not available to SQL.
 */
public class V8__accounts_customer_identity extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		var connection = context.getConnection();
		try (var statement = connection.createStatement()) {
			statement.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
			statement
				.execute("ALTER TABLE account ADD COLUMN registrable_domain TEXT, ADD COLUMN normalized_name TEXT");
		}
		List<Object[]> updates = new ArrayList<>();
		try (var statement = connection.createStatement();
				var rows = statement.executeQuery("SELECT id, name, web_domain FROM account")) {
			while (rows.next()) {
				updates.add(new Object[] { rows.getLong(1), CompanyIdentity.identityDomain(rows.getString(3)),
						CompanyIdentity.normalizedName(rows.getString(2)) });
			}
		}
		try (PreparedStatement update = connection
			.prepareStatement("UPDATE account SET registrable_domain = ?, normalized_name = ? WHERE id = ?")) {
			for (var row : updates) {
				update.setString(1, (String) row[1]);
				update.setString(2, (String) row[2]);
				update.setLong(3, (Long) row[0]);
				update.addBatch();
			}
			update.executeBatch();
		}
		try (var statement = connection.createStatement()) {
			statement.execute("CREATE INDEX account_registrable_domain_idx ON account (registrable_domain)");
			statement.execute(
					"CREATE INDEX account_normalized_name_trgm_idx ON account USING gin (normalized_name gin_trgm_ops)");
		}
	}

}
