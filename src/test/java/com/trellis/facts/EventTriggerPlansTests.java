package com.trellis.facts;

import com.trellis.support.TrellisTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The functions every activity event's triggers call (one event per registration) keep
 * one plan per database session for their statements (V177, V300): their parameters are
 * moments and partner ids the plan cache would otherwise plan for again on every call,
 * 1.1–1.6 ms of planning per registration on the large data against a tenth of that
 * executing.
 */
@TrellisTest
class EventTriggerPlansTests {

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest
	@ValueSource(strings = { "facts_activity_gaps_refresh", "facts_recency_activity_moved" })
	void planOncePerSession(String function) {
		var settings = this.jdbc
			.sql("SELECT coalesce(array_to_string(proconfig, ','), '') FROM pg_proc WHERE proname = ?")
			.param(function)
			.query(String.class)
			.single();
		assertThat(settings).as("settings of " + function).contains("plan_cache_mode=force_generic_plan");
	}

}
