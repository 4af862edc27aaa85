package com.trellis.matching;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import com.trellis.shared.CsvImport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The labelled fixture {@code matching/labelled-pairs.csv}: 366 pairs built for issue 14
 * (same company under other domains, subdomains, spelling slips, accents and other
 * scripts, legal forms, free-mail domains, subsidiaries, look-alikes, country clashes,
 * domains several companies share), each labelled same or different. Every first company
 * is matched against all second companies at once, as a partner list row is matched
 * against the vendor's accounts; an automatic match counts, a possible one does not.
 */
class LabelledPairsTest {

	@Test
	void automaticMatchesArePreciseAndFindAlmostEveryTruePair() throws IOException {
		var pairs = pairs();
		var pool = new ArrayList<BestMatch.Candidate<Integer>>();
		for (int i = 0; i < pairs.size(); i++) {
			pool.add(new BestMatch.Candidate<>(i, pairs.get(i).b()));
		}
		int truePositives = 0;
		int falsePositives = 0;
		int same = 0;
		var missed = new TreeMap<String, List<String>>();
		var wrong = new ArrayList<String>();
		for (int i = 0; i < pairs.size(); i++) {
			var pair = pairs.get(i);
			same += pair.same() ? 1 : 0;
			var decision = BestMatch.among(pair.a(), pool);
			if (decision.matched() && decision.match() == i && pair.same()) {
				truePositives++;
			}
			else if (decision.matched()) {
				falsePositives++;
				wrong.add(pair.a().displayName() + " -> " + pairs.get(decision.match()).b().displayName() + " ("
						+ decision.how().reason() + ")");
			}
			if (pair.same() && !(decision.matched() && decision.match() == i)) {
				missed.computeIfAbsent(pair.category(), c -> new ArrayList<>())
					.add(pair.a().displayName() + " / " + pair.b().displayName());
			}
		}
		double precision = truePositives / (double) (truePositives + falsePositives);
		double recall = truePositives / (double) same;
		System.out.printf("Labelled pairs: %d (%d same); automatic matches: %d right, %d wrong%n", pairs.size(), same,
				truePositives, falsePositives);
		System.out.printf("precision %.4f, recall %.4f%n", precision, recall);
		wrong.forEach(w -> System.out.println("  wrong: " + w));
		missed.forEach((category, names) -> System.out.println("  missed " + category + ": " + names));
		assertThat(pairs).hasSizeGreaterThanOrEqualTo(300);
		assertThat(precision).isGreaterThanOrEqualTo(0.99);
		assertThat(recall).isGreaterThanOrEqualTo(0.95);
	}

	@Test
	void namesEqualOnlyBySpellingAreLeftForAPersonWhenTheirDomainsOrFirstLettersDifferOrAWordIsNotOneSlipOff()
			throws IOException {
		var lookAlikes = pairs().stream().filter(p -> p.category().equals("look-alike-spelling")).toList();
		assertThat(lookAlikes).hasSizeGreaterThanOrEqualTo(7);
		for (var pair : lookAlikes) {
			var decision = BestMatch.among(pair.a(), List.of(new BestMatch.Candidate<>(1, pair.b())));
			assertThat(decision.matched()).as("%s / %s", pair.a(), pair.b()).isFalse();
			assertThat(decision.possibles()).as("%s / %s", pair.a(), pair.b()).hasSize(1);
		}
	}

	@Test
	void aNameEqualOnlyBySpellingIsLeftForAPersonWhenAnotherAccountHasExactlyTheName() throws IOException {
		var pairs = pairs().stream().filter(p -> p.category().equals("exact-name-elsewhere")).toList();
		assertThat(pairs).hasSizeGreaterThanOrEqualTo(4);
		var accounts = new ArrayList<BestMatch.Candidate<Integer>>();
		for (int i = 0; i < pairs.size(); i++) {
			accounts.add(new BestMatch.Candidate<>(i, pairs.get(i).b()));
		}
		for (int i = 0; i < pairs.size(); i++) {
			var pair = pairs.get(i);
			var decision = BestMatch.among(pair.a(), accounts);
			if (pair.same()) {
				assertThat(decision.match()).as("%s", pair.a()).isEqualTo(i);
			}
			else {
				assertThat(decision.matched()).as("%s -> %s", pair.a(), decision.how()).isFalse();
				assertThat(decision.possibles()).as("%s", pair.a()).hasSizeGreaterThanOrEqualTo(2);
			}
		}
	}

	private static List<Pair> pairs() throws IOException {
		try (var in = LabelledPairsTest.class.getResourceAsStream("/matching/labelled-pairs.csv")) {
			var csv = CsvImport.read(new String(in.readAllBytes(), StandardCharsets.UTF_8),
					List.of("category", "name_a", "domain_a", "country_a", "name_b", "domain_b", "country_b", "label"));
			return csv.rows()
				.stream()
				.map(row -> new Pair(row.get("category"),
						Company.of(row.get("name_a"), blank(row.get("domain_a")), blank(row.get("country_a"))),
						Company.of(row.get("name_b"), blank(row.get("domain_b")), blank(row.get("country_b"))),
						row.get("label").equals("same")))
				.toList();
		}
	}

	private static String blank(String value) {
		return value.isBlank() ? null : value;
	}

	record Pair(String category, Company a, Company b, boolean same) {
	}

}
