package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import com.trellis.matching.CompanyIdentity;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Recomputes the stored identity keys with the matching module's rules: a free-mail or
 * ISP domain is no longer kept as a company's domain, and names are transliterated before
 * they are folded (Müller is mueller). Accounts, registrations (with their name shape)
 * and leads. Written in Java because neither the public suffix list, the free-mail list
 * nor ICU's transforms are available to SQL.
 */
public class V53__matching_identity_keys extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		var connection = context.getConnection();
		rekey(connection, "account", "web_domain", "name", true);
		rekey(connection, "deal_registration", "customer_domain", "customer_name", true);
		rekey(connection, "partner_lead", "company_domain", null, false);
		try (var statement = connection.createStatement()) {
			statement.execute("""
					UPDATE deal_registration r SET name_shape = (
					    SELECT string_agg(CASE WHEN char_length(w) <= 4 OR w ~ '^[0-9]' THEN w ELSE '*' END, ' '
					                      ORDER BY i)
					    FROM unnest(string_to_array(r.normalized_name, ' ')) WITH ORDINALITY AS t(w, i))
					WHERE r.normalized_name IS NOT NULL""");
		}
	}

	private static void rekey(Connection connection, String table, String domainColumn, String nameColumn,
			boolean withName) throws SQLException {
		List<Object[]> updates = new ArrayList<>();
		var select = "SELECT id, " + domainColumn + (withName ? ", " + nameColumn : "") + " FROM " + table;
		try (var statement = connection.createStatement(); var rows = statement.executeQuery(select)) {
			while (rows.next()) {
				updates.add(new Object[] { rows.getLong(1), CompanyIdentity.identityDomain(rows.getString(2)),
						withName ? CompanyIdentity.normalizedName(rows.getString(3)) : null });
			}
		}
		var update = "UPDATE " + table + " SET registrable_domain = ?" + (withName ? ", normalized_name = ?" : "")
				+ " WHERE id = ?";
		try (var statement = connection.prepareStatement(update)) {
			for (var row : updates) {
				statement.setString(1, (String) row[1]);
				if (withName) {
					statement.setString(2, (String) row[2]);
				}
				statement.setLong(withName ? 3 : 2, (Long) row[0]);
				statement.addBatch();
			}
			statement.executeBatch();
		}
	}

}
