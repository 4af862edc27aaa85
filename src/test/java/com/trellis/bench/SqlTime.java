package com.trellis.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Times every statement's execute calls on the application's connections (whatever thread
 * sends them): the statement sent, run by the server and, as the driver reads a whole
 * result before it returns, every row received. Not the rows' mapping to objects. By the
 * start and the end of each statement's SQL (statements that share a start, such as a
 * CTE, told apart).
 */
final class SqlTime implements BeanPostProcessor {

	static final AtomicLong nanos = new AtomicLong();

	static final AtomicLong statements = new AtomicLong();

	private static final java.util.concurrent.ConcurrentHashMap<String, AtomicLong> bySql = new java.util.concurrent.ConcurrentHashMap<>();

	private static final Set<String> PREPARING = Set.of("prepareStatement", "prepareCall", "createStatement");

	/** The SQL's first 90 characters, blanks collapsed, and its last 40. */
	static String named(String text) {
		var collapsed = text.strip().replaceAll("\\s+", " ");
		var start = StatementCounter.shown(text);
		return collapsed.length() <= start.length() + 40 ? collapsed
				: start + " … " + collapsed.substring(collapsed.length() - 40);
	}

	static java.util.Map<String, Long> snapshot() {
		var copy = new java.util.HashMap<String, Long>();
		bySql.forEach((sql, n) -> copy.put(sql, n.get()));
		return copy;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !(bean instanceof Timed)) {
			return new Timed(dataSource);
		}
		return bean;
	}

	static final class Timed extends DelegatingDataSource implements AutoCloseable {

		Timed(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return timed(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return timed(super.getConnection(username, password));
		}

		@Override
		public void close() throws Exception {
			if (getTargetDataSource() instanceof AutoCloseable closeable) {
				closeable.close();
			}
		}

		private static Connection timed(Connection connection) {
			return (Connection) Proxy.newProxyInstance(SqlTime.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, args) -> {
						var made = invoke(connection, method, args);
						if (PREPARING.contains(method.getName()) && made instanceof Statement statement) {
							var sql = args != null && args.length > 0 && args[0] instanceof String text ? named(text)
									: "(statement)";
							return statement(statement, sql);
						}
						return made;
					});
		}

		private static Object statement(Statement statement, String sql) {
			var type = statement instanceof CallableStatement ? CallableStatement.class
					: statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
			return Proxy.newProxyInstance(SqlTime.class.getClassLoader(), new Class<?>[] { type },
					(proxy, method, args) -> {
						if (!method.getName().startsWith("execute")) {
							return invoke(statement, method, args);
						}
						long started = System.nanoTime();
						try {
							return invoke(statement, method, args);
						}
						finally {
							long took = System.nanoTime() - started;
							nanos.addAndGet(took);
							statements.incrementAndGet();
							var key = method.getName().equals("executeBatch") ? "(batch) " + sql : sql;
							bySql.computeIfAbsent(key, k -> new AtomicLong()).addAndGet(took);
						}
					});
		}

		private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
			try {
				return method.invoke(target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		}

	}

}
