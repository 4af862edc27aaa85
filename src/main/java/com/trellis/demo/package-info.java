/**
 * Generates a realistic, deterministic demo partner ecosystem (users, partners, accounts,
 * deals and activity) and bulk-loads it into an empty database with PostgreSQL COPY.
 */
package com.trellis.demo;
