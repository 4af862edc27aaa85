package com.trellis.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the application sends, for a benchmark's "statements per
 * registration": wraps the {@link DataSource} bean so that every statement a connection
 * prepares or creates ({@code prepareStatement}, {@code prepareCall},
 * {@code createStatement}) adds one, whatever thread sends it (request threads and
 * asynchronous listeners alike). Commits and rollbacks are not statements here; the
 * transactions are counted by PostgreSQL ({@code pg_stat_database.xact_commit}).
 */
final class StatementCounter implements BeanPostProcessor {

	private static final Set<String> STATEMENTS = Set.of("prepareStatement", "prepareCall", "createStatement");

	private static final AtomicLong count = new AtomicLong();

	private static final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.LongAdder> bySql = new java.util.concurrent.ConcurrentHashMap<>();

	/** Statements sent since the application started. */
	static long count() {
		return count.get();
	}

	/**
	 * Statements sent since the application started, by the start of their SQL (blanks
	 * collapsed, at most {@value #SQL_SHOWN} characters).
	 */
	static java.util.Map<String, Long> bySql() {
		var counts = new java.util.HashMap<String, Long>();
		bySql.forEach((sql, n) -> counts.put(sql, n.sum()));
		return counts;
	}

	/** How much of a statement's SQL names it in {@link #bySql()}. */
	static final int SQL_SHOWN = 90;

	private static void countStatement(Object[] args) {
		count.incrementAndGet();
		// blanks are collapsed up to the shown length only, without a regular expression:
		// one over every statement's whole SQL (some are kilobytes) was 8 % of the
		// request
		// threads' CPU samples (reg18), one over its first 900 characters still 3 %
		// (reg22)
		var sql = args != null && args.length > 0 && args[0] instanceof String text ? shown(text)
				: "(statement without SQL)";
		bySql.computeIfAbsent(sql, k -> new java.util.concurrent.atomic.LongAdder()).increment();
	}

	/**
	 * The first {@value #SQL_SHOWN} characters of the SQL with each run of blanks as one
	 * space, without leading or trailing blanks.
	 */
	static String shown(String text) {
		var out = new StringBuilder(SQL_SHOWN);
		boolean blank = false;
		for (int i = 0; i < text.length() && out.length() < SQL_SHOWN; i++) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c)) {
				blank = true;
				continue;
			}
			if (blank && out.length() > 0) {
				out.append(' ');
				if (out.length() == SQL_SHOWN) {
					break;
				}
			}
			blank = false;
			out.append(c);
		}
		return out.toString();
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !(bean instanceof Counting)) {
			return new Counting(dataSource);
		}
		return bean;
	}

	/** The data source with its statements counted; closing it closes the pool. */
	static final class Counting extends DelegatingDataSource implements AutoCloseable {

		Counting(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return counted(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return counted(super.getConnection(username, password));
		}

		@Override
		public void close() throws Exception {
			if (getTargetDataSource() instanceof AutoCloseable closeable) {
				closeable.close();
			}
		}

		private static Connection counted(Connection connection) {
			return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, args) -> {
						if (STATEMENTS.contains(method.getName())) {
							countStatement(args);
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
