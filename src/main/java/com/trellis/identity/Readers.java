package com.trellis.identity;

import java.util.List;

import com.trellis.shared.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each user's choice of locale and time zone for reading pages (their profile's
 * settings), checked by {@link ReaderChoice}.
 */
@Service
public class Readers {

	private final JdbcClient jdbc;

	Readers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The viewer's settings; fields left empty read as the program's. */
	@Transactional(readOnly = true)
	public ReaderSettings of(Viewer viewer) {
		return of(viewer.userId());
	}

	ReaderSettings of(long userId) {
		return this.jdbc.sql("SELECT locale, time_zone FROM app_user WHERE id = :id")
			.param("id", userId)
			.query((rs, n) -> new ReaderSettings(rs.getString("locale"), rs.getString("time_zone")))
			.optional()
			.orElse(new ReaderSettings(null, null));
	}

	/** Replaces the viewer's settings; a field in error changes nothing. */
	@Transactional
	public ReaderSettings change(Viewer viewer, ReaderSettings settings) {
		var chosen = settings == null ? new ReaderSettings(null, null) : settings;
		List<InvalidInputException.FieldError> errors = ReaderChoice.check(chosen.locale(), chosen.timeZone());
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		this.jdbc.sql("UPDATE app_user SET locale = :locale, time_zone = :zone WHERE id = :id")
			.param("locale", chosen.locale())
			.param("zone", chosen.timeZone())
			.param("id", viewer.userId())
			.update();
		return of(viewer.userId());
	}

}
