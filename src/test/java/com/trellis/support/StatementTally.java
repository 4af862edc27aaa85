package com.trellis.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.core.InfrastructureProxy;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts the statements a piece of work sends: runs it in a transaction whose connection
 * counts each statement prepared or created on it and each savepoint (one round trip
 * each; a pipeline is one statement). The counting data source stands for the
 * application's as the key of the transaction's connection, so every module's statements
 * inside the work run on the counted connection.
 */
public final class StatementTally {

	private StatementTally() {
	}

	/** The work's result and the statements it sent. */
	public record Tallied<T>(T result, int statements) {
	}

	public static <T> Tallied<T> of(DataSource dataSource, Supplier<T> work) {
		var statements = new AtomicInteger();
		var counting = new CountingSource(dataSource, statements);
		T result = new TransactionTemplate(new DataSourceTransactionManager(counting)).execute(status -> work.get());
		return new Tallied<>(result, statements.get());
	}

	private static final class CountingSource extends DelegatingDataSource implements InfrastructureProxy {

		private final AtomicInteger statements;

		CountingSource(DataSource target, AtomicInteger statements) {
			super(target);
			this.statements = statements;
		}

		@Override
		public Object getWrappedObject() {
			return getTargetDataSource();
		}

		@Override
		public Connection getConnection() throws java.sql.SQLException {
			var target = super.getConnection();
			return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
					(proxy, method, args) -> {
						var name = method.getName();
						if (name.startsWith("prepare") || name.equals("createStatement")
								|| name.equals("setSavepoint")) {
							this.statements.incrementAndGet();
						}
						try {
							return method.invoke(target, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}

	}

}
