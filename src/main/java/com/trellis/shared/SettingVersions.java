package com.trellis.shared;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Optimistic concurrency for the program settings an admin saves as a whole (table
 * {@code setting_version}, V315): each setting has a version, one more with each save, 0
 * before the first. A page puts the version it showed in a hidden {@code version} field
 * and an API GET answers it as its ETag ({@link IfMatch}); a save that names an older
 * version is refused ({@link ConflictException} on {@code version}) and changes nothing,
 * so one admin's stale form does not silently undo another's newer change. A save that
 * names no version is not checked (last write wins, as before).
 */
@Component
public class SettingVersions {

	private final JdbcClient jdbc;

	private final Clock clock;

	SettingVersions(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The setting's current version; 0 when it was never saved. */
	public long version(String setting) {
		return this.jdbc.sql("SELECT version FROM setting_version WHERE setting = :setting")
			.param("setting", setting)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	/**
	 * Moves the setting to its next version in the caller's transaction, after checking
	 * that it is still at {@code seen} (null: unchecked). Call it before the save: a
	 * second save of the same setting waits here for the first's transaction, then sees
	 * its version. {@code what} names the setting in the refusal ("the tier thresholds").
	 */
	public void advance(String setting, Long seen, Long userId, String what) {
		this.jdbc.sql("""
				INSERT INTO setting_version (setting, version, changed_at) VALUES (:setting, 0, :now)
				ON CONFLICT (setting) DO NOTHING
				""").param("setting", setting).param("now", Timestamp.from(this.clock.instant())).update();
		var current = this.jdbc.sql("""
				SELECT s.version, u.email FROM setting_version s LEFT JOIN app_user u ON u.id = s.changed_by
				WHERE s.setting = :setting FOR UPDATE OF s
				""")
			.param("setting", setting)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.single();
		if (seen != null && seen != (long) current[0]) {
			throw new ConflictException("version",
					"a newer save of " + what + (current[1] == null ? "" : " by " + current[1])
							+ " came after the version you read (it is at " + current[0] + ", you sent " + seen
							+ "); nothing was saved. Read the current values and apply your change to them");
		}
		this.jdbc.sql("""
				UPDATE setting_version SET version = version + 1, changed_by = :by, changed_at = :now
				WHERE setting = :setting
				""")
			.param("setting", setting)
			.param("by", userId)
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
	}

}
