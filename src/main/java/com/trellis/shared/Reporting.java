package com.trellis.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Marks the {@code JdbcClient} for read-only reporting SQL (KPIs, funnel, packs): it
 * reads from the read replica named by {@code trellis.reporting.datasource.url} when one
 * is set, and is the primary's client otherwise. Such a client never writes, and what it
 * reads may lag the primary by the replication delay (usually well under a second).
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Qualifier
public @interface Reporting {

}
