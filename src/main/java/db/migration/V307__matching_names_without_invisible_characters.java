package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import com.trellis.matching.CompanyIdentity;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Recomputes the folded names of the accounts and registrations whose name holds an
 * invisible format character (a soft hyphen, a zero-width space or joiner, a bidi mark):
 * the matching module now drops them before folding (s55: "North{U+200B}gate Health" was
 * folded as two words and slipped past the conflict check). The registrations' name shape
 * is recomputed as in V53; the kept name tables follow through their update triggers
 * (V154, V159). Only rows with such a character are read.
 */
public class V307__matching_names_without_invisible_characters extends BaseJavaMigration {

	/** The format characters PostgreSQL's regular expressions can name, as a class. */
	private static final String INVISIBLE = "'[\\u00AD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u180E\\u200B-\\u200F"
			+ "\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB]'";

	@Override
	public void migrate(Context context) throws Exception {
		var connection = context.getConnection();
		refold(connection, "account", "name");
		var registrations = refold(connection, "deal_registration", "customer_name");
		if (registrations > 0) {
			try (var statement = connection.createStatement()) {
				statement.execute("""
						UPDATE deal_registration r SET name_shape = (
						    SELECT string_agg(CASE WHEN char_length(w) <= 4 OR w ~ '^[0-9]' THEN w ELSE '*' END, ' '
						                      ORDER BY i)
						    FROM unnest(string_to_array(r.normalized_name, ' ')) WITH ORDINALITY AS t(w, i))
						WHERE r.normalized_name IS NOT NULL AND r.customer_name ~ %s""".formatted(INVISIBLE));
			}
		}
	}

	private static int refold(Connection connection, String table, String nameColumn) throws SQLException {
		List<Object[]> updates = new ArrayList<>();
		var select = "SELECT id, " + nameColumn + " FROM " + table + " WHERE " + nameColumn + " ~ " + INVISIBLE;
		try (var statement = connection.createStatement(); var rows = statement.executeQuery(select)) {
			while (rows.next()) {
				updates.add(new Object[] { rows.getLong(1), CompanyIdentity.normalizedName(rows.getString(2)) });
			}
		}
		try (var statement = connection.prepareStatement(
				"UPDATE " + table + " SET normalized_name = ? WHERE id = ? AND normalized_name IS DISTINCT FROM ?")) {
			for (var row : updates) {
				statement.setString(1, (String) row[1]);
				statement.setLong(2, (Long) row[0]);
				statement.setString(3, (String) row[1]);
				statement.addBatch();
			}
			statement.executeBatch();
		}
		return updates.size();
	}

}
