package com.trellis.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A CSV export's handler reads every page of its list from one snapshot of the database
 * (a read-only {@code REPEATABLE READ} transaction around the whole export): a list read
 * page by page while people work would otherwise repeat a row pushed from one page onto
 * the next by a row added meanwhile, or skip one (try14: 1,822 rows of 1,820
 * registrations). Every {@code GET} mapping of a {@code .csv} path carries it
 * ({@code EveryExportReadsOneSnapshotTests}). The transaction holds one connection while
 * the file streams to the reader.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public @interface ExportSnapshot {

}
