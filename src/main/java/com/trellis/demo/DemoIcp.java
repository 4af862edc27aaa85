package com.trellis.demo;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The program's ideal customer profile, set by the admin (user 1): three of the demo's
 * industries, the mid-size bands and the main countries. Most demo customers miss on at
 * least one of them, so early-stage deals show ICP-mismatch recommendations on the first
 * start; the rest fit. Retail is among them so that test worlds' customers (Retail, size
 * and country not recorded) fit.
 */
final class DemoIcp {

	static final String[] INDUSTRIES = { "Manufacturing", "Logistics", "Retail" };

	static final String[] BANDS = { "51-200", "201-1000", "1001-5000" };

	static final String[] COUNTRIES = { "US", "GB", "DE", "CA" };

	private DemoIcp() {
	}

	static void write(JdbcClient jdbc, Instant now) {
		jdbc.sql(
				"""
						INSERT INTO guidance_icp (id, industries, employee_bands, countries, updated_at, updated_by)
						VALUES (true, :industries, :bands, :countries, :at, 1)
						ON CONFLICT (id) DO UPDATE SET industries = EXCLUDED.industries, employee_bands = EXCLUDED.employee_bands,
						    countries = EXCLUDED.countries, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
						""")
			.param("industries", INDUSTRIES)
			.param("bands", BANDS)
			.param("countries", COUNTRIES)
			.param("at", Timestamp.from(now))
			.update();
	}

}
