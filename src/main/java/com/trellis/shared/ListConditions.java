package com.trellis.shared;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code WHERE} clause of a list's read written from the filters given only, with
 * their parameters. A filter written as {@code (CAST(:x AS …) IS NULL OR column = :x)}
 * leaves PostgreSQL's generic plan of the prepared statement (which it may keep for any
 * parameters after five runs on a connection) unable to use an index for it; with only
 * the given filters, each combination is its own statement and every plan fits it (s66:
 * the deal list read a page in 7-11 s under a generic plan, 0.1 s now).
 */
public final class ListConditions {

	private final List<String> conditions = new ArrayList<>();

	private final Map<String, Object> parameters = new HashMap<>();

	/**
	 * Adds {@code sql}, which reads the parameter {@code name}, when the value is given.
	 */
	public ListConditions when(String sql, String name, Object value) {
		if (value != null) {
			this.conditions.add(sql);
			this.parameters.put(name, value);
		}
		return this;
	}

	/**
	 * Adds {@code column = 'NAME'} when the value is given: the enum's name written into
	 * the statement (a constant, never user text), so each value has its own statement
	 * and PostgreSQL plans it with that value's share of the rows. A generic plan of
	 * {@code status = :status} priced a rare status (a pending registration) as a common
	 * one and counted the admin's SLA breaches from every registration (s67).
	 */
	public ListConditions whenEnum(String column, Enum<?> value) {
		if (value != null) {
			this.conditions.add(column + " = '" + value.name() + "'");
		}
		return this;
	}

	/**
	 * Adds {@code column = ANY (CAST(:name AS BIGINT[]))} when the ids are given (null:
	 * any), bound as one array ({@link SqlIds}); an empty collection matches no row.
	 */
	public ListConditions whenAnyOf(String column, String name, java.util.Collection<Long> ids) {
		return when(column + " = ANY (CAST(:" + name + " AS BIGINT[]))", name, ids == null ? null : SqlIds.array(ids));
	}

	/** Adds a condition without parameters. */
	public ListConditions always(String sql) {
		this.conditions.add(sql);
		return this;
	}

	/** {@code WHERE} and the conditions joined by {@code AND}, or nothing without any. */
	public String where() {
		return this.conditions.isEmpty() ? "" : "WHERE " + String.join("\n  AND ", this.conditions);
	}

	/** The conditions' parameters, a new map the caller may add to. */
	public Map<String, Object> parameters() {
		return new HashMap<>(this.parameters);
	}

}
