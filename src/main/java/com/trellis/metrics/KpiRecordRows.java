package com.trellis.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.trellis.shared.MoneyFormat;
import org.thymeleaf.util.EvaluationUtils;
import org.unbescape.uri.UriEscape;

import org.springframework.context.MessageSource;

/**
 * The records of a KPI's page ({@link KpiRecordList}'s rows) as the page's table shows
 * them, each cell's text made once per row in Java: the link of a deal or partner, the
 * value (an amount with its currency in the reader's locale, the words for an unknown
 * amount or for no figure, otherwise a number of days, hours or a count grouped with two
 * decimals in the reader's locale, "1,234.50" or "1.234,50" in de-DE; try30: it read
 * "95.56" to a German reader) and "yes" or "no" for counted. The words are looked up once
 * per page, the locale read once.
 * <p>
 * Why: the template read each of the up to 1,000 rows' cells from a map through
 * expressions (about ten a row, each an indexed read that builds the map's type
 * descriptors), looked up the words of each row and built each link through the link
 * builder; the page's rendering took longer than its statements. The markup is the former
 * template's, cell for cell ({@code KpiPageSameRowsTests}).
 */
final class KpiRecordRows {

	private KpiRecordRows() {
	}

	/**
	 * One table row.
	 *
	 * @param kind {@code deal}, {@code partner} (each a link to its page) or another kind
	 * (plain text)
	 * @param href the deal's or partner's page (with the context path), null for another
	 * kind
	 * @param label the record's name
	 * @param side {@code partner} or {@code direct}
	 * @param value the value cell's text
	 * @param counted the counted cell's text
	 */
	record Row(String kind, String href, String label, Object side, String value, String counted) {

		/** For the template: a deal's link. */
		public boolean isDeal() {
			return "deal".equals(this.kind);
		}

		/** For the template: a partner's link. */
		public boolean isPartner() {
			return "partner".equals(this.kind);
		}

	}

	/**
	 * The rows of {@code records} (each with {@code kind}, {@code id}, {@code label},
	 * {@code side}, {@code value}, {@code currency}, {@code counted},
	 * {@code amountUnknown}), in their order.
	 * @param contextPath the application's context path ("" at the root)
	 * @param messages the page's words, read in {@code locale}
	 * @param locale the reader's locale (the page's words and amounts)
	 */
	static List<Row> of(List<Map<String, Object>> records, String contextPath, MessageSource messages, Locale locale) {
		var yes = messages.getMessage("metrics.yes", null, locale);
		var no = messages.getMessage("metrics.no", null, locale);
		var unknown = messages.getMessage("deal.amountUnknown", null, locale);
		var noValue = messages.getMessage("metrics.noValue", null, locale);
		var deals = contextPath + "/opportunities/";
		var partners = contextPath + "/partners/";
		var number = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(locale));
		var rows = new ArrayList<Row>(records.size());
		for (var r : records) {
			var kind = r.get("kind");
			var id = r.get("id");
			String href = null;
			if ("deal".equals(kind)) {
				href = deals + segment(id);
			}
			else if ("partner".equals(kind)) {
				href = partners + segment(id);
			}
			var value = r.get("value");
			var currency = r.get("currency");
			String shown;
			if (EvaluationUtils.evaluateAsBoolean(r.get("amountUnknown"))) {
				shown = unknown;
			}
			else if (value == null) {
				shown = noValue;
			}
			else if (currency != null) {
				shown = MoneyFormat.format(amount(value), currency.toString(), locale);
			}
			else if (value instanceof Number) {
				shown = number.format(amount(value).setScale(2, RoundingMode.HALF_UP));
			}
			else {
				shown = value.toString();
			}
			rows.add(new Row(kind == null ? null : kind.toString(), href, text(r.get("label")), r.get("side"), shown,
					EvaluationUtils.evaluateAsBoolean(r.get("counted")) ? yes : no));
		}
		return rows;
	}

	private static String segment(Object id) {
		return id == null ? "" : UriEscape.escapeUriPathSegment(id.toString());
	}

	private static String text(Object label) {
		return label == null ? null : label.toString();
	}

	private static BigDecimal amount(Object value) {
		return value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
	}

}
