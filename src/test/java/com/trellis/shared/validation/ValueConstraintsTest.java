package com.trellis.shared.validation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorFactory;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ValueConstraintsTest {

	private final Validator validator = validator(Set.of("USD", "EUR", "JPY", "BHD"));

	@AmountsIn(amounts = { "amount", "fee" })
	record Command(@PlainText(max = 200) String name, @PlainText(max = 2000, multiline = true) String note,
			@MoneyAmount BigDecimal amount, @MoneyAmount(positive = false) BigDecimal fee, @IsoCurrency String currency,
			@BusinessDate LocalDate closeDate) {
	}

	@Test
	void aPlainCommandPasses() {
		assertThat(problems(command("Acme Corp", "1250.50", "USD"))).isEmpty();
	}

	@Test
	void yenAmountsHaveNoDecimals() {
		assertThat(problems(command("Acme", "1000", "JPY"))).isEmpty();
		assertThat(problems(command("Acme", "1000.5", "JPY")))
			.containsExactly("amount: must be a whole number: JPY has no decimals");
	}

	@Test
	void dinarAmountsKeepTheirThreeDecimals() {
		assertThat(CurrencyRule.decimals("BHD")).contains(3);
		assertThat(problems(command("Acme", "1.234", "BHD"))).isEmpty();
		assertThat(problems(command("Acme", "10.1250", "BHD"))).isEmpty();
		assertThat(problems(command("Acme", "10.1255", "BHD")))
			.containsExactly("amount: must have at most 3 decimals for BHD");
	}

	@Test
	void anAmountWithMoreDecimalsThanItsCurrencyIsRefusedNamingTheField() {
		assertThat(problems(command("Acme", "1.234", "USD")))
			.containsExactly("amount: must have at most 2 decimals for USD");
		assertThat(problems(command("Acme", "1.5", "JPY")))
			.containsExactly("amount: must be a whole number: JPY has no decimals");
	}

	@Test
	void moreDecimalsThanTheCurrencyHasAreRefusedNotRounded() {
		// however many decimals are sent, the currency's own are named (not the stored
		// four)
		assertThat(problems(command("Acme", "1.0123456789", "USD")))
			.containsExactly("amount: must have at most 2 decimals for USD");
		assertThat(problems(command("Acme", "0.00001", "BHD")))
			.containsExactly("amount: must have at most 3 decimals for BHD");
		assertThat(problems(command("Acme", "1.00001", null))).contains("amount: must have at most 4 decimals");
		assertThat(problems(command("Acme", "0.004", "USD")))
			.containsExactly("amount: must have at most 2 decimals for USD");
		assertThat(problems(command("Acme", "1.50000", "USD"))).isEmpty();
	}

	@Test
	void negativeZeroAndHugeAmountsAreRefused() {
		assertThat(problems(command("Acme", "-5", "USD"))).containsExactly("amount: must be more than zero");
		assertThat(problems(command("Acme", "0", "USD"))).containsExactly("amount: must be more than zero");
		assertThat(problems(command("Acme", "1e25", "USD")))
			.containsExactly("amount: must be at most 1000000000000.00");
		assertThat(problems(command("Acme", "99999999999999999.00", "USD")))
			.containsExactly("amount: must be at most 1000000000000.00");
		assertThat(new ValueLimits(new BigDecimal("500"), LocalDate.MIN, LocalDate.MAX)
			.amountProblem(new BigDecimal("500.01"), true)).contains("must be at most 500");
	}

	@Test
	void testingFundsAndUnknownCurrenciesAreRefused() {
		for (var code : new String[] { "XXX", "XTS", "XAU", "ZZZ", "usd", "Z1" }) {
			assertThat(CurrencyRule.problem(code)).as(code).contains("must be an ISO 4217 currency code such as USD");
		}
		// an empty field is missing, not a wrong code (try43)
		for (var code : new String[] { "", "  " }) {
			assertThat(CurrencyRule.problem(code)).as("'" + code + "'")
				.contains("is required (an ISO 4217 code such as USD)");
		}
		assertThat(CurrencyRule.problem("XOF")).as("the CFA franc is a real currency").isEmpty();
	}

	@Test
	void aCurrencyWithoutAnExchangeRateIsRefusedUntilTheAdminAddsIt() {
		assertThat(problems(command("Acme", "100", "SEK"))).containsExactly(
				"currency: has no exchange rate: a program admin must add the rate for SEK before amounts in it can be entered");
		assertThat(validator(Set.of("SEK")).validate(command("Acme", "100", "SEK"))).isEmpty();
	}

	@Test
	void datesOutsideTheBusinessWindowAreRefused() {
		for (var date : new LocalDate[] { LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31), LocalDate.of(10000, 1, 1),
				LocalDate.of(1969, 12, 31) }) {
			var command = new Command("Acme", null, BigDecimal.TEN, null, "USD", date);
			assertThat(problems(command)).as(date.toString())
				.containsExactly("closeDate: must be between 1970-01-01 and 2100-12-31");
		}
		assertThat(problems(new Command("Acme", null, BigDecimal.TEN, null, "USD", LocalDate.of(2100, 12, 31))))
			.isEmpty();
	}

	@Test
	void controlCharactersAndBidiOverridesAreRefused() {
		assertThat(problems(command("Acme\u202Egnp.exe", "1", "USD")))
			.containsExactly("name: must not contain control characters (found U+202E)");
		assertThat(problems(command("Acme\u0000", "1", "USD")))
			.containsExactly("name: must not contain control characters (found U+0000)");
		assertThat(problems(command("Acme\r\nCorp", "1", "USD"))).containsExactly("name: must be a single line");
	}

	@Test
	void invisibleOnlyNamesNoncharactersAndLoneSurrogatesAreRefused() {
		// and no-break and ideographic spaces, blank to a reader (s55)
		for (var name : new String[] { "\u200B", "\u200B\u2060 \uFEFF", "\u00AD", "\u00A0\u00A0", "\u00A0\u3000",
				" \u202F\u2007 " }) {
			assertThat(problems(command(name, "1", "USD"))).as(name)
				.containsExactly("name: must contain visible characters, not only spaces or invisible ones");
		}
		assertThat(problems(command("\u00A0Acme\u00A0", "1", "USD"))).isEmpty();
		assertThat(problems(command("Acme\uFFFE", "1", "USD")))
			.containsExactly("name: must not contain control characters (found U+FFFE)");
		assertThat(problems(command("Acme\uFFFF", "1", "USD")))
			.containsExactly("name: must not contain control characters (found U+FFFF)");
		assertThat(problems(command("Acme\uD800", "1", "USD")))
			.containsExactly("name: must not contain control characters (found U+D800)");
		assertThat(problems(command("\uD83D\uDC69\u200D\uD83D\uDCBB Acme", "1", "USD"))).as("a joined emoji").isEmpty();
	}

	@Test
	void notesMayHaveLineBreaksButNoControlCharacters() {
		assertThat(problems(new Command("Acme", "first line\nsecond line\r\nthird", BigDecimal.TEN, null, "USD", null)))
			.isEmpty();
		assertThat(problems(new Command("Acme", "a note\u2067", BigDecimal.TEN, null, "USD", null)))
			.containsExactly("note: must not contain control characters (found U+2067)");
	}

	@Test
	void textsBeyondTheirLengthAreRefused() {
		assertThat(problems(command("x".repeat(1_000_000), "1", "USD")))
			.containsExactly("name: must be at most 200 characters (it has 1000000)");
		assertThat(problems(command("x".repeat(200), "1", "USD"))).isEmpty();
		assertThat(problems(command("\uD83D\uDE00".repeat(200), "1", "USD"))).as("200 emoji are 200 characters")
			.isEmpty();
	}

	private static Command command(String name, String amount, String currency) {
		return new Command(name, null, new BigDecimal(amount), new BigDecimal("0.00"), currency,
				LocalDate.of(2027, 3, 31));
	}

	private java.util.List<String> problems(Command command) {
		return this.validator.validate(command)
			.stream()
			.map(v -> v.getPropertyPath() + ": " + v.getMessage())
			.sorted()
			.toList();
	}

	private static Validator validator(Set<String> withRates) {
		var configuration = Validation.byDefaultProvider().configure();
		var defaults = configuration.getDefaultConstraintValidatorFactory();
		return configuration.constraintValidatorFactory(new ConstraintValidatorFactory() {
			@Override
			@SuppressWarnings("unchecked")
			public <T extends ConstraintValidator<?, ?>> T getInstance(Class<T> key) {
				return key == IsoCurrencyValidator.class ? (T) new IsoCurrencyValidator(withRates::contains)
						: defaults.getInstance(key);
			}

			@Override
			public void releaseInstance(ConstraintValidator<?, ?> instance) {
			}
		}).buildValidatorFactory().getValidator();
	}

}
