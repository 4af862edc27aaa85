package com.trellis.activation;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.trellis.audit.AuditLog;
import com.trellis.identity.Role;
import com.trellis.partners.Partners;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.PageRequest;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The activation page reads a page of plans in a fixed number of statements (issue 15: it
 * read each plan, its milestones and its open blockers one partner at a time, 212
 * statements for the admin's page of 50), and the plans read together are the plans read
 * one at a time.
 */
@TrellisTest
class ActivationBookStatementsTests {

	@Autowired
	ActivationPlans plans;

	@Autowired
	DataSource dataSource;

	@Autowired
	Partners partners;

	@Autowired
	AuditLog audit;

	@Autowired
	Clock clock;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	Fixtures fixtures;

	@Test
	void aPageOfPlansIsReadInAFewStatementsWhateverItsSize() {
		var admin = this.fixtures.user(Role.ADMIN);
		var statements = new AtomicInteger();
		var jdbc = JdbcClient.create(counting(statements));
		var counted = new ActivationPlans(new ActivationRepository(jdbc), new BlockerRepository(jdbc), this.partners,
				this.audit, this.clock, this.calendar);
		var small = counted.book(admin, new PageRequest(0, 2));
		int forTwo = statements.getAndSet(0);
		var large = counted.book(admin, new PageRequest(0, 12));
		int forTwelve = statements.get();
		assertThat(large.items()).hasSizeGreaterThan(small.items().size());
		assertThat(forTwelve).isEqualTo(forTwo).isLessThanOrEqualTo(5);
		assertThat(large.items())
			.isEqualTo(large.items().stream().map(plan -> this.plans.plan(admin, plan.partnerId())).toList());
		assertThat(this.plans.book(admin, new PageRequest(0, 12))).isEqualTo(large);
	}

	/** The data source with every statement prepared or created counted. */
	private DataSource counting(AtomicInteger statements) {
		return new DelegatingDataSource(this.dataSource) {
			@Override
			public Connection getConnection() throws java.sql.SQLException {
				var connection = super.getConnection();
				return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
						new Class<?>[] { Connection.class }, (proxy, method, args) -> {
							if (method.getName().startsWith("prepare") || method.getName().equals("createStatement")) {
								statements.incrementAndGet();
							}
							try {
								return method.invoke(connection, args);
							}
							catch (InvocationTargetException ex) {
								throw ex.getCause();
							}
						});
			}
		};
	}

}
