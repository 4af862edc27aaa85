package com.trellis.cadence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;

/**
 * A pack as PDF (rendered from the same sections as the page, with the fonts of
 * {@link PdfFonts} embedded) and as CSV rows, and a quarter's meetings as an iCalendar
 * file.
 */
@Component
class PackExports {

	private final ITemplateEngine templates;

	private final Clock clock;

	private final org.springframework.context.ApplicationContext beans;

	PackExports(ITemplateEngine templates, Clock clock, org.springframework.context.ApplicationContext beans) {
		this.beans = beans;
		this.templates = templates;
		this.clock = clock;
	}

	byte[] pdf(Pack pack) {
		var context = new Context(Locale.ENGLISH, Map.of("pack", pack));
		// the print page formats with the same beans as the pages (@figures, @labels)
		context.setVariable(
				org.thymeleaf.spring6.expression.ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new org.thymeleaf.spring6.expression.ThymeleafEvaluationContext(this.beans, null));
		var html = this.templates.process("cadence/print", context);
		try (var out = new ByteArrayOutputStream()) {
			var builder = new PdfRendererBuilder();
			builder.useFastMode();
			PdfFonts.register(builder);
			builder.withHtmlContent(html, null);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Every section as a block of rows: the heading, the column labels, the values (money
	 * at the reporting currency's minor unit, percentages at one decimal, as the page and
	 * the PDF show them), then an empty row.
	 */
	static List<List<?>> csv(Pack pack) {
		var rows = new ArrayList<List<?>>();
		rows.add(List.of(pack.title(), pack.quarter(), "week " + pack.week(), pack.audience()));
		for (var section : pack.sections()) {
			rows.add(List.of());
			rows.add(List.of(section.heading()));
			rows.add(section.columns().stream().map(Pack.Column::label).toList());
			var columns = section.columns();
			for (var row : section.rows()) {
				var values = new ArrayList<Object>(row.size());
				for (int i = 0; i < row.size(); i++) {
					var kind = i < columns.size() ? columns.get(i).kind() : Pack.Kind.TEXT;
					values.add(switch (kind) {
						case MONEY -> PackMath.money(row.get(i));
						case PERCENT -> com.trellis.shared.Percent.round(row.get(i));
						default -> row.get(i);
					});
				}
				rows.add(values);
			}
		}
		return rows;
	}

	/**
	 * The meetings as events at their times ({@link Packs.Entry#startsAt}). Each has a
	 * stable UID, the same in every attendee's file (a PAM's weekly call is the program's
	 * call), so importing the file again updates the events instead of adding copies.
	 */
	String calendar(List<Packs.Entry> entries, URI base) {
		var calendar = new Calendar().withProdId("-//Trellis//Operating cadence//EN").withDefaults().getFluentTarget();
		var stamp = new DtStamp(this.clock.instant());
		for (var entry : entries) {
			Instant start = entry.startsAt();
			var summary = entry.meeting().title() + (entry.pamId() == null ? "" : " · " + entry.audience());
			var link = base.resolve(PackLinks.page(entry));
			VEvent event = new VEvent(start, start.plus(entry.meeting().length()), summary);
			event.replace(stamp);
			event.add(new Uid(
					entry.quarter() + "-w" + entry.week() + "-" + entry.meeting().name().toLowerCase(Locale.ROOT)
							+ (entry.meeting().perPam() ? "-pam" + entry.pamId() : "") + "@trellis"));
			event.add(new Url(link));
			event.add(new Description("Week " + entry.week() + " of " + entry.quarter() + ". Pack: " + link));
			calendar.add(event);
		}
		calendar.validate();
		// unfolded by the library, folded here by octets (IcsLines)
		return IcsLines.fold(calendar.toString());
	}

}
