package com.trellis.accounts;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import com.trellis.matching.Company;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * Candidate accounts for many companies at once (a partner's list of 100,000): one pass
 * over the accounts ({@code COPY}), each account looking its registrable domain and its
 * name's keys up among the list's ({@link ListNeighbours}), so the work is one read of
 * the account table plus a few hash look-ups per account, whatever the list's size. On a
 * large table the pass is split by block range over several connections reading one
 * snapshot (one core each). A trigram probe per company (the {@code pg_trgm} index the
 * one-at-a-time search uses) costs over 15 ms at a million accounts whose names share
 * common words, and joins per kind of candidate read the table once each (same domain,
 * same name, extended, shortened): too slow for 100,000 companies.
 */
@Repository
class AccountCandidates {

	private static final Logger log = LoggerFactory.getLogger(AccountCandidates.class);

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	/** Connections (and threads) reading a large account table at once. */
	private final int readers;

	/** From this many 8 kB blocks on, the account table is read in parts. */
	private final long parallelFromBlocks;

	AccountCandidates(JdbcClient jdbc, DataSource dataSource, @Value("${trellis.matching.readers:2}") int readers,
			@Value("${trellis.matching.parallel-from-blocks:2000}") long parallelFromBlocks) {
		if (readers < 1) {
			throw new IllegalArgumentException("trellis.matching.readers must be 1 or more, not " + readers);
		}
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.readers = readers;
		this.parallelFromBlocks = parallelFromBlocks;
	}

	/**
	 * Every candidate of every company, in one pass over the accounts ({@code COPY} of
	 * their keys and records, split by block range over {@link #readers} connections when
	 * the table is large, all reading the caller's snapshot): for each company the
	 * accounts with its registrable domain or normalised name ({@code first}), and those
	 * one slip apart in one word, extended by words (the first {@code limit} in name
	 * order) or shortened by words ({@code further}).
	 */
	ListCandidates find(List<Company> companies, int limit) {
		long began = System.nanoTime();
		var neighbours = new ListNeighbours(companies);
		long keyed = System.nanoTime();
		Connection own = DataSourceUtils.getConnection(this.dataSource);
		int parts;
		try {
			long blocks = this.jdbc.sql("SELECT pg_relation_size('account') / current_setting('block_size')::bigint")
				.query(Long.class)
				.single();
			parts = blocks < this.parallelFromBlocks ? 1 : this.readers;
			var readers = new ArrayList<ListNeighbours.Reader>();
			if (parts == 1) {
				var reader = neighbours.new Reader();
				read(own, reader, 0, -1);
				readers.add(reader);
			}
			else {
				readers.addAll(readInParts(own, neighbours, blocks, parts));
			}
			long read = System.nanoTime();
			var found = ListCandidates.of(neighbours, readers, limit);
			if (companies.size() >= ListMatching.LOGGED) {
				log.info(String.format(Locale.ROOT,
						"candidates of %d companies: their keys %.2f s, accounts read in %d part(s) %.2f s,"
								+ " gathered %.2f s",
						companies.size(), (keyed - began) / 1e9, parts, (read - keyed) / 1e9,
						(System.nanoTime() - read) / 1e9));
			}
			return found;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot read the accounts", ex);
		}
		finally {
			DataSourceUtils.releaseConnection(own, this.dataSource);
		}
	}

	/**
	 * Reads the table in {@code parts} block ranges at once: the first on the caller's
	 * connection, the others each on a connection of its own that imports the caller's
	 * snapshot, so every part sees the same accounts.
	 */
	private List<ListNeighbours.Reader> readInParts(Connection own, ListNeighbours neighbours, long blocks, int parts)
			throws SQLException {
		String snapshot;
		try (var statement = own.createStatement(); var rs = statement.executeQuery("SELECT pg_export_snapshot()")) {
			rs.next();
			snapshot = rs.getString(1);
		}
		var pool = Executors.newFixedThreadPool(parts - 1);
		try {
			var others = new ArrayList<Future<ListNeighbours.Reader>>();
			for (int p = 1; p < parts; p++) {
				long from = blocks * p / parts;
				long to = p == parts - 1 ? -1 : blocks * (p + 1) / parts;
				others.add(pool.submit(() -> readWithSnapshot(snapshot, neighbours, from, to)));
			}
			var first = neighbours.new Reader();
			read(own, first, 0, blocks / parts);
			var readers = new ArrayList<>(List.of(first));
			for (var other : others) {
				readers.add(other.get());
			}
			return readers;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while reading the accounts", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Cannot read the accounts", ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

	private ListNeighbours.Reader readWithSnapshot(String snapshot, ListNeighbours neighbours, long from, long to)
			throws SQLException {
		try (var connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			try (var statement = connection.createStatement()) {
				statement.execute("SET TRANSACTION READ ONLY");
				statement.execute("SET TRANSACTION SNAPSHOT '" + snapshot.replace("'", "''") + "'");
			}
			var reader = neighbours.new Reader();
			try {
				read(connection, reader, from, to);
			}
			finally {
				connection.rollback();
			}
			return reader;
		}
	}

	/**
	 * Offers the accounts in blocks {@code from} to {@code to} (-1: to the end) to the
	 * reader, by {@code COPY … TO STDOUT} (text format: tab-separated, {@code \N} for
	 * null); name and country are decoded only for the accounts that meet a company.
	 */
	private static void read(Connection connection, ListNeighbours.Reader reader, long from, long to)
			throws SQLException {
		var range = "ctid >= '(" + from + ",0)'::tid" + (to < 0 ? "" : " AND ctid < '(" + to + ",0)'::tid");
		var out = connection.unwrap(PGConnection.class)
			.getCopyAPI()
			.copyOut("COPY (SELECT id, registrable_domain, normalized_name, name, country FROM account WHERE " + range
					+ ") TO STDOUT");
		var tabs = new int[5];
		byte[] row;
		while ((row = out.readFromCopy()) != null) {
			int end = row[row.length - 1] == '\n' ? row.length - 1 : row.length;
			int found = 0;
			for (int i = 0; i < end && found < 4; i++) {
				if (row[i] == '\t') {
					tabs[found++] = i;
				}
			}
			tabs[4] = end;
			long id = 0;
			for (int i = 0; i < tabs[0]; i++) {
				id = id * 10 + (row[i] - '0');
			}
			var domain = copyText(row, tabs[0] + 1, tabs[1]);
			var normalized = copyText(row, tabs[1] + 1, tabs[2]);
			long account = id;
			byte[] line = row;
			int nameFrom = tabs[2] + 1;
			int nameTo = tabs[3];
			int countryTo = tabs[4];
			reader.offer(domain, normalized, () -> new CustomerRecord(account, copyText(line, nameFrom, nameTo), domain,
					normalized, copyText(line, nameTo + 1, countryTo)));
		}
	}

	/** A text value of COPY's text format (backslash escapes undone). */
	private static String copyText(byte[] row, int from, int to) {
		if (to - from == 2 && row[from] == '\\' && row[from + 1] == 'N') {
			return null;
		}
		var text = new String(row, from, to - from, StandardCharsets.UTF_8);
		if (text.indexOf('\\') < 0) {
			return text;
		}
		var plain = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c != '\\' || i + 1 == text.length()) {
				plain.append(c);
				continue;
			}
			char escaped = text.charAt(++i);
			plain.append(switch (escaped) {
				case 't' -> '\t';
				case 'n' -> '\n';
				case 'r' -> '\r';
				default -> escaped;
			});
		}
		return plain.toString();
	}

}
