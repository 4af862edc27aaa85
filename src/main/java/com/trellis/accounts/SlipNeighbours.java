package com.trellis.accounts;

import java.util.Arrays;
import java.util.List;

import com.trellis.matching.OneSlipKeys;

/**
 * The companies of a list (by index) that accounts are one slip of the keyboard apart
 * from, found in one pass over the accounts: the companies' {@link OneSlipKeys} are held
 * in an open-addressing table, and each account offered looks its own keys up there. The
 * work grows with the accounts once and with the companies once, not with how many
 * accounts share part of a name (a key stands for a whole name less one letter, so it is
 * shared by a few names at most).
 */
final class SlipNeighbours {

	private static final int NONE = -1;

	private final long[] keys;

	/** Per slot, the first entry (company) of its key, or NONE. */
	private final int[] first;

	/** Entries: the company, and the next entry of the same key. */
	private int[] company;

	private int[] next;

	private int entries;

	private final int mask;

	/** Found pairs: company index and account id, in the order found. */
	private int[] pairCompany = new int[1024];

	private long[] pairAccount = new long[1024];

	private int pairs;

	private int lastCompany = NONE;

	private long lastAccount;

	SlipNeighbours(List<String> companyNames, List<Integer> which) {
		long most = 0;
		for (int n : which) {
			var name = companyNames.get(n);
			most += name == null ? 0 : name.length() + 1;
		}
		// at most half full: a probe ends at a free slot soon
		int capacity = Integer.highestOneBit((int) Math.max(16, Math.min(1 << 29, most))) << 2;
		this.keys = new long[capacity];
		this.first = new int[capacity];
		Arrays.fill(this.first, NONE);
		this.mask = capacity - 1;
		this.company = new int[(int) Math.max(16, Math.min(1 << 29, most))];
		this.next = new int[this.company.length];
		for (int n : which) {
			OneSlipKeys.forEach(companyNames.get(n), key -> add(key, n));
		}
	}

	private void add(long key, int n) {
		int slot = slot(key);
		for (int e = this.first[slot]; e != NONE; e = this.next[e]) {
			if (this.company[e] == n) {
				return;
			}
		}
		if (this.entries == this.company.length) {
			this.company = Arrays.copyOf(this.company, this.entries * 2);
			this.next = Arrays.copyOf(this.next, this.entries * 2);
		}
		this.company[this.entries] = n;
		this.next[this.entries] = this.first[slot];
		this.first[slot] = this.entries++;
		this.keys[slot] = key;
	}

	/** The slot of a key: its own, or the free one where it would go. */
	private int slot(long key) {
		int slot = (int) mix(key) & this.mask;
		while (this.first[slot] != NONE && this.keys[slot] != key) {
			slot = (slot + 1) & this.mask;
		}
		return slot;
	}

	/** Records the companies this account shares a key with. */
	void offer(long accountId, String normalizedName) {
		OneSlipKeys.forEach(normalizedName, key -> {
			for (int e = this.first[slot(key)]; e != NONE; e = this.next[e]) {
				found(this.company[e], accountId);
			}
		});
	}

	private void found(int n, long accountId) {
		if (n == this.lastCompany && accountId == this.lastAccount) {
			return;
		}
		this.lastCompany = n;
		this.lastAccount = accountId;
		if (this.pairs == this.pairCompany.length) {
			this.pairCompany = Arrays.copyOf(this.pairCompany, this.pairs * 2);
			this.pairAccount = Arrays.copyOf(this.pairAccount, this.pairs * 2);
		}
		this.pairCompany[this.pairs] = n;
		this.pairAccount[this.pairs++] = accountId;
	}

	int pairs() {
		return this.pairs;
	}

	int companyOf(int pair) {
		return this.pairCompany[pair];
	}

	long accountOf(int pair) {
		return this.pairAccount[pair];
	}

	/** A 64-bit finaliser, so that neighbouring hashes spread over the table. */
	private static long mix(long key) {
		long h = key ^ (key >>> 33);
		h *= 0xff51afd7ed558ccdL;
		h ^= h >>> 33;
		h *= 0xc4ceb9fe1a85ec53L;
		return h ^ (h >>> 33);
	}

}
