package com.trellis.demo;

import java.util.Arrays;

/**
 * Partner-sourced deal registrations (partner index, time, opportunity id) in primitive
 * arrays, so the event stream can show a {@code DEAL_REGISTERED} event for each.
 */
final class Registrations {

	private int[] partners = new int[1024];

	private long[] times = new long[1024];

	private long[] opportunities = new long[1024];

	private int size;

	void add(int partnerIndex, long at, long opportunityId) {
		if (this.size == this.partners.length) {
			int capacity = this.size * 2;
			this.partners = Arrays.copyOf(this.partners, capacity);
			this.times = Arrays.copyOf(this.times, capacity);
			this.opportunities = Arrays.copyOf(this.opportunities, capacity);
		}
		this.partners[this.size] = partnerIndex;
		this.times[this.size] = at;
		this.opportunities[this.size] = opportunityId;
		this.size++;
	}

	int size() {
		return this.size;
	}

	/**
	 * Groups the registrations by partner, keeping at most {@code limit} overall: returns
	 * for partner {@code p} the indexes {@code start[p]} (inclusive) to
	 * {@code start[p+1]} into {@link #time(int)} and {@link #opportunity(int)}.
	 */
	int[] byPartner(int partnerCount, int limit) {
		int kept = Math.min(limit, this.size);
		int[] start = new int[partnerCount + 1];
		for (int i = 0; i < kept; i++) {
			start[this.partners[i] + 1]++;
		}
		for (int p = 0; p < partnerCount; p++) {
			start[p + 1] += start[p];
		}
		int[] next = Arrays.copyOf(start, partnerCount);
		long[] sortedTimes = new long[kept];
		long[] sortedOpportunities = new long[kept];
		for (int i = 0; i < kept; i++) {
			int slot = next[this.partners[i]]++;
			sortedTimes[slot] = this.times[i];
			sortedOpportunities[slot] = this.opportunities[i];
		}
		this.times = sortedTimes;
		this.opportunities = sortedOpportunities;
		this.partners = new int[0];
		this.size = kept;
		return start;
	}

	long time(int index) {
		return this.times[index];
	}

	long opportunity(int index) {
		return this.opportunities[index];
	}

}
