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
 * Counts the statements some work sends: for tests of how many round trips a request
 * makes.
 */
public final class CountedStatements {

	private CountedStatements() {
	}

	/**
	 * Runs the work in a transaction whose connection counts, in {@code statements}, the
	 * statements prepared or created on it (each one round trip; a pipeline is one
	 * statement) and the savepoints. The counting data source stands for the
	 * application's as the key of the transaction's connection, so every module's
	 * statements (their own {@code @Transactional} joins this transaction) run on the
	 * counted one.
	 */
	public static <T> T counted(DataSource dataSource, AtomicInteger statements, Supplier<T> work) {
		var counting = new Counting(dataSource, statements);
		return new TransactionTemplate(new DataSourceTransactionManager(counting)).execute(status -> work.get());
	}

	/** The work's result and the statements it sent. */
	public record Tallied<T>(T result, int statements) {
	}

	/** Runs the work as {@link #counted} does and returns its result with the count. */
	public static <T> Tallied<T> of(DataSource dataSource, Supplier<T> work) {
		var statements = new AtomicInteger();
		T result = counted(dataSource, statements, work);
		return new Tallied<>(result, statements.get());
	}

	private static final class Counting extends DelegatingDataSource implements InfrastructureProxy {

		private final AtomicInteger statements;

		Counting(DataSource target, AtomicInteger statements) {
			super(target);
			this.statements = statements;
		}

		@Override
		public Object getWrappedObject() {
			return getTargetDataSource();
		}

		@Override
		public Connection getConnection() throws java.sql.SQLException {
			var connection = super.getConnection();
			return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
					(proxy, method, args) -> {
						var name = method.getName();
						if (name.startsWith("prepare") || name.equals("createStatement")
								|| name.equals("setSavepoint")) {
							this.statements.incrementAndGet();
						}
						try {
							return method.invoke(connection, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}

	}

}
