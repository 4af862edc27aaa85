package com.trellis.accounts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.trellis.matching.Company;
import com.trellis.matching.OneSlipKeys;

/**
 * A partner list's companies as one pass over the accounts looks them up: their
 * registrable domains in a hash map, and the keys of their distinct normalised names
 * ({@link OneSlipKeys}: the whole name, the name less one letter of a longer word, the
 * name's first words) in an open-addressing table behind a small filter that answers most
 * misses from the processor's cache. Each account offered to a {@link Reader} looks its
 * own domain and keys up, and the reader keeps what it met: the same domain or name, one
 * slip apart, extended by words (the account's first words are the company's name) or
 * shortened by words (the account's name is the company's first words). Read-only once
 * built, so several readers (threads) may share it.
 */
final class ListNeighbours {

	/** What an account is to a company. */
	enum Kind {

		SAME_DOMAIN, SAME_NAME, ONE_SLIP, EXTENDED, SHORTENED

	}

	private static final int NONE = -1;

	/** Shards of the key table, built at once (one a core of two). */
	private static final int SHARDS = 2;

	final List<Company> companies;

	/** Distinct normalised names, and the companies (by index) bearing each. */
	final List<String> names = new ArrayList<>();

	final List<int[]> bearers = new ArrayList<>();

	private final Map<String, int[]> byDomain = new HashMap<>();

	/**
	 * The keys, in shards by hash, each shard filled by a thread of its own (building the
	 * table for 100,000 names is itself a second of work).
	 */
	private final KeyTable[] shards;

	ListNeighbours(List<Company> companies) {
		this.companies = companies;
		var nameIds = new HashMap<String, Integer>();
		var bearing = new ArrayList<List<Integer>>();
		var domains = new HashMap<String, List<Integer>>();
		long most = 0;
		for (int i = 0; i < companies.size(); i++) {
			var company = companies.get(i);
			if (company.identityDomain() != null) {
				domains.computeIfAbsent(company.identityDomain(), d -> new ArrayList<>()).add(i);
			}
			var name = company.normalizedName();
			if (name != null) {
				int id = nameIds.computeIfAbsent(name, n -> {
					this.names.add(n);
					bearing.add(new ArrayList<>(1));
					return this.names.size() - 1;
				});
				bearing.get(id).add(i);
			}
		}
		bearing.forEach(b -> this.bearers.add(b.stream().mapToInt(Integer::intValue).toArray()));
		domains.forEach((d, b) -> this.byDomain.put(d, b.stream().mapToInt(Integer::intValue).toArray()));
		for (var name : this.names) {
			most += name.length() + 2;
		}
		long perShard = most / SHARDS + 16;
		this.shards = new KeyTable[SHARDS];
		IntStream.range(0, SHARDS).parallel().forEach(shard -> {
			var table = new KeyTable(perShard);
			for (int id = 0; id < this.names.size(); id++) {
				int name = id;
				OneSlipKeys.forEach(this.names.get(id), true, (key, kind) -> {
					long mixed = mix(key);
					if (shard(mixed) == shard) {
						table.add(key, mixed, name, kind);
					}
				});
			}
			this.shards[shard] = table;
		});
	}

	private static int shard(long mixed) {
		return (int) (mixed >>> 62) & (SHARDS - 1);
	}

	/** A 64-bit finaliser, so that neighbouring hashes spread over the table. */
	private static long mix(long key) {
		long h = key ^ (key >>> 33);
		h *= 0xff51afd7ed558ccdL;
		h ^= h >>> 33;
		h *= 0xc4ceb9fe1a85ec53L;
		return h ^ (h >>> 33);
	}

	/**
	 * What an account key of one kind meeting a company key of another makes the account:
	 * the same name, one slip apart, extended or shortened by words, or nothing.
	 */
	private static Kind meeting(int accountKey, int companyKey) {
		if (accountKey == OneSlipKeys.FIRST_WORDS) {
			return companyKey == OneSlipKeys.WHOLE ? Kind.EXTENDED : null;
		}
		if (companyKey == OneSlipKeys.FIRST_WORDS) {
			return accountKey == OneSlipKeys.WHOLE ? Kind.SHORTENED : null;
		}
		return accountKey == OneSlipKeys.WHOLE && companyKey == OneSlipKeys.WHOLE ? Kind.SAME_NAME : Kind.ONE_SLIP;
	}

	/** An account met: which company (SAME_DOMAIN) or name (others) and how. */
	record Met(int target, Kind kind, CustomerRecord account) {
	}

	/** Offers accounts one by one and keeps what they met; one per thread. */
	final class Reader {

		final List<Met> met = new ArrayList<>();

		private java.util.function.Supplier<CustomerRecord> row;

		private CustomerRecord account;

		private int lastTarget = NONE;

		private Kind lastKind;

		/** An account: its keys, and the whole record, read only when it meets one. */
		void offer(String registrableDomain, String normalizedName,
				java.util.function.Supplier<CustomerRecord> record) {
			this.row = record;
			this.account = null;
			this.lastTarget = NONE;
			if (registrableDomain != null) {
				var same = ListNeighbours.this.byDomain.get(registrableDomain);
				if (same != null) {
					for (int company : same) {
						this.met.add(new Met(company, Kind.SAME_DOMAIN, account()));
					}
				}
			}
			OneSlipKeys.forEach(normalizedName, true, this::look);
		}

		private void look(long key, int accountKind) {
			long mixed = mix(key);
			var table = ListNeighbours.this.shards[shard(mixed)];
			for (int e = table.entry(key, mixed); e != NONE; e = table.next[e]) {
				var kind = meeting(accountKind, table.entryKind[e]);
				if (kind != null) {
					met(table.entryName[e], kind);
				}
			}
		}

		private void met(int name, Kind kind) {
			var account = account();
			var company = ListNeighbours.this.names.get(name);
			var other = account.normalizedName();
			// keys are hashes: what a hash promises is checked on the names
			if (kind == Kind.SAME_NAME && !company.equals(other)) {
				kind = Kind.ONE_SLIP;
			}
			if (kind == Kind.EXTENDED && !(other.length() > company.length() + 1 && other.startsWith(company)
					&& other.charAt(company.length()) == ' ')) {
				return;
			}
			if (kind == Kind.SHORTENED && !(company.length() > other.length() + 1 && company.startsWith(other)
					&& company.charAt(other.length()) == ' ')) {
				return;
			}
			if (name == this.lastTarget && kind == this.lastKind) {
				return;
			}
			this.lastTarget = name;
			this.lastKind = kind;
			this.met.add(new Met(name, kind, account));
		}

		private CustomerRecord account() {
			if (this.account == null) {
				this.account = this.row.get();
			}
			return this.account;
		}

	}

	/**
	 * An open-addressing table of keys, each with its entries (name and kind of key),
	 * behind a filter of one 64-bit word per key holding three of its bits: most keys not
	 * held end there, in a few megabytes the processor's cache keeps.
	 */
	private static final class KeyTable {

		private final long[] keys;

		/** Per slot, the first entry of its key, or NONE. */
		private final int[] first;

		private int[] entryName;

		private byte[] entryKind;

		private int[] next;

		private int entries;

		private final int mask;

		private final long[] filter;

		private final int filterMask;

		KeyTable(long most) {
			// at most two thirds full: a probe ends at a free slot soon
			int capacity = Integer.highestOneBit((int) Math.max(16, Math.min(1 << 27, most * 3 / 2))) << 1;
			this.keys = new long[capacity];
			this.first = new int[capacity];
			Arrays.fill(this.first, NONE);
			this.mask = capacity - 1;
			this.entryName = new int[(int) Math.max(16, Math.min(1 << 28, most))];
			this.entryKind = new byte[this.entryName.length];
			this.next = new int[this.entryName.length];
			// four bits of filter a slot, about eight a key
			this.filter = new long[Math.max(1, capacity / 16)];
			this.filterMask = this.filter.length - 1;
		}

		void add(long key, long mixed, int name, int kind) {
			int slot = slot(key, mixed);
			for (int e = this.first[slot]; e != NONE; e = this.next[e]) {
				if (this.entryName[e] == name && this.entryKind[e] == kind) {
					return;
				}
			}
			if (this.entries == this.entryName.length) {
				this.entryName = Arrays.copyOf(this.entryName, this.entries * 2);
				this.entryKind = Arrays.copyOf(this.entryKind, this.entries * 2);
				this.next = Arrays.copyOf(this.next, this.entries * 2);
			}
			this.entryName[this.entries] = name;
			this.entryKind[this.entries] = (byte) kind;
			this.next[this.entries] = this.first[slot];
			this.first[slot] = this.entries++;
			this.keys[slot] = key;
			this.filter[(int) (mixed >>> 38) & this.filterMask] |= bits(mixed);
		}

		/** The first entry of a key, or NONE. */
		int entry(long key, long mixed) {
			long bits = bits(mixed);
			if ((this.filter[(int) (mixed >>> 38) & this.filterMask] & bits) != bits) {
				return NONE;
			}
			return this.first[slot(key, mixed)];
		}

		/** The slot of a key: its own, or the free one where it would go. */
		private int slot(long key, long mixed) {
			int slot = (int) mixed & this.mask;
			while (this.first[slot] != NONE && this.keys[slot] != key) {
				slot = (slot + 1) & this.mask;
			}
			return slot;
		}

		private static long bits(long mixed) {
			return 1L << ((mixed >>> 20) & 63) | 1L << ((mixed >>> 26) & 63) | 1L << ((mixed >>> 32) & 63);
		}

	}

}
