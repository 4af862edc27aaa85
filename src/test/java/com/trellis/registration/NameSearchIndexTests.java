package com.trellis.registration;

import java.util.stream.Stream;

import com.trellis.support.TrellisTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A name new to the conflict check's name searches is in their GIN index at once, not in
 * its pending list (V299): a pending list is read in full by every search until a vacuum
 * moves it, and a busy hour's new names made the search about ten times slower on the
 * large dataset. Many names are inserted, then the index's pending list is emptied: it
 * must have held nothing. In one transaction, rolled back.
 */
@TrellisTest
class NameSearchIndexTests {

	/** Each index and a statement adding 500 names to its table. */
	static Stream<Arguments> indexes() {
		return Stream.of(Arguments.of("registration_name_words_idx", """
				INSERT INTO registration_name (normalized_name, name_shape, lead_word, second_word)
				SELECT 'pending check ' || g, '* * *', 'pending', 'check' || g FROM generate_series(1, 500) g"""),
				Arguments.of("account_name_words_trgm_idx", """
						INSERT INTO account_name (normalized_name, lead_word, second_word, accounts)
						SELECT 'pending check ' || g, 'pending', 'check' || g, 1 FROM generate_series(1, 500) g"""));
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@ParameterizedTest
	@MethodSource("indexes")
	void newNamesAreSearchableWithoutAPendingList(String index, String insertNames) {
		this.transactions.executeWithoutResult((status) -> {
			status.setRollbackOnly();
			assertThat(this.jdbc.sql(insertNames).update()).isEqualTo(500);
			Long pendingPages = this.jdbc.sql("SELECT gin_clean_pending_list(CAST(:index AS regclass))")
				.param("index", index)
				.query(Long.class)
				.single();
			assertThat(pendingPages).as("pages of %s's pending list after 500 new names", index).isZero();
		});
	}

}
