package com.trellis.scoring;

import java.sql.ResultSet;
import java.sql.SQLException;

/** A result set ordered by partner (its first column), read one partner at a time. */
final class RecordCursor {

	final ResultSet rs;

	boolean more;

	RecordCursor(ResultSet rs) throws SQLException {
		this.rs = rs;
		this.more = rs.next();
	}

	void advance() throws SQLException {
		this.more = this.rs.next();
	}

	/**
	 * Skips the rows of partners before {@code partnerId}; true while on one of its rows.
	 */
	boolean on(long partnerId) throws SQLException {
		while (this.more && this.rs.getLong(1) < partnerId) {
			this.more = this.rs.next();
		}
		return this.more && this.rs.getLong(1) == partnerId;
	}

}
