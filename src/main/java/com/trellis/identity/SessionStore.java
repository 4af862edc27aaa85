package com.trellis.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * The signed-in sessions' store in PostgreSQL (Spring Session JDBC, tables of V55) writes
 * a session's attributes with {@code INSERT … ON CONFLICT … DO UPDATE}. The default
 * statements insert an attribute the request did not find when it read the session, so
 * two requests of one session that both set a new attribute (the flash message of a
 * redirect: a form sent twice at once, two tabs, two instances) broke the attributes' key
 * and the second answered 500 after its change had been saved. Applied only when the
 * sessions are kept in the database (the test profile keeps them in memory).
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer upsertSessionAttributes() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

}
